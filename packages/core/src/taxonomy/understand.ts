import type { BusinessFunction, Industry } from '@handoff/contracts';
import { functions as taxonomyFunctions } from './functions.ts';
import { industries as taxonomyIndustries } from './industries.ts';
import { FUNCTION_WORDS } from './function-words.ts';
import { INDUSTRY_WORDS } from './industry-words.ts';
import { allowedTypos, editDistance, FILLER_WORDS, startsAlike, stem, STOP_WORDS, words } from './words.ts';

// Query understanding: an owner's words → the business functions and industries they mean. One module
// for provider search (filters and ranking) and the love / hate worksheet's function suggestion.
//
// 1. Words are lower-cased, split on anything but letters and digits, typos corrected against the
//    vocabulary below (one edit from 5 letters, two from 9, as search does), then stemmed. A correction
//    stands only when the corrected word ends up explained by a term or a chosen function's duties, or
//    is filler.
// 2. Terms — taxonomy names, synonyms, owner phrases ("chase invoices", "law firm", "dentist") — are
//    matched as contiguous runs of words (stop words skipped), longest first, so "customer emails" is
//    customer service and not the "emails" of virtual assistance.
// 3. A term that names both a function and an industry ("lawyer", "accountants") is the industry after
//    "for" or beside another function ("va for a lawyer"), the function otherwise ("lawyer").
// 4. Words left over score functions by their duties, rarer duty words counting more; a function
//    no term named needs two such words.
// 5. Filler ("someone", "need", "help") is dropped; what remains unexplained is `rest`.

export interface Match {
  slug: string;
  name: string;
  score: number;
}

export interface Understanding {
  /** The words that carry meaning (stop words dropped, typos corrected), in order. */
  words: string[];
  /** False when nothing but stop words, filler or symbols was typed ("🚀", "someone?"). */
  meaningful: boolean;
  /** Best first. */
  functions: Match[];
  industries: Match[];
  /** Meaningful words no function or industry explains, as typed: left for text search. */
  rest: string[];
  /** Typed word → the word it was read as. */
  corrections: { from: string; to: string }[];
}

const NAME_WEIGHT = 3;
const SYNONYM_PHRASE_WEIGHT = 4;
const OWNER_PHRASE_WEIGHT = 5;
const NAME_WORD_WEIGHT = 2;
/** Words of function names that say nothing alone ("service" is no more customer service than anything). */
const GENERIC_NAME_WORDS = new Set([
  'service',
  'management',
  'support',
  'setting',
  'processing',
  'generation',
  'maintenance',
  'compliance',
]);
/** Below this, the words matched only common duty words: no function rather than a guess. */
const MIN_SCORE = 2.5;
/** Distinct duty words a function needs when no term named it. */
const MIN_DUTY_WORDS = 2;
const ROLE_MARKERS = new Set(['for']);
const stopWords = new Set(STOP_WORDS);

interface Term {
  stems: string[];
  weight: number;
  fn?: string;
  industry?: string;
}

const phraseStems = (phrase: string) =>
  words(phrase)
    .filter((w) => !stopWords.has(w))
    .map(stem);
const key = (stems: string[]) => stems.join(' ');

function buildIndex(fns: readonly BusinessFunction[], inds: readonly Industry[]) {
  // One term per distinct stem sequence; a sequence naming a function and an industry is dual.
  const terms = new Map<string, Term>();
  const add = (phrase: string, weight: number, role: { fn?: string; industry?: string }) => {
    const stems = phraseStems(phrase);
    if (stems.length === 0) return;
    const k = key(stems);
    const t = terms.get(k) ?? { stems, weight };
    t.weight = Math.max(t.weight, weight);
    if (role.fn && !t.fn) t.fn = role.fn;
    if (role.industry && !t.industry) t.industry = role.industry;
    terms.set(k, t);
  };
  for (const fn of fns) {
    const own = FUNCTION_WORDS[fn.slug];
    add(fn.name, NAME_WEIGHT, { fn: fn.slug });
    // Each distinctive word of a longer name counts a little alone: "mowing lawns" → Lawn care.
    const nameWords = words(fn.name).filter((w) => !stopWords.has(w) && !GENERIC_NAME_WORDS.has(w));
    if (nameWords.length > 1) for (const w of nameWords) add(w, NAME_WORD_WEIGHT, { fn: fn.slug });
    for (const s of own?.synonyms ?? []) {
      add(s, s.includes(' ') ? SYNONYM_PHRASE_WEIGHT : NAME_WEIGHT, { fn: fn.slug });
    }
    for (const p of own?.phrases ?? []) add(p, OWNER_PHRASE_WEIGHT, { fn: fn.slug });
  }
  for (const ind of inds) {
    add(ind.name, NAME_WEIGHT, { industry: ind.slug });
    for (const w of INDUSTRY_WORDS[ind.slug] ?? []) add(w, NAME_WEIGHT, { industry: ind.slug });
  }
  const longest = Math.max(1, ...[...terms.values()].map((t) => t.stems.length));

  // How many functions' duties use each stem: a word in every function's duties says little.
  const duties = new Map(fns.map((fn) => [fn.slug, new Set(fn.duties.flatMap(phraseStems))]));
  const spread = new Map<string, number>();
  for (const set of duties.values()) for (const s of set) spread.set(s, (spread.get(s) ?? 0) + 1);
  const rarity = (s: string) => Math.log(1 + fns.length / (spread.get(s) ?? fns.length));

  // The words typos are corrected to: term words first, so a tie goes to a term.
  const vocabulary = [
    ...new Set([
      ...[...terms.keys()].flatMap((k) => k.split(' ')),
      ...[
        ...fns.flatMap((f) => [
          f.name,
          ...(FUNCTION_WORDS[f.slug]?.synonyms ?? []),
          ...(FUNCTION_WORDS[f.slug]?.phrases ?? []),
        ]),
        ...inds.flatMap((i) => [i.name, ...(INDUSTRY_WORDS[i.slug] ?? [])]),
      ].flatMap((p) => words(p)),
    ]),
  ];
  const termWords = vocabulary.filter((w) => w.length >= 4);
  const knownStems = new Set([
    ...vocabulary.map(stem),
    ...[...duties.values()].flatMap((s) => [...s]),
    ...[...FILLER_WORDS].map(stem),
  ]);
  const names = {
    fn: new Map(fns.map((f) => [f.slug, f.name])),
    industry: new Map(inds.map((i) => [i.slug, i.name])),
  };
  return { terms, longest, duties, rarity, termWords, knownStems, names };
}

