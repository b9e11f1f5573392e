import type { LinkSigner } from '../links.ts';

/** How long a reference link works; reminders go out inside it, and it then counts as unreachable. */
export const REFERENCE_TTL_MS = 14 * 86_400_000;
/** Reminders after 1, 3 and 7 days from the first e-mail. */
export const REMINDER_DAYS = [1, 3, 7] as const;
/** Three or more answers for one provider within this window flag the third and later ones. */
export const BURST_WINDOW_MS = 60 * 60_000;
export const BURST_SIZE = 3;
/** How far back the provider members' sessions count as "their" addresses and browsers. */
export const DEVICE_LOOKBACK_MS = 90 * 86_400_000;

const PURPOSE = 'reference_request';

export const formatReferenceToken = (signer: LinkSigner, id: string) => `${id}.${signer.sign(PURPOSE, id)}`;
export const referencePath = (signer: LinkSigner, id: string) => `/r/${formatReferenceToken(signer, id)}`;

/** The request id when the signature is ours; says nothing about expiry or use. */
export function parseReferenceToken(signer: LinkSigner, token: string): string | null {
  const match = /^([0-9a-f-]{36})\.([A-Za-z0-9_-]{20,100})$/.exec(token.trim());
  if (!match) return null;
  const [, id, signature] = match as unknown as [string, string, string];
  return signer.verify(signature, PURPOSE, id) ? id : null;
}

/** When the next reminder is due after `sent` reminders, counted from the first e-mail; null after the last. */
export function nextReminderAt(sentAt: Date, sent: number): Date | null {
  const days = REMINDER_DAYS[sent];
  return days === undefined ? null : new Date(sentAt.getTime() + days * 86_400_000);
}

