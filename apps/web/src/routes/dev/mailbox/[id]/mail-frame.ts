/**
 * The HTML part as an iframe `srcdoc`. The frame is sandboxed (no scripts, its own origin), so the
 * mail's styles cannot leak into the page; `<base target="_top">` makes its links replace this page
 * rather than try to load inside the frame, the way they would open from a mail client.
 */
export function mailSrcdoc(html: string): string {
  const base = '<base target="_top">';
  if (/<head[^>]*>/i.test(html)) return html.replace(/<head[^>]*>/i, (head) => `${head}${base}`);
  return `${base}${html}`;
}
