/** The editor's sections, in page order, and which of them a field (an error's key) belongs to. */
export const SECTIONS = [
  { id: 'basics', label: 'Basics' },
  { id: 'location', label: 'Location and languages' },
  { id: 'rates', label: 'Hourly rates' },
  { id: 'functions', label: 'Functions and duties' },
  { id: 'industries', label: 'Industries' },
  { id: 'packages', label: 'Packages' },
  { id: 'references', label: 'Reference customers' },
] as const;

export type SectionId = (typeof SECTIONS)[number]['id'];

const OWNER: Record<string, SectionId> = {
  country: 'location',
  timezone: 'location',
  remote: 'location',
  onSite: 'location',
  languages: 'location',
  rateMin: 'rates',
  rateMax: 'rates',
  currency: 'rates',
  functions: 'functions',
  industries: 'industries',
  packages: 'packages',
  references: 'references',
};

export const sectionOf = (key: string): SectionId => OWNER[key.split('.')[0]!] ?? 'basics';

/** Where on the page a field lives, for "fix this" links. */
export function anchorOf(key: string): string {
  const [head, rest] = [key.split('.')[0]!, key.split('.').slice(1).join('.')];
  if (head === 'functions') return rest ? `#fn-${rest}` : '#functions';
  if (head === 'industries') return '#industries';
  if (head === 'packages') return rest ? `#package-${rest.split('.')[0]}` : '#packages';
  if (head === 'references') return rest ? `#reference-${rest.split('.')[0]}` : '#references';
  return `#field-${head}`;
}
