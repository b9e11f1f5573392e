// usage: node crop.mjs file.png y height out.png [scale]
import { chromium } from 'playwright-core';
const [file, y, h, out] = process.argv.slice(2);
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu'] });
const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
await page.setContent(`<body style="margin:0"><img id=i src="data:image/png;base64,${(await import('node:fs')).readFileSync(file).toString('base64')}"></body>`);
const w = await page.$eval('#i', (i) => i.naturalWidth);
await page.screenshot({ path: out, clip: { x: 0, y: Number(y), width: w, height: Number(h) }, fullPage: true });
await browser.close();
