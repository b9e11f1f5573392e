/** A run of a message: plain text, or a web address to show as a link. */
export type Segment = { kind: 'text'; text: string } | { kind: 'link'; text: string; href: string };

// http(s) addresses and bare www. ones. Anything else (javascript:, data:, mailto:) stays text.
const URL_PATTERN = /\b(?:https?:\/\/|www\.)[^\s<>"'`]+/gi;
// Punctuation that ends a sentence rather than the address: "see https://x.example/a."
const TRAILING = '.,;:!?\'"’”)]}>*';

const count = (text: string, char: string) => text.split(char).length - 1;

/** Drops trailing punctuation, but keeps a ")" the address opened: …/wiki/Foo_(bar). */
function trimEnd(candidate: string): string {
  let url = candidate;
  while (url.length > 0 && TRAILING.includes(url.at(-1)!)) {
    if (url.endsWith(')') && count(url, '(') >= count(url, ')')) break;
    url = url.slice(0, -1);
  }
  return url;
}

/**
 * Splits plain text into text and links. It never produces markup: the page renders each segment
 * with ordinary (escaping) text and an <a> whose href is a checked http(s) address, so a message
 * holding `<script>` or `<b>` shows exactly what was typed.
 */
export function linkify(text: string): Segment[] {
  const segments: Segment[] = [];
  let last = 0;
  for (const match of text.matchAll(URL_PATTERN)) {
    const start = match.index ?? 0;
    const raw = trimEnd(match[0]);
    const href = raw.toLowerCase().startsWith('www.') ? `https://${raw}` : raw;
    if (!isWebAddress(href)) continue;
    if (start > last) segments.push({ kind: 'text', text: text.slice(last, start) });
    segments.push({ kind: 'link', text: raw, href });
    last = start + raw.length;
  }
  if (last < text.length) segments.push({ kind: 'text', text: text.slice(last) });
  return segments;
}

function isWebAddress(href: string): boolean {
  try {
    const url = new URL(href);
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname.includes('.');
  } catch {
    return false;
  }
}
