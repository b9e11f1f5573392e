import {
  missingForPublish,
  type MissingField,
  type ProviderKind,
  type ProviderProfile,
} from '@handoff/contracts';

// The profile editor's form, as plain strings and lists: what the page renders and what a failed save
// hands back. Field names in the HTML: `functions` (slugs), `duties.<slug>` and `custom.<slug>` (the
// duties per function), `packages.<i>.<field>`, `references.<i>.<field>`. Rows left blank are dropped,
// so row i here is item i of the body sent to the API and its `packages.i.price` errors land on it.

export interface FunctionValues {
  slug: string;
  duties: string[];
  customDuties: string[];
}

export interface PackageValues {
  name: string;
  description: string;
  price: string;
  billing: string;
  duties: string[];
}

export interface ReferenceValues {
  name: string;
  email: string;
  company: string;
  role: string;
  from: string;
  to: string;
  function: string;
  duties: string[];
}

export interface EditorValues {
  name: string;
  slug: string;
  headline: string;
  bio: string;
  kind: string;
  teamSize: string;
  website: string;
  country: string;
  timezone: string;
  remote: boolean;
  onSite: boolean;
  rateMin: string;
  rateMax: string;
  currency: string;
  languages: string[];
  functions: FunctionValues[];
  industries: string[];
  packages: PackageValues[];
  references: ReferenceValues[];
}

/** Rows a form can carry: the API's limits (10) plus the blank row to add one. */
const MAX_ROWS = 12;

const str = (value: number | string | null | undefined) =>
  value === null || value === undefined ? '' : String(value);

/** The form's values for a profile; a new profile starts with the account's name. */
export function valuesFromProfile(p: ProviderProfile | null, accountName = ''): EditorValues {
  return {
    name: p?.name ?? accountName,
    slug: p?.slug ?? '',
    headline: p?.headline ?? '',
    bio: p?.bio ?? '',
    kind: p?.kind ?? '',
    teamSize: str(p?.teamSize),
    website: p?.website ?? '',
    country: p?.country ?? '',
    timezone: p?.timezone ?? '',
    remote: p?.remote ?? true,
    onSite: p?.onSite ?? false,
    rateMin: str(p?.rateMin),
    rateMax: str(p?.rateMax),
    currency: p?.currency ?? 'USD',
    languages: p?.languages ?? [],
    functions: (p?.functions ?? []).map(({ slug, duties, customDuties }) => ({ slug, duties, customDuties })),
    industries: (p?.industries ?? []).map((i) => i.slug),
    packages: (p?.packages ?? []).map((pkg) => ({
      name: pkg.name,
      description: pkg.description,
      price: str(pkg.price),
      billing: pkg.billing,
      duties: pkg.duties,
    })),
    references: (p?.references ?? []).map((r) => ({
      name: r.name,
      email: r.email,
      company: r.company,
      role: r.role,
      from: r.period.from,
      to: r.period.to ?? '',
      function: r.function,
      duties: r.duties,
    })),
  };
}

export function readEditorForm(data: FormData): EditorValues {
  const text = (key: string) => {
    const value = data.get(key);
    return typeof value === 'string' ? value : '';
  };
  const list = (key: string) => [
    ...new Set(data.getAll(key).filter((v): v is string => typeof v === 'string' && v.trim() !== '')),
  ];

  const packages: PackageValues[] = [];
  const references: ReferenceValues[] = [];
  for (let i = 0; i < MAX_ROWS; i += 1) {
    const p = `packages.${i}`;
    if (data.has(`${p}.name`) && !data.has(`${p}.remove`)) {
      const row = {
        name: text(`${p}.name`),
        description: text(`${p}.description`),
        price: text(`${p}.price`),
        billing: text(`${p}.billing`),
        duties: list(`${p}.duties`),
      };
      if (row.name.trim() || row.description.trim() || row.price.trim()) packages.push(row);
    }
    const r = `references.${i}`;
    if (data.has(`${r}.name`) && !data.has(`${r}.remove`)) {
      const fn = text(`${r}.function`);
      const row = {
        name: text(`${r}.name`),
        email: text(`${r}.email`),
        company: text(`${r}.company`),
        role: text(`${r}.role`),
        from: text(`${r}.from`),
        to: text(`${r}.to`),
        function: fn,
        // Every function's duties are on the page; only the chosen function's count.
        duties: fn ? list(`${r}.duties.${fn}`) : [],
      };
      if ([row.name, row.email, row.company, row.role, row.from].some((v) => v.trim())) references.push(row);
    }
  }

  return {
    name: text('name'),
    slug: text('slug'),
    headline: text('headline'),
    bio: text('bio'),
    kind: text('kind'),
    teamSize: text('teamSize'),
    website: text('website'),
    country: text('country'),
    timezone: text('timezone'),
    remote: data.has('remote'),
    onSite: data.has('onSite'),
    rateMin: text('rateMin'),
    rateMax: text('rateMax'),
    currency: text('currency'),
    languages: list('languages'),
    functions: list('functions').map((slug) => ({
      slug,
      duties: list(`duties.${slug}`),
      customDuties: list(`custom.${slug}`).map((d) => d.trim()),
    })),
    industries: list('industries'),
    packages,
    references,
  };
}