/** "Acme Inc." and "acme, inc" are one company. */
export function companyKey(company: string): string {
  return company
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9 ]+/g, ' ')
    .replace(/\b(inc|llc|ltd|limited|gmbh|corp|corporation|co|company|plc|sa|bv|pty)\b/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

export const dutyKey = (duty: string) => duty.toLowerCase().replace(/\s+/g, ' ').trim();

/**
 * Mailbox providers anyone can use, and the documentation domains (RFC 2606): sharing one of these
 * with a provider's member says nothing about who someone works for.
 */
const SHARED_DOMAINS = new Set([
  'gmail.com',
  'googlemail.com',
  'outlook.com',
  'hotmail.com',
  'live.com',
  'msn.com',
  'yahoo.com',
  'icloud.com',
  'me.com',
  'aol.com',
  'proton.me',
  'protonmail.com',
  'gmx.com',
  'gmx.net',
  'mail.com',
  'yandex.com',
  'zoho.com',
  'example.com',
  'example.org',
  'example.net',
]);

export const domainOf = (email: string) => email.slice(email.lastIndexOf('@') + 1).toLowerCase();

function hostOf(website: string | null): string | null {
  if (!website) return null;
  try {
    return new URL(website.includes('://') ? website : `https://${website}`).hostname.replace(/^www\./, '');
  } catch {
    return null;
  }
}

export interface TrustFacts {
  contactEmail: string;
  memberEmails: string[];
  providerWebsite: string | null;
  /** The person submitting the form, when they are signed in. */
  viewerIsMember: boolean;
  ip: string | null;
  userAgent: string | null;
  memberIps: string[];
  /** The browsers (user agent) and addresses the members' sessions were seen with. */
  memberDevices: { ip: string; userAgent: string }[];
  /** Other answers (not rejected) about this provider from the same company, by another request. */
  sameCompanyAnswers: number;
  /** Answers about this provider within the burst window before this one. */
  recentAnswers: number;
}

export interface TrustFlag {
  kind: 'member_domain' | 'provider_device' | 'company_twice' | 'self_answer' | 'burst';
  detail: string;
}

/** Same IPv4 /24 or IPv6 /48: one office, one household. */
export function sameNetwork(a: string, b: string): boolean {
  if (a.includes(':') !== b.includes(':')) return false;
  const prefix = (ip: string) =>
    ip.includes(':')
      ? ip.toLowerCase().split(':').slice(0, 3).join(':')
      : ip.split('.').slice(0, 3).join('.');
  return prefix(a) === prefix(b);
}

/** Every signal that fires; an answer with any of them waits for an operator before it counts. */
export function trustFlags(f: TrustFacts): TrustFlag[] {
  const flags: TrustFlag[] = [];
  const email = f.contactEmail.toLowerCase();
  const members = f.memberEmails.map((m) => m.toLowerCase());
  if (members.includes(email) || f.viewerIsMember) {
    flags.push({
      kind: 'self_answer',
      detail: f.viewerIsMember
        ? 'The form was sent while signed in as a member of the provider'
        : 'The reference’s address is a member’s own address',
    });
  }
  const domain = domainOf(email);
  // A member's own address already says more than its domain does.
  if (!SHARED_DOMAINS.has(domain) && !members.includes(email)) {
    const own = new Set(members.map(domainOf));
    const site = hostOf(f.providerWebsite);
    if (own.has(domain) || (site && (site === domain || site.endsWith(`.${domain}`)))) {
      flags.push({
        kind: 'member_domain',
        detail: `The reference’s e-mail domain (${domain}) is the provider’s`,
      });
    }
  }
  if (f.ip && f.memberIps.includes(f.ip)) {
    flags.push({
      kind: 'provider_device',
      detail: `Answered from an address a provider member used (${f.ip})`,
    });
  } else if (
    f.ip &&
    f.userAgent &&
    f.memberDevices.some((d) => d.userAgent === f.userAgent && sameNetwork(d.ip, f.ip!))
  ) {
    // The same browser build alone is shared by millions; on the same network it is telling.
    flags.push({
      kind: 'provider_device',
      detail: 'Answered from a browser and network a provider member used',
    });
  }
  if (f.sameCompanyAnswers > 0) {
    flags.push({ kind: 'company_twice', detail: 'The same company already answered for this provider' });
  }
  if (f.recentAnswers + 1 >= BURST_SIZE) {
    flags.push({
      kind: 'burst',
      detail: `${f.recentAnswers + 1} answers for this provider arrived within an hour`,
    });
  }
  return flags;
}

export interface DutyScore {
  performed: boolean;
  quality: number | null;
  timeliness: number | null;
}

/** 1–5: the mean of every performed duty's quality and timeliness, communication and reliability. */
export function answerScore(duties: DutyScore[], communication: number, reliability: number): number {
  const parts = [communication, reliability];
  for (const d of duties) {
    if (!d.performed) continue;
    if (d.quality !== null) parts.push(d.quality);
    if (d.timeliness !== null) parts.push(d.timeliness);
  }
  return Math.round((parts.reduce((a, b) => a + b, 0) / parts.length) * 100) / 100;
}

/** The relationship fields the reference customer changed from what the provider entered. */
export function mismatches(
  entered: { company: string; role: string; periodFrom: string; periodTo: string | null; duties: string[] },
  confirmed: { company: string; role: string; periodFrom: string; periodTo: string | null; duties: string[] },
): string[] {
  const out: string[] = [];
  if (companyKey(entered.company) !== companyKey(confirmed.company)) out.push('company');
  if (entered.role.trim().toLowerCase() !== confirmed.role.trim().toLowerCase()) out.push('role');
  if (entered.periodFrom !== confirmed.periodFrom || entered.periodTo !== confirmed.periodTo)
    out.push('period');
  const a = new Set(entered.duties.map(dutyKey));
  const b = new Set(confirmed.duties.map(dutyKey));
  if (a.size !== b.size || [...a].some((d) => !b.has(d))) out.push('duties');
  return out;
}

/** "2024-03" → "2024-03-01", as periods are stored. */
export const monthToDate = (month: string) => `${month}-01`;
export const dateToMonth = (date: string) => date.slice(0, 7);
