// The word handling that query understanding (./understand.ts) and the search engines share: synonym
// groups, stop words, a crude stemmer and typo distance. @handoff/search re-exports what its engines
// need from here, so search and the worksheet cannot drift apart.

/**
 * Words owners type for the same thing. Every term in a group is equivalent to every other one, in both
 * search engines: the Postgres adapter expands a query term into its group, Meilisearch gets the same
 * groups as its `synonyms` setting. Terms are lower-case; multi-word terms are phrases.
 */
export const SYNONYM_GROUPS: readonly (readonly string[])[] = [
  ['bookkeeper', 'bookkeeping', 'accounting', 'accountant'],
  ['va', 'virtual assistant', 'virtual assistance', 'assistant'],
  ['csr', 'customer service', 'customer support', 'support'],
  ['payroll', 'paychecks', 'paycheck'],
  ['seo', 'marketing'],
  ['lead gen', 'lead generation', 'prospecting'],
  ['appointment setting', 'sales support'],
  ['hr', 'human resources'],
  ['web upkeep', 'web maintenance', 'website', 'website maintenance'],
  ['admin', 'administration', 'administrative'],
  ['ecommerce', 'e-commerce', 'online store'],
  ['realtor', 'real estate', 'realty'],
  ['order entry', 'order processing'],
];

/**
 * Words both engines ignore in a query (all of them are also stop words of Postgres' `english`
 * configuration, so the two engines agree). "bookkeeper for my restaurant" searches bookkeeper +
 * restaurant.
 */
export const STOP_WORDS: readonly string[] = [
  'a',
  'an',
  'and',
  'are',
  'at',
  'by',
  'for',
  'from',
  'i',
  'in',
  'is',
  'me',
  'my',
  'of',
  'on',
  'or',
  'our',
  'that',
  'the',
  'to',
  'we',
  'who',
  'with',
  'your',
];

/**
 * Words of an owner's request that say nothing about the work ("someone who can do my books?"). Query
 * understanding drops them once phrases have had their chance ("customer service" keeps "service").
 */
export const FILLER_WORDS: ReadonlySet<string> = new Set(
  (
    'someone somebody anyone anybody person people help helper need needs needed want wanted looking ' +
    'look find finding hire get can could would should will please good great best top cheap ' +
    'affordable reliable experienced expert experts professional professionals service services ' +
    'company companies business businesses small local near online remote work working job ' +
    'what where how which why when do does doing done it its them this these those every each ' +
    'handle handling manage managing deal dealing take care stuff thing things lots lot time ' +
    'all some any one you us be been am was were has have had not no just also very really ' +
    'like about into out up off over than then there here so too only own practice firm office owner ' +
    'owners team staff client clients new old set setup keep track much many more less left few ' +
    'while during around after before daily weekly monthly nightly yearly regularly every week weeks ' +
    'month months day days year years hour hours two three actually basically quick quickly asap ' +
    // What is left of a negative contraction once its ending is dropped (see words): "haven't" → haven.
    'times handles helps their theirs don doesn didn haven hasn hadn isn aren wasn weren won wouldn couldn shouldn ' +
    // How the request is put, not what it is: "outsourced", "part-time", "ongoing", "US-based".
    'outsource outsourced outsourcing freelance freelancer provider providers dedicated ongoing basis ' +
    'part full fulltime parttime based busy growing solo independent assistance etc thanks hi hello ' +
    'ideally preferably maybe currently now soon today tomorrow extra other another able via'
  ).split(' '),
);

/** A contraction's or possessive's ending: "haven't", "I'm", "owner's" are read as haven, I, owner. */
const CONTRACTION = /(?<=\p{L})['’](?:s|t|m|d|re|ll|ve)(?![\p{L}\p{N}])/gu;

/** A form's letter and number: "I-9", "W-2s", "K-1" are read as i9, w2s, k1 ("I" alone is a stop word). */
const LETTER_NUMBER = /(?<![\p{L}\p{N}])(\p{L})[-‐–](\p{N}+)(?=s?(?![\p{L}\p{N}]))/gu;

/**
 * The lower-case words of letters and digits in a text (everything else separates words), without
 * contractions' endings. What the search engines match: they index "W-2" as two words too.
 */
export function plainWords(text: string | undefined, maxChars = 200): string[] {
  if (!text) return [];
  return text
    .slice(0, maxChars)
    .toLowerCase()
    .replace(CONTRACTION, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0);
}

/** How query understanding reads a text: plainWords, a form's letter and number as one word. */
export function words(text: string | undefined, maxChars = 200): string[] {
  return plainWords(text?.slice(0, maxChars).replace(LETTER_NUMBER, '$1$2'), maxChars);
}

/**
 * Crude suffix stripping, applied alike to the owner's words and the taxonomy's, so "chasing" and
 * "chase", "invoices" and "invoice" meet. Not a linguist's stemmer; enough for short task names.
 */
export function stem(word: string): string {
  let w = word.toLowerCase();
  if (/^[a-z]?\d+s$/.test(w)) return w.slice(0, -1); // "W-2s", "I-9s", "1099s"
  if (w.length <= 3) return w;
  if (w.endsWith('ies')) return `${w.slice(0, -3)}y`;
  if (w.endsWith('sses')) return w.slice(0, -2);
  for (const suffix of ['ing', 'ed']) {
    if (w.endsWith(suffix) && w.length - suffix.length >= 3) {
      w = w.slice(0, -suffix.length);
      // running → run, but billing stays bill
      if (/([^aeiouls])\1$/.test(w)) w = w.slice(0, -1);
      return w.endsWith('e') ? w.slice(0, -1) : w;
    }
  }
  if (w.endsWith('es') && w.length > 4) return w.slice(0, -2);
  if (w.endsWith('s') && !/(ss|us|is)$/.test(w)) return w.slice(0, -1);
  if (w.endsWith('e')) return w.slice(0, -1);
  return w;
}

/** Typo tolerance like Meilisearch's setting: one typo from 5 letters, two from 9. */
export const MIN_FUZZY_WORD = 5;
export const allowedTypos = (word: string) => (word.length >= 9 ? 2 : word.length >= MIN_FUZZY_WORD ? 1 : 0);

/**
 * Whether `typed` can be a typo of `word` at all, before any edit distance: one of the first two letters
 * stays in place, or the two are swapped (Meilisearch likewise counts a typo in the first letter
 * twice). Cheap, so a scan of thousands of words computes few distances.
 */
export function startsAlike(typed: string, word: string): boolean {
  const [a, b] = [typed[0], typed[1]];
  return a === word[0] || b === word[1] || (a === word[1] && b === word[0]);
}

/**
 * Edit distance with adjacent transpositions counting once (optimal string alignment), stopping early
 * once it must exceed `max`.
 */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev2: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i += 1) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        d = Math.min(d, prev2[j - 2]! + 1);
      row.push(d);
      best = Math.min(best, d);
    }
    if (best > max) return max + 1;
    prev2 = prev;
    prev = row;
  }
  return prev[b.length]!;
}