/** "1,200", "$ 1200" → 1200; empty → null; anything else → NaN, which the schema names. */
function amount(value: string): number | null {
  const cleaned = value.replace(/[\s,$€£]/g, '');
  return cleaned === '' ? null : Number(cleaned);
}

const orUndefined = (value: string) => (value.trim() === '' ? undefined : value.trim());

/** The API's body, before the shared schema checks it. */
export function toProviderInput(v: EditorValues) {
  return {
    name: v.name,
    slug: orUndefined(v.slug),
    kind: orUndefined(v.kind),
    headline: v.headline,
    bio: v.bio,
    functions: v.functions,
    industries: v.industries,
    packages: v.packages.map((p) => ({
      name: p.name,
      description: p.description,
      price: amount(p.price) ?? undefined,
      billing: orUndefined(p.billing),
      duties: p.duties,
    })),
    rateMin: amount(v.rateMin),
    rateMax: amount(v.rateMax),
    currency: orUndefined(v.currency),
    languages: v.languages,
    timezone: orUndefined(v.timezone) ?? null,
    country: orUndefined(v.country) ?? null,
    remote: v.remote,
    onSite: v.onSite,
    teamSize: amount(v.teamSize),
    website: orUndefined(v.website) ?? null,
    references: v.references.map((r) => ({
      name: r.name,
      email: r.email.trim(),
      company: r.company,
      role: r.role,
      period: { from: orUndefined(r.from), to: orUndefined(r.to) ?? null },
      function: orUndefined(r.function),
      duties: r.duties,
    })),
  };
}

/**
 * What publishing would still ask of the form as typed, keyed like the page's fields. Lets "Save and
 * publish" list everything at once even when the draft itself has a field to fix first.
 */
export function missingFromValues(v: EditorValues, functionName: (slug: string) => string): MissingField[] {
  const rate = (value: string) => (amount(value) === null ? null : 1);
  const missing = missingForPublish(
    {
      kind: (orUndefined(v.kind) as ProviderKind | undefined) ?? null,
      headline: v.headline,
      bio: v.bio,
      functions: v.functions,
      industries: v.industries,
      rateMin: rate(v.rateMin),
      rateMax: rate(v.rateMax),
      languages: v.languages,
      timezone: orUndefined(v.timezone) ?? null,
      country: orUndefined(v.country) ?? null,
      remote: v.remote,
      onSite: v.onSite,
    },
    functionName,
  );
  const slugs = v.functions.map((f) => f.slug);
  return missing.map((m) => ({ field: formKey(m.field, slugs), message: m.message }));
}

const INDEX = /^\d+$/;

/**
 * Where an error belongs on the page. The API names fields by the body's paths (`functions.2.duties.0`,
 * `packages.0.price`, `languages.3`); the page shows one message per function card, per row field and per
 * list. `functionSlugs` is the body's (or the stored profile's) order of functions.
 */
export function formKey(path: string, functionSlugs: readonly string[]): string {
  const [head = '', index = '', ...rest] = path.split('.');
  if (head === 'functions' && INDEX.test(index)) return `functions.${functionSlugs[Number(index)] ?? index}`;
  if ((head === 'packages' || head === 'references') && INDEX.test(index)) {
    const cut = rest.findIndex((segment) => INDEX.test(segment));
    const tail = (cut === -1 ? rest : rest.slice(0, cut)).join('.');
    // A reference's period is two inputs on the page: from and to.
    return `${head}.${index}${tail ? `.${tail.replace(/^period\./, '')}` : ''}`;
  }
  if (head === 'industries' || head === 'languages') return head;
  return path;
}

export function mapErrors(fields: Record<string, string>, functionSlugs: readonly string[]) {
  const errors: Record<string, string> = {};
  for (const [path, message] of Object.entries(fields)) errors[formKey(path, functionSlugs)] ??= message;
  return errors;
}
