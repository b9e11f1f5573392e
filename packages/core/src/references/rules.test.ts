import { describe, expect, it } from 'vitest';
import { createLinkSigner } from '../links.ts';
import {
  answerScore,
  companyKey,
  formatReferenceToken,
  mismatches,
  nextReminderAt,
  parseReferenceToken,
  sameNetwork,
  trustFlags,
  type TrustFacts,
} from './rules.ts';

const facts = (over: Partial<TrustFacts> = {}): TrustFacts => ({
  contactEmail: 'dana@acme-realty.com',
  memberEmails: ['sam@keystone.com'],
  providerWebsite: 'https://www.keystone-support.com',
  viewerIsMember: false,
  ip: '203.0.113.9',
  userAgent: 'Mozilla/5.0 Firefox/140',
  memberIps: ['198.51.100.4'],
  memberDevices: [{ ip: '198.51.100.4', userAgent: 'Mozilla/5.0 Firefox/140' }],
  sameCompanyAnswers: 0,
  recentAnswers: 0,
  ...over,
});
const kinds = (f: TrustFacts) => trustFlags(f).map((x) => x.kind);

describe('reference links', () => {
  const signer = createLinkSigner('a-secret-of-at-least-thirty-two-characters');
  const id = '0b8c7c3e-2f1a-4c55-9a51-7d0c3c1e9f10';
  it('round-trips a token and refuses an altered one or another request’s signature', () => {
    const token = formatReferenceToken(signer, id);
    expect(parseReferenceToken(signer, token)).toBe(id);
    expect(parseReferenceToken(signer, `${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`)).toBeNull();
    const other = formatReferenceToken(signer, '1b8c7c3e-2f1a-4c55-9a51-7d0c3c1e9f10');
    expect(parseReferenceToken(signer, `${id}.${other.split('.')[1]}`)).toBeNull();
    expect(
      parseReferenceToken(createLinkSigner('another-secret-of-thirty-two-characters!'), token),
    ).toBeNull();
  });
});

describe('reminders', () => {
  it('fall 1, 3 and 7 days after the first e-mail, then stop', () => {
    const sent = new Date('2027-01-01T09:00:00Z');
    expect(nextReminderAt(sent, 0)?.toISOString()).toBe('2027-01-02T09:00:00.000Z');
    expect(nextReminderAt(sent, 1)?.toISOString()).toBe('2027-01-04T09:00:00.000Z');
    expect(nextReminderAt(sent, 2)?.toISOString()).toBe('2027-01-08T09:00:00.000Z');
    expect(nextReminderAt(sent, 3)).toBeNull();
  });
});

describe('trust signals', () => {
  it('passes an ordinary answer', () => {
    expect(kinds(facts())).toEqual([]);
  });
  it('flags the provider’s own domain, from a member’s address or the website, but not a shared mailbox domain', () => {
    expect(kinds(facts({ contactEmail: 'pat@keystone.com' }))).toEqual(['member_domain']);
    expect(kinds(facts({ contactEmail: 'pat@keystone-support.com' }))).toEqual(['member_domain']);
    expect(kinds(facts({ contactEmail: 'pat@gmail.com', memberEmails: ['sam@gmail.com'] }))).toEqual([]);
  });
  it('flags the provider answering its own request', () => {
    expect(kinds(facts({ contactEmail: 'sam@keystone.com' }))).toContain('self_answer');
    expect(kinds(facts({ viewerIsMember: true }))).toEqual(['self_answer']);
  });
  it('flags a member’s address, or a member’s browser on the same network, but not the same browser elsewhere', () => {
    expect(kinds(facts({ ip: '198.51.100.4' }))).toEqual(['provider_device']);
    expect(kinds(facts({ ip: '198.51.100.77' }))).toEqual(['provider_device']);
    expect(kinds(facts({ ip: '198.51.100.77', userAgent: 'Safari' }))).toEqual([]);
    expect(sameNetwork('2001:db8:1:2::1', '2001:db8:1:9::5')).toBe(true);
    expect(sameNetwork('2001:db8:2::1', '2001:db8:1::1')).toBe(false);
  });
  it('flags a company answering twice and the third answer within an hour', () => {
    expect(kinds(facts({ sameCompanyAnswers: 1 }))).toEqual(['company_twice']);
    expect(kinds(facts({ recentAnswers: 1 }))).toEqual([]);
    expect(kinds(facts({ recentAnswers: 2 }))).toEqual(['burst']);
  });
});

describe('answers', () => {
  it('scores the mean of performed duties’ quality and timeliness with communication and reliability', () => {
    const duties = [
      { performed: true, quality: 5, timeliness: 3 },
      { performed: false, quality: null, timeliness: null },
    ];
    expect(answerScore(duties, 4, 4)).toBe(4);
  });
  it('tells one company in different spellings, and records what the customer corrected', () => {
    expect(companyKey('Acme Realty, Inc.')).toBe(companyKey('acme realty'));
    const entered = {
      company: 'Acme Realty',
      role: 'Broker',
      periodFrom: '2023-02-01',
      periodTo: null,
      duties: ['A'],
    };
    expect(mismatches(entered, { ...entered, company: 'ACME REALTY LLC' })).toEqual([]);
    expect(mismatches(entered, { ...entered, role: 'Assistant', duties: ['A', 'B'] })).toEqual([
      'role',
      'duties',
    ]);
  });
});
