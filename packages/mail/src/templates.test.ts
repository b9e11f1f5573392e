import { describe, expect, it } from 'vitest';
import { renderEmail } from './templates.ts';

describe('renderEmail', () => {
  const mail = renderEmail({
    preheader: 'Preview',
    heading: 'Hello <script>alert(1)</script>',
    paragraphs: ['Ann & Bob said "hi"'],
    action: { label: 'Open', url: 'https://handoff.example/x?a=1&b=2' },
    unsubscribeUrl: 'https://handoff.example/unsub?u=1',
    settingsUrl: 'https://handoff.example/settings',
  });

  it('escapes user-supplied text in the HTML part', () => {
    expect(mail.html).not.toContain('<script>');
    expect(mail.html).toContain('Hello &lt;script&gt;');
    expect(mail.html).toContain('Ann &amp; Bob said &quot;hi&quot;');
    expect(mail.html).toContain('href="https://handoff.example/x?a=1&amp;b=2"');
  });

  it('has a plain-text part with the link, the unsubscribe and settings links', () => {
    expect(mail.text).toContain('Open: https://handoff.example/x?a=1&b=2');
    expect(mail.text).toContain('Unsubscribe: https://handoff.example/unsub?u=1');
    expect(mail.text).toContain('Notification settings: https://handoff.example/settings');
  });

  it('leaves the unsubscribe footer out of account mail', () => {
    const account = renderEmail({ preheader: 'p', heading: 'h', paragraphs: ['x'] });
    expect(account.html).not.toContain('Unsubscribe');
    expect(account.text).not.toContain('Unsubscribe');
  });
});
