/**
 * The product's e-mail look: one layout for every message, with an HTML part (table layout and
 * inline styles, which is what mail clients render reliably) and a plain-text part.
 */
export interface EmailContent {
  /** The grey preview line inboxes show after the subject. */
  preheader: string;
  heading: string;
  paragraphs: string[];
  action?: { label: string; url: string };
  footnote?: string;
  /** Where the law expects one (notifications, not account mail), a one-click opt-out. */
  unsubscribeUrl?: string;
  settingsUrl?: string;
}

const escape = (s: string) =>
  s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');

const ACCENT = '#0f766e';

export function renderEmail(c: EmailContent): { html: string; text: string } {
  const paragraphs = c.paragraphs
    .map((p) => `<p style="margin:0 0 16px;font-size:16px;line-height:24px;color:#1f2937">${escape(p)}</p>`)
    .join('');
  const button = c.action
    ? `<table role="presentation" cellspacing="0" cellpadding="0" style="margin:8px 0 24px"><tr><td style="border-radius:8px;background:${ACCENT}">
<a href="${escape(c.action.url)}" style="display:inline-block;padding:12px 22px;font-size:16px;font-weight:600;color:#ffffff;text-decoration:none;border-radius:8px">${escape(c.action.label)}</a>
</td></tr></table>
<p style="margin:0 0 16px;font-size:13px;line-height:20px;color:#6b7280">Or paste this link into your browser:<br><a href="${escape(c.action.url)}" style="color:${ACCENT};word-break:break-all">${escape(c.action.url)}</a></p>`
    : '';
  const footLinks = [
    c.settingsUrl ? `<a href="${escape(c.settingsUrl)}" style="color:#6b7280">Notification settings</a>` : '',
    c.unsubscribeUrl
      ? `<a href="${escape(c.unsubscribeUrl)}" style="color:#6b7280">Unsubscribe from these e-mails</a>`
      : '',
  ]
    .filter(Boolean)
    .join(' · ');
  const html = `<!doctype html><html><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${escape(c.heading)}</title></head>
<body style="margin:0;padding:0;background:#f3f4f6;font-family:-apple-system,BlinkMacSystemFont,'Segoe UI',Roboto,Helvetica,Arial,sans-serif">
<span style="display:none;max-height:0;overflow:hidden;opacity:0">${escape(c.preheader)}</span>
<table role="presentation" width="100%" cellspacing="0" cellpadding="0" style="background:#f3f4f6;padding:32px 12px"><tr><td align="center">
<table role="presentation" width="100%" cellspacing="0" cellpadding="0" style="max-width:560px">
<tr><td style="padding:0 8px 16px;font-size:20px;font-weight:700;color:${ACCENT}">Handoff</td></tr>
<tr><td style="background:#ffffff;border-radius:12px;padding:32px;border:1px solid #e5e7eb">
<h1 style="margin:0 0 16px;font-size:22px;line-height:30px;color:#111827">${escape(c.heading)}</h1>
${paragraphs}${button}
${c.footnote ? `<p style="margin:16px 0 0;font-size:13px;line-height:20px;color:#6b7280">${escape(c.footnote)}</p>` : ''}
</td></tr>
<tr><td style="padding:16px 8px;font-size:12px;line-height:18px;color:#6b7280">Handoff — hand off the back office, keep the business.${footLinks ? `<br>${footLinks}` : ''}</td></tr>
</table></td></tr></table></body></html>`;

  const text = [
    c.heading,
    '',
    ...c.paragraphs.flatMap((p) => [p, '']),
    ...(c.action ? [`${c.action.label}: ${c.action.url}`, ''] : []),
    ...(c.footnote ? [c.footnote, ''] : []),
    '--',
    'Handoff — hand off the back office, keep the business.',
    ...(c.settingsUrl ? [`Notification settings: ${c.settingsUrl}`] : []),
    ...(c.unsubscribeUrl ? [`Unsubscribe: ${c.unsubscribeUrl}`] : []),
  ].join('\n');
  return { html, text };
}
