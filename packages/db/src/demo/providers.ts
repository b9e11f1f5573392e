import { slugify } from '@handoff/contracts';
import type { ProviderWrite } from '@handoff/core/providers';
import { functions, industries } from '@handoff/core/taxonomy';
import { COUNTRIES, CLIENT_NAMES, type CountryProfile } from './countries.ts';
import { FIRM_NOUNS, FIRM_WORDS, FUNCTION_TEXTS, INDUSTRY_NOUNS } from './function-texts.ts';
import { createRandom, type Random } from './prng.ts';

export const DEMO_SEED = 'handoff-demo';
export const DEMO_PROVIDER_COUNT = 300;
const PAIRS = functions.length * industries.length;
/** Coprime with PAIRS (15 × 23 = 345). */
const STRIDE = 97;
const EPOCH = Date.UTC(2026, 10, 1);

/** An existing account that owns a generated profile under its own name (a freelancer). */
export interface DemoAccountOwner {
  email: string;
  first: string;
  last: string;
}

export interface DemoUser {
  id: string;
  email: string;
  name: string;
}

/**
 * One generated provider: its profile and its members. Its rating and verified reference count are
 * not generated here: they come from its reference customers' answers (demo/references.ts).
 */
export interface DemoProvider {
  id: string;
  owner: DemoUser;
  members: DemoUser[];
  write: ProviderWrite;
  createdAt: Date;
  publishedAt: Date;
}

const countryWeights = COUNTRIES.map((c) => [c, c.weight] as const);
const fnBySlug = new Map(functions.map((f) => [f.slug, f]));

/**
 * The provider at `index` for this seed: a pure function of both, so 100,000 can be made in any
 * batches and the first 300 are always the same. Indices 0–299 (with the secondary pair of 0–44) cover
 * every function × industry pair.
 */