type Index = ReturnType<typeof buildIndex>;

/** A word the vocabulary does not know, read as the nearest term word within its typo allowance. */
function correct(index: Index, word: string): string {
  const max = allowedTypos(word);
  if (max === 0 || index.knownStems.has(stem(word)) || /\d/.test(word)) return word;
  let best = word;
  let bestDistance = max + 1;
  for (const candidate of index.termWords) {
    if (!startsAlike(word, candidate)) continue;
    const d = editDistance(word, candidate, max);
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best;
}

interface Token {
  typed: string;
  word: string;
  stem: string;
  afterFor: boolean;
  used: boolean;
}

function understandWith(index: Index, text: string | undefined): Understanding {
  const tokens: Token[] = [];
  let afterFor = false;
  for (const typed of words(text).slice(0, 20)) {
    if (ROLE_MARKERS.has(typed)) afterFor = true;
    if (stopWords.has(typed)) continue;
    const word = correct(index, typed);
    tokens.push({ typed, word, stem: stem(word), afterFor, used: false });
  }

  // Terms, longest first at each position.
  const fnScore = new Map<string, number>();
  const indScore = new Map<string, number>();
  const mentions: { term: Term; at: number }[] = [];
  for (let i = 0; i < tokens.length;) {
    let found: Term | undefined;
    for (let len = Math.min(index.longest, tokens.length - i); len >= 1 && !found; len -= 1) {
      found = index.terms.get(key(tokens.slice(i, i + len).map((t) => t.stem)));
    }
    if (!found) {
      i += 1;
      continue;
    }
    mentions.push({ term: found, at: i });
    for (let j = i; j < i + found.stems.length; j += 1) tokens[j]!.used = true;
    i += found.stems.length;
  }
  const plainFunctions = mentions.some((m) => m.term.fn && !m.term.industry);
  for (const { term, at } of mentions) {
    const asIndustry = term.industry && (!term.fn || tokens[at]!.afterFor || plainFunctions);
    const scores = asIndustry ? indScore : fnScore;
    const slug = (asIndustry ? term.industry : term.fn) as string;
    scores.set(slug, (scores.get(slug) ?? 0) + term.weight);
  }

  // Left-over words score functions through their duties.
  const left = tokens.filter((t) => !t.used && !FILLER_WORDS.has(t.word));
  // A function no term named needs two of its duty words: one rare word alone ("repair", "day",
  // "agents") matched a duty of some function by chance far more often than it meant that function.
  const byDuties = new Map<string, number>();
  for (const [slug, stems] of index.duties) {
    let score = 0;
    const hits = new Set<string>();
    for (const t of left) {
      if (!stems.has(t.stem)) continue;
      score += index.rarity(t.stem);
      hits.add(t.stem);
    }
    if (score > 0 && (fnScore.has(slug) || hits.size >= MIN_DUTY_WORDS)) byDuties.set(slug, score);
  }
  for (const [slug, score] of byDuties) fnScore.set(slug, (fnScore.get(slug) ?? 0) + score);
  const ranked = (scores: Map<string, number>, names: Map<string, string>) =>
    [...scores]
      .map(([slug, score]) => ({ slug, name: names.get(slug) ?? slug, score: Math.round(score * 100) / 100 }))
      .filter((m) => m.score >= MIN_SCORE)
      .sort((a, b) => b.score - a.score || (a.slug < b.slug ? -1 : 1));
  const functions = ranked(fnScore, index.names.fn);
  // A left-over word among a chosen function's duties is explained by it ("update my wordpress site").
  const chosen = functions.map((f) => index.duties.get(f.slug));
  for (const t of left) if (chosen.some((d) => d?.has(t.stem))) t.used = true;
  // A correction stands only when the word it made explains something, or is filler ("servise"):
  // "technician" read as a "technical" that completes no term is still "technician".
  for (const t of tokens) if (!t.used && !FILLER_WORDS.has(t.word)) t.word = t.typed;
  const corrections = tokens.filter((t) => t.word !== t.typed).map((t) => ({ from: t.typed, to: t.word }));
  const meaningful = tokens.filter((t) => !FILLER_WORDS.has(t.word) || t.used);
  return {
    words: meaningful.map((t) => t.word),
    meaningful: meaningful.length > 0,
    functions,
    industries: ranked(indScore, index.names.industry),
    rest: meaningful.filter((t) => !t.used).map((t) => t.typed),
    corrections,
  };
}

/** Understanding over a taxonomy (the real one by default). */
export function createUnderstanding(
  fns: readonly BusinessFunction[] = taxonomyFunctions,
  inds: readonly Industry[] = taxonomyIndustries,
) {
  const index = buildIndex(fns, inds);
  return (text: string | undefined): Understanding => understandWith(index, text);
}

/** What an owner's words mean in the real taxonomy. */
export const understand = createUnderstanding();
