import type { BusinessFunction } from '@handoff/contracts';
import { functions as taxonomy } from '../taxonomy/index.ts';

// Maps an owner's words ("chasing unpaid invoices") to the business function they belong to. The
// query understanding search will share (issue 11 extends it): words are stemmed the same crude way
// on both sides, then scored against each function's name and synonyms (strong), its duties (by how
// rare the word is across functions) and a few phrases owners use for it (strongest).

/**
 * Copied from @handoff/search's SYNONYM_GROUPS (core cannot import search), each group tied to the
 * function it names; keep them in step. Multi-word terms match when all their words are present.
 */
const SYNONYMS: Record<string, readonly string[]> = {
  bookkeeping: ['bookkeeper', 'bookkeeping'],
  accounting: ['accountant', 'accounting', 'cpa'],
  'virtual-assistance': ['va', 'virtual assistant', 'virtual assistance', 'assistant'],
  'customer-service': ['csr', 'customer service', 'customer support'],
  payroll: ['payroll', 'paychecks', 'paycheck'],
  marketing: ['seo', 'marketing'],
  'lead-generation': ['lead gen', 'lead generation', 'prospecting'],
  'sales-support': ['appointment setting', 'sales support'],
  'hr-compliance': ['hr', 'human resources'],
  'web-maintenance': ['web upkeep', 'web maintenance', 'website', 'website maintenance'],
  administration: ['admin', 'administration', 'administrative'],
  'order-processing': ['order entry', 'order processing'],
};

/** How owners say it, in their words rather than the duties'. All words of a phrase must appear. */
const OWNER_PHRASES: Record<string, readonly string[]> = {
  bookkeeping: [
    'invoice',
    'unpaid invoice',
    'overdue invoice',
    'chase invoice',
    'receipts',
    'bank reconciliation',
    'quickbooks',
    'xero',
    'books',
  ],
  accounting: ['taxes', 'tax return', '1099', 'financial statements', 'cash flow forecast'],
  payroll: ['pay staff', 'pay employees', 'timesheets', 'direct deposit', 'w-2'],
  'customer-service': ['phone', 'phone calls', 'customer emails', 'complaints', 'refunds', 'live chat'],
  'virtual-assistance': ['inbox', 'calendar', 'travel', 'errands', 'scheduling meetings'],
  'web-maintenance': ['wordpress', 'plugins', 'site updates', 'hosting', 'ssl'],
  marketing: ['social media', 'instagram', 'facebook', 'newsletter', 'ads', 'blog posts'],
  'sales-support': ['appointments', 'quotes', 'proposals', 'no-shows'],
  legal: ['contracts', 'lawyer', 'trademark', 'nda', 'terms of service'],
  administration: ['paperwork', 'office supplies', 'data entry', 'scanning mail', 'licenses'],
  'order-processing': ['orders', 'shipping labels', 'purchase orders', 'tracking numbers'],
  'inventory-management': ['inventory', 'stock', 'reorder', 'stock counts', 'sku'],
  'supplier-bill-reconciliation': ['supplier bills', 'vendor bills', 'supplier invoices', 'credit memos'],
  'hr-compliance': ['hiring', 'onboarding', 'employee handbook', 'new hires', 'interviews', 'recruiting'],
  'lead-generation': ['cold email', 'cold emails', 'prospects', 'linkedin', 'outreach', 'leads'],
};

/** Search's stop words plus the verbs owners put before any task ("doing the books"). */
const STOP_WORDS = new Set(
  (
    'a an and are at by for from i in is me my of on or our that the to we who with your ' +
    'all do doing done it its them this these those every each get getting got handle handling ' +
    'manage managing deal dealing stuff thing things lots lot time'
  ).split(' '),
);

/**
 * Crude suffix stripping, applied alike to the owner's words and the taxonomy's, so "chasing" and
 * "chase", "invoices" and "invoice" meet. Not a linguist's stemmer; enough for short task names.
 */
export function stem(word: string): string {
  let w = word.toLowerCase();
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

/** The stems of a text's words, stop words left out. */
export function stems(text: string): string[] {
  return (text.toLowerCase().match(/[a-z0-9]+(?:-[a-z0-9]+)*/g) ?? [])
    .filter((w) => !STOP_WORDS.has(w))
    .flatMap((w) => (w.includes('-') && !/^[a-z]-\d$/.test(w) ? [w, ...w.split('-')] : [w]))
    .map(stem);
}

interface FunctionTerms {
  fn: BusinessFunction;
  /** Stems of the name and single-word synonyms. */
  names: Set<string>;
  /** Multi-word synonyms and owner phrases, as stem lists. */
  phrases: { stems: string[]; weight: number }[];
  duties: Set<string>;
}

const NAME_WEIGHT = 3;
const SYNONYM_PHRASE_WEIGHT = 4;
const OWNER_PHRASE_WEIGHT = 5;
/** Below this, the words matched only common duty words: no suggestion rather than a guess. */
const MIN_SCORE = 2.5;

function buildIndex(fns: readonly BusinessFunction[]) {
  const terms: FunctionTerms[] = fns.map((fn) => {
    const synonyms = SYNONYMS[fn.slug] ?? [];
    const phrases = [
      ...synonyms
        .filter((s) => s.includes(' '))
        .map((s) => ({ stems: stems(s), weight: SYNONYM_PHRASE_WEIGHT })),
      ...(OWNER_PHRASES[fn.slug] ?? []).map((s) => ({ stems: stems(s), weight: OWNER_PHRASE_WEIGHT })),
    ];
    const names = new Set([...stems(fn.name), ...synonyms.filter((s) => !s.includes(' ')).flatMap(stems)]);
    return { fn, names, phrases, duties: new Set(fn.duties.flatMap(stems)) };
  });
  // How many functions' duties use each stem: a word in every function's duties says little.
  const spread = new Map<string, number>();
  for (const t of terms) for (const s of t.duties) spread.set(s, (spread.get(s) ?? 0) + 1);
  const rarity = (s: string) => Math.log(1 + fns.length / (spread.get(s) ?? fns.length));
  return { terms, rarity };
}

export interface FunctionMatch {
  slug: string;
  name: string;
  score: number;
}

/** Creates a matcher over a taxonomy (the real one by default). */
export function createFunctionMatcher(fns: readonly BusinessFunction[] = taxonomy) {
  const { terms, rarity } = buildIndex(fns);

  /** Every function the words match, best first (empty when none matches well enough). */
  function rank(text: string): FunctionMatch[] {
    const words = new Set(stems(text));
    if (words.size === 0) return [];
    return terms
      .map(({ fn, names, phrases, duties }) => {
        let score = 0;
        for (const w of words) {
          if (names.has(w)) score += NAME_WEIGHT;
          else if (duties.has(w)) score += rarity(w);
        }
        for (const p of phrases) if (p.stems.every((s) => words.has(s))) score += p.weight;
        return { slug: fn.slug, name: fn.name, score: Math.round(score * 100) / 100 };
      })
      .filter((m) => m.score >= MIN_SCORE)
      .sort((a, b) => b.score - a.score);
  }

  return {
    rank,
    /** The best function's slug for a task's words, or null when nothing matches well enough. */
    suggest: (text: string): string | null => rank(text)[0]?.slug ?? null,
  };
}

const defaultMatcher = createFunctionMatcher();
export const rankFunctions = defaultMatcher.rank;
export const suggestFunction = defaultMatcher.suggest;