export function demoProvider(seed: string, index: number, account?: DemoAccountOwner): DemoProvider {
  const r = createRandom(`${seed}:${index}`);
  const country = r.weighted(countryWeights);
  const [primarySlug, primaryIndustry, second] = coveragePairs(index);
  const primary = fnBySlug.get(primarySlug)!;
  const fnSlugs = [primarySlug];
  const indSlugs = [primaryIndustry];
  if (second) {
    fnSlugs.push(second[0]);
    indSlugs.push(second[1]);
  }
  const text = FUNCTION_TEXTS[primary.slug]!;
  const extra = r.weighted([
    [0, 50],
    [1, 35],
    [2, 15],
  ] as const);
  for (const slug of r.sample(text.related, extra)) fnSlugs.push(slug);
  for (let n = r.int(0, 2); n > 0; n -= 1) indSlugs.push(r.pick(industries).slug);
  const fnList = [...new Set(fnSlugs)];
  const indList = [...new Set(indSlugs)];

  const kindDrawn = text.va
    ? r.weighted([
        ['virtual_assistant', 45],
        ['freelancer', 25],
        ['firm', 30],
      ] as const)
    : r.weighted([
        ['freelancer', 55],
        ['firm', 40],
        ['virtual_assistant', 5],
      ] as const);
  const kind = account ? 'freelancer' : kindDrawn;
  const drawn = { first: r.pick(country.first), last: r.pick(country.last) };
  const person = account ? { first: account.first, last: account.last } : drawn;
  const name =
    kind === 'firm' ? firmName(r, country, person.last, primary.slug) : `${person.first} ${person.last}`;
  const teamSize = kind === 'firm' ? Math.round(3 + 57 * r.next() ** 2.5) : 1;

  const fnWrites = fnList.map((slug, i) => {
    const template = fnBySlug.get(slug)!.duties;
    const duties = r.sample(template, r.int(i === 0 ? 4 : 2, template.length));
    const custom = r.chance(0.35) ? [r.pick(FUNCTION_TEXTS[slug]!.custom)] : [];
    return { slug, duties, customDuties: custom };
  });

  const mult = text.rate * (kind === 'firm' ? 1.25 : kind === 'virtual_assistant' ? 0.85 : 1);
  const [lo, hi] = country.rate;
  const rateMin = Math.max(5, Math.round((lo + (hi - lo) * r.next() ** 1.3) * mult));
  const rateMax = Math.round(rateMin * (1.2 + 0.6 * r.next()));

  const industryName = industries.find((i) => i.slug === indList[0])!.name.toLowerCase();
  const tool = r.pick(text.tools);
  const headline = r.pick(text.headlines).replace('{industry}', industryName).replace('{tool}', tool);
  const years = r.int(2, 18);
  const languages = [
    ...country.languages,
    ...country.extraLanguages.filter(([, p]) => r.chance(p)).map(([code]) => code),
  ];
  const slug = `${slugify(name).slice(0, 50).replace(/-+$/, '')}-${index + 1}`;
  const remote = r.chance(0.93);

  const write: ProviderWrite = {
    name,
    slug,
    kind,
    headline,
    bio: bio(r, { kind, person, name, years, teamSize, tool, primary: primary.slug, industries: indList }),
    functions: fnWrites,
    industries: indList,
    packages: packages(r, fnWrites, rateMin),
    rateMin,
    rateMax,
    currency: 'USD',
    languages,
    timezone: r.weighted(country.timezones),
    country: country.code,
    remote,
    onSite: !remote || r.chance(0.12),
    teamSize,
    website: r.chance(kind === 'firm' ? 0.85 : 0.3)
      ? `https://${slugify(name).slice(0, 40).replace(/-+$/, '')}.example`
      : null,
    references: references(r, fnWrites, indList),
  };

  const rated = r.chance(0.88);
  const createdAt = new Date(EPOCH - r.int(30, 900) * 86_400_000);
  const owner = {
    id: r.uuid(),
    email: account?.email ?? `provider-${index + 1}@demo.handoff.test`,
    name: `${person.first} ${person.last}`,
  };
  const members =
    kind === 'firm'
      ? Array.from({ length: r.int(0, 2) }, (_, k) => ({
          id: r.uuid(),
          email: `provider-${index + 1}-${k + 2}@demo.handoff.test`,
          name: `${r.pick(country.first)} ${r.pick(country.last)}`,
        }))
      : [];
  const id = r.uuid();
  // These draws once made up a rating and a reference count; they stay so that every value drawn
  // after them (the publication date here) is what it was, and so are existing demo databases.
  if (rated) r.next();
  if (rated) r.next();
  if (!r.chance(0.25)) r.next();
  return {
    id,
    owner,
    members,
    write,
    createdAt,
    publishedAt: new Date(createdAt.getTime() + r.int(1, 20) * 86_400_000),
  };
}

export function* demoProviders(seed: string, from: number, count: number): Generator<DemoProvider> {
  for (let i = from; i < from + count; i += 1) yield demoProvider(seed, i);
}

/**
 * The function × industry pair(s) a provider is built around. Slots are spread over the pairs by a
 * stride coprime with their count, so neighbours differ; the pairs slots 0–299 do not reach go, as a
 * second pair, to every 6th or 7th of them.
 */
function coveragePairs(index: number): [string, string, [string, string] | undefined] {
  const slot = index % PAIRS;
  const pairAt = (n: number): [string, string] => {
    const p = (n * STRIDE) % PAIRS;
    return [functions[p % functions.length]!.slug, industries[Math.floor(p / functions.length)]!.slug];
  };
  const spare = PAIRS - DEMO_PROVIDER_COUNT;
  const k = Math.ceil((slot * spare) / DEMO_PROVIDER_COUNT);
  const hasSecond = k < spare && Math.floor((k * DEMO_PROVIDER_COUNT) / spare) === slot;
  return [...pairAt(slot), hasSecond ? pairAt(DEMO_PROVIDER_COUNT + k) : undefined];
}

function firmName(r: Random, country: CountryProfile, surname: string, fn: string): string {
  const label = FUNCTION_TEXTS[fn]!.firm;
  return r.weighted([
    [`${r.pick(FIRM_WORDS)} ${r.pick(FIRM_NOUNS)}`, 45],
    [`${surname} ${label} ${country.companySuffix}`, 35],
    [`${r.pick(FIRM_WORDS)} ${label}`, 20],
  ] as const);
}

