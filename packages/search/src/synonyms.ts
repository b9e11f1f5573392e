/**
 * Words owners type for the same thing. Every term in a group is equivalent to every other one, in both
 * engines: the Postgres adapter expands a query term into its group, Meilisearch gets the same groups as
 * its `synonyms` setting (see meiliSynonyms). Terms are lower-case; multi-word terms are phrases.
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

/** The groups as Meilisearch wants them: each term maps to all the others (mutual association). */
export function meiliSynonyms(groups = SYNONYM_GROUPS): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const group of groups) {
    for (const term of group) {
      const others = group.filter((t) => t !== term);
      out[term] = [...new Set([...(out[term] ?? []), ...others])];
    }
  }
  return out;
}
