import { describe, expect, it } from 'vitest';
import { suggestFunction } from '../owners/suggest-function.ts';
import { understand } from './understand.ts';

const fns = (q: string) => understand(q).functions.map((f) => f.slug);
const inds = (q: string) => understand(q).industries.map((i) => i.slug);
const top = (q: string) => fns(q)[0] ?? null;

describe('understand', () => {
  it.each([
    ['bookkeeping', 'bookkeeping'],
    ['Payroll', 'payroll'],
    ['customer service', 'customer-service'],
    ['virtual assistant', 'virtual-assistance'],
    ['web maintenance', 'web-maintenance'],
    ['Sales support & appointment setting', 'sales-support'],
  ])('taxonomy names: “%s” → %s', (q, slug) => expect(top(q)).toBe(slug));

  it.each([
    ['bookkeeper', 'bookkeeping'],
    ['accountant', 'accounting'],
    ['VA', 'virtual-assistance'],
    ['CSR', 'customer-service'],
    ['SEO', 'marketing'],
    ['lead gen', 'lead-generation'],
    ['website', 'web-maintenance'],
    ['HR', 'hr-compliance'],
  ])('synonyms: “%s” → %s', (q, slug) => expect(top(q)).toBe(slug));

  it.each([
    ['handle my email', 'virtual-assistance'],
    ['someone to handle my email', 'virtual-assistance'],
    ['chase invoices', 'bookkeeping'],
    ['answer the phone', 'customer-service'],
    ['social media', 'marketing'],
    ['do my books', 'bookkeeping'],
    ['answer customer emails', 'customer-service'],
    ['lawyer', 'legal'],
    ['reconcile bank and credit-card accounts', 'bookkeeping'],
  ])('owner phrases and duties: “%s” → %s', (q, slug) => expect(top(q)).toBe(slug));

  it.each([
    ['law firm', 'legal-services'],
    ['dentist', 'healthcare'],
    ['restaurant', 'restaurants-food-service'],
    ['realtor', 'real-estate'],
    ['online store', 'e-commerce'],
    ['plumber', 'home-services'],
  ])('industry words: “%s” → %s', (q, slug) => {
    expect(inds(q)).toEqual([slug]);
  });

  it.each([
    ['restaurants', 'restaurant', 'industry'],
    ['invoices', 'invoice', 'function'],
    ['bookkeepers', 'bookkeeper', 'function'],
    ['dentists', 'dentist', 'industry'],
  ])('plural and singular meet: “%s” = “%s”', (a, b) => {
    expect(understand(a).functions).toEqual(understand(b).functions);
    expect(understand(a).industries).toEqual(understand(b).industries);
  });

  it.each([
    ['bookeeping', 'bookkeeping'],
    ['payrol', 'payroll'],
    ['custmer servce', 'customer-service'],
    ['virtaul asistant', 'virtual-assistance'],
    ['acounting', 'accounting'],
  ])('typos: “%s” → %s', (q, slug) => expect(top(q)).toBe(slug));

  it('reads a typo in an industry and says what it read', () => {
    const u = understand('payroll for resturants');
    expect(u.industries.map((i) => i.slug)).toEqual(['restaurants-food-service']);
    expect(u.corrections).toEqual([{ from: 'resturants', to: 'restaurants' }]);
  });

  it.each([
    ['customer service for real estate', ['customer-service'], ['real-estate']],
    ['payroll for restaurants', ['payroll'], ['restaurants-food-service']],
    ['va for a law firm', ['virtual-assistance'], ['legal-services']],
    ['VA for a lawyer', ['virtual-assistance'], ['legal-services']],
    ['bookkeeping for promotional products', ['bookkeeping'], ['promotional-products']],
    ['payroll for accountants', ['payroll'], ['accounting-firms']],
    ['dentist billing', ['bookkeeping'], ['healthcare']],
    ['who can answer the phones for my dental practice?', ['customer-service'], ['healthcare']],
    ['lawyer for my restaurant', ['legal'], ['restaurants-food-service']],
    ['marketing agency bookkeeping', ['bookkeeping'], ['marketing-agencies']],
  ])('“X for Y”: “%s” → %j for %j', (q, f, i) => {
    const u = understand(q);
    expect(u.functions.map((m) => m.slug).slice(0, f.length)).toEqual(f);
    expect(u.industries.map((m) => m.slug)).toEqual(i);
    expect(u.rest).toEqual([]);
  });

  it.each([
    ['book my travel', ['virtual-assistance']],
    ['update my wordpress site', ['web-maintenance']],
    ['run payroll', ['payroll']],
    ['reconcile bank accounts', ['bookkeeping']],
  ])('a function’s own duty words explain the rest of “%s”', (q, f) => {
    const u = understand(q);
    expect(u.functions.map((m) => m.slug)).toEqual(f);
    expect(u.rest).toEqual([]);
  });

  it('keeps words it cannot explain for text search, and drops filler', () => {
    const u = understand('Need a Spanish speaking bookkeeper for restaurants please');
    expect(u.functions[0]?.slug).toBe('bookkeeping');
    expect(u.industries.map((i) => i.slug)).toEqual(['restaurants-food-service']);
    expect(u.rest).toEqual(['spanish', 'speaking']);
  });

  it.each([
    ['forklift repair', ['forklift', 'repair']],
    ['someone to walk my dog during the day', ['walk', 'dog']],
  ])('one stray duty word names no function: “%s”', (q, rest) => {
    const u = understand(q);
    expect(u.functions).toEqual([]);
    expect(u.rest).toEqual(rest);
  });

  it.each([
    ['chase customers who haven’t paid their invoices', 'bookkeeping', ['paid']],
    ["who can answer my phones while I'm out", 'customer-service', []],
    ['someone to draft a contract for a new client', 'legal', []],
    ['post on instagram for my business a few times a week', 'marketing', []],
    ['set up nightly site backups', 'web-maintenance', []],
  ])('contractions, times and other everyday words do not narrow “%s”', (q, slug, rest) => {
    const u = understand(q);
    expect(u.functions[0]?.slug).toBe(slug);
    expect(u.rest).toEqual(rest);
  });

  it.each([
    ['W-2s', 'payroll'],
    ['1099s', 'accounting'],
  ])('a number’s plural is the number: “%s” → %s', (q, slug) => expect(top(q)).toBe(slug));

  it.each([
    ['guest support for a boutique hotel', ['hospitality']],
    ['HR help for a small machine shop', ['manufacturing']],
    ['bookkeeping for an auto repair shop', ['automotive']],
    ['inventory for my clothing boutique', ['retail']],
  ])('a longer industry phrase wins over a word inside it: “%s” → %j', (q, i) => {
    expect(inds(q)).toEqual(i);
  });

  it.each([
    ['vet clinic', 'healthcare'],
    ['physical therapy practice', 'healthcare'],
    ['pilates studio', 'beauty-wellness'],
    ['med spa', 'beauty-wellness'],
    ['print shop', 'promotional-products'],
    ['screen printing', 'promotional-products'],
    ['cpa practice', 'accounting-firms'],
    ['coffee shop', 'restaurants-food-service'],
    ['collision center', 'automotive'],
    ['3PL', 'transportation-logistics'],
    ['title company', 'real-estate'],
    ['church', 'nonprofit'],
    ['montessori school', 'education'],
    ['staffing agency', 'professional-services'],
    ['digital agency', 'marketing-agencies'],
    ['etsy shop', 'e-commerce'],
    ['general contractor', 'construction'],
    ['insurance agent', 'insurance'],
    ['saas startup', 'software-saas'],
    ['bed and breakfast', 'hospitality'],
    ['garage door company', 'home-services'],
  ])('businesses named by their kind: “%s” → %s', (q, slug) => {
    expect(inds(q)).toEqual([slug]);
    expect(understand(q).rest).toEqual([]);
  });

  it.each([
    ['payroll for my coffee shop', 'restaurants-food-service'],
    ['bookkeeping for a pilates studio', 'beauty-wellness'],
    ['inventory for our cnc shop', 'manufacturing'],
    ['order entry for my print shop', 'promotional-products'],
    ['social media for a tattoo studio', 'beauty-wellness'],
  ])('a shop or studio is the kind it is named as: “%s” → %s', (q, slug) => {
    expect(inds(q)).toEqual([slug]);
  });

  it.each([
    ['ppc', 'marketing'],
    ['google ads', 'marketing'],
    ['klaviyo email campaigns', 'marketing'],
    ['month-end close', 'bookkeeping'],
    ['categorize transactions', 'bookkeeping'],
    ['job costing', 'bookkeeping'],
    ['sales tax filing', 'accounting'],
    ['fractional cfo', 'accounting'],
    ['tip pooling', 'payroll'],
    ['wage garnishments', 'payroll'],
    ['I-9s', 'hr-compliance'],
    ['pto policy', 'hr-compliance'],
    ['open enrollment', 'hr-compliance'],
    ['BDR', 'sales-support'],
    ['crm updates', 'sales-support'],
    ['list building', 'lead-generation'],
    ['lease review', 'legal'],
    ['llc filing', 'legal'],
    ['buyer messages', 'customer-service'],
    ['after-hours calls', 'customer-service'],
    ['whatsapp support', 'customer-service'],
    ['calendar management', 'virtual-assistance'],
    ['squarespace', 'web-maintenance'],
    ['pick and pack', 'order-processing'],
    ['cycle counts', 'inventory-management'],
    ['freight audit', 'supplier-bill-reconciliation'],
    ['digitize documents', 'administration'],
  ])('jargon and abbreviations: “%s” → %s', (q, slug) => {
    expect(fns(q)).toEqual([slug]);
    expect(understand(q).rest).toEqual([]);
  });

  it.each([
    ['file sales tax returns', 'accounting'],
    ['payroll tax returns', 'payroll'],
    ['handle returns and exchanges', 'customer-service'],
  ])('a longer phrase keeps a common word to its meaning: “%s” → %s', (q, slug) => {
    expect(top(q)).toBe(slug);
    expect(fns(q)).not.toContain(slug === 'customer-service' ? 'accounting' : 'customer-service');
  });

  it.each([
    ['marketing for my company', ['marketing'], []],
    ['bookkeeping for my practice', ['bookkeeping'], []],
    ['seo for my agency', ['marketing'], ['marketing-agencies']],
  ])('“X for my company” is the function, not an industry phrase: “%s”', (q, f, i) => {
    expect(fns(q)).toEqual(f);
    expect(inds(q)).toEqual(i);
  });

  it('keeps a correction only when the corrected word explains something', () => {
    expect(understand('hvac technician')).toMatchObject({ corrections: [], rest: ['technician'] });
    expect(understand('payrol servise').corrections).toEqual([
      { from: 'payrol', to: 'payroll' },
      { from: 'servise', to: 'service' },
    ]);
  });

  it.each(['🚀', '', '   ', 'the', '?!', 'someone to help me', 'for the'])(
    '“%s” has no usable words',
    (q) => {
      expect(understand(q)).toMatchObject({ meaningful: false, functions: [], industries: [], rest: [] });
    },
  );

  it.each(['Quillfeather', 'xylophonist', 'purple elephant'])('“%s” means no function or industry', (q) => {
    const u = understand(q);
    expect(u.functions).toEqual([]);
    expect(u.industries).toEqual([]);
    expect(u.meaningful).toBe(true);
    expect(u.rest.length).toBeGreaterThan(0);
  });

  it.each(['chasing unpaid invoices', 'answering the phone', 'handle my email', 'posting on Instagram'])(
    'the worksheet suggests the function search reads for “%s”',
    (q) => expect(suggestFunction(q)).toBe(top(q)),
  );
});