interface BioFacts {
  kind: string;
  person: { first: string; last: string };
  name: string;
  years: number;
  teamSize: number;
  tool: string;
  primary: string;
  industries: string[];
}

function bio(r: Random, f: BioFacts): string {
  const fn = fnBySlug.get(f.primary)!;
  const names = f.industries.map((s) => industries.find((i) => i.slug === s)!.name.toLowerCase());
  const where = names.length > 1 ? `${names.slice(0, -1).join(', ')} and ${names.at(-1)}` : names[0]!;
  const benchmark = r.pick(fn.benchmarks);
  const who =
    f.kind === 'firm'
      ? `${f.name} is a team of ${f.teamSize} with ${f.years} years of ${fn.name.toLowerCase()} work for ${where} clients.`
      : `I'm ${f.person.first}, and I have spent ${f.years} years on ${fn.name.toLowerCase()} for ${where} businesses.`;
  const we = f.kind === 'firm' ? 'We' : 'I';
  return [
    who,
    `${we} work in ${f.tool} every day and take over from your current setup without losing history.`,
    `${we} track ${lowerFirst(benchmark.objective)} (target: ${lowerFirst(benchmark.target)}, ${lowerFirst(benchmark.due)}).`,
    r.pick([
      `${we} send a short written update every Friday.`,
      'Questions get an answer the same business day.',
      `${we} start with a two-week trial so you can judge the work first.`,
    ]),
  ].join(' ');
}

/** Lower-cases a leading capital unless it starts an acronym (CSAT, HR). */
const lowerFirst = (s: string) => (/^[A-Z][a-z]/.test(s) ? s[0]!.toLowerCase() + s.slice(1) : s);

function packages(r: Random, fns: ProviderWrite['functions'], rate: number): ProviderWrite['packages'] {
  return fns.slice(0, 2).flatMap((f, i) => {
    const fn = fnBySlug.get(f.slug)!;
    const hours = r.pick([10, 20, 40, 80]);
    const list: ProviderWrite['packages'] = [
      {
        name: `${fn.name} retainer, ${hours} h a month`,
        description: `Up to ${hours} hours of ${fn.name.toLowerCase()} each month, unused hours do not roll over.`,
        price: Math.round(rate * hours * 0.95),
        billing: 'monthly',
        duties: f.duties.slice(0, 4),
      },
    ];
    if (i === 0 && r.chance(0.6)) {
      list.push({
        name: FUNCTION_TEXTS[f.slug]!.project,
        description: 'A fixed price agreed up front, delivered within three weeks.',
        price: Math.round(rate * r.int(8, 40)),
        billing: 'fixed',
        duties: f.duties.slice(0, 2),
      });
    }
    if (i === 0 && r.chance(0.3)) {
      list.push({
        name: `${fn.name} by the hour`,
        description: '',
        price: rate,
        billing: 'hourly',
        duties: [],
      });
    }
    return list;
  });
}

function references(r: Random, fns: ProviderWrite['functions'], inds: string[]): ProviderWrite['references'] {
  return Array.from({ length: r.int(0, 3) }, () => {
    const f = r.pick(fns);
    const first = r.pick(CLIENT_NAMES.first);
    const last = r.pick(CLIENT_NAMES.last);
    const company = `${r.pick(FIRM_WORDS)} ${INDUSTRY_NOUNS[r.pick(inds)] ?? 'Company'}`;
    const year = r.int(2019, 2025);
    const month = String(r.int(1, 12)).padStart(2, '0');
    return {
      name: `${first} ${last}`,
      email: `${slugify(first)}.${slugify(last)}@${slugify(company)}.example`,
      company,
      role: r.pick(['Owner', 'Managing director', 'Office manager', 'Operations lead', 'Founder']),
      period: {
        from: `${year}-${month}`,
        to: r.chance(0.6) ? null : `${Math.min(2025, year + r.int(1, 3))}-${month}`,
      },
      function: f.slug,
      duties: r.sample([...f.duties, ...f.customDuties], r.int(1, 3)),
    };
  });
}
