import type { ReferenceForm } from '@handoff/contracts';

/*
 * The reference form as flat text fields, the way the page posts them without JavaScript and the
 * way a draft is kept: `company`, `duty.2.quality`, … A draft comes back exactly as it was typed;
 * only sending turns the fields into the api's nested body.
 */

export type Values = Record<string, string>;

/** Always written to a draft (even empty), so a cleared or unticked field stays cleared. */
export const RELATIONSHIP_KEYS = [
  'company',
  'role',
  'industry',
  'periodFrom',
  'periodTo',
  'ongoing',
  'dutiesContracted',
  'moreDuties',
] as const;
export const OVERALL_KEYS = [
  'communication',
  'reliability',
  'costVersusQuote',
  'problemsHandled',
  'wouldRehire',
  'recommend',
  'advice',
  'privateNote',
] as const;
export const DUTY_FIELDS = ['performed', 'quality', 'timeliness', 'benchmark', 'example'] as const;
export type DutyField = (typeof DUTY_FIELDS)[number];

export const dutyKey = (index: number, field: DutyField) => `duty.${index}.${field}`;

/** The contracted duties are ticked boxes (one value per line here) plus a free list. */
export const lines = (text: string | undefined) =>
  (text ?? '')
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);

/** What the provider entered about this customer, then the saved draft over it. */
export function initialValues(form: ReferenceForm): Values {
  const { contact } = form;
  const prefill: Values = {
    company: contact.company,
    role: contact.role,
    industry: '',
    periodFrom: contact.period.from,
    periodTo: contact.period.to ?? '',
    ongoing: contact.period.to ? '' : 'yes',
    dutiesContracted: contact.duties.join('\n'),
    moreDuties: '',
  };
  return { ...prefill, ...(form.draft ?? {}) };
}

export function readForm(data: FormData, dutyCount: number): Values {
  const text = (key: string) => {
    const v = data.get(key);
    return typeof v === 'string' ? v : '';
  };
  const values: Values = {};
  for (const key of [...RELATIONSHIP_KEYS, ...OVERALL_KEYS]) values[key] = text(key);
  values.dutiesContracted = data
    .getAll('dutiesContracted')
    .filter((v): v is string => typeof v === 'string')
    .join('\n');
  values.ongoing = text('ongoing') ? 'yes' : '';
  for (let i = 0; i < dutyCount; i++) {
    for (const field of DUTY_FIELDS) values[dutyKey(i, field)] = text(dutyKey(i, field));
  }
  return values;
}

/** The fields worth keeping: the relationship always, everything else once something is in it. */
export function toDraft(values: Values): Values {
  const keep = new Set<string>(RELATIONSHIP_KEYS);
  return Object.fromEntries(Object.entries(values).filter(([k, v]) => keep.has(k) || v !== ''));
}

const num = (v: string | undefined) => (v ? Number(v) : undefined);
const orUndefined = (v: string | undefined) => (v ? v : undefined);

/** The api's body (unchecked: the shared schema says what is wrong), and checks only a form has. */
export function toBody(values: Values, dutyCount: number): { body: unknown; errors: Values } {
  const errors: Values = {};
  const ongoing = values.ongoing === 'yes';
  if (!ongoing && !values.periodTo && values.periodFrom) {
    errors.periodTo = 'Enter the last month you worked together, or tick “We still work together”';
  }
  const duties = Array.from({ length: dutyCount }, (_, i) => {
    const performed = values[dutyKey(i, 'performed')];
    const did = performed === 'yes';
    // The schema says "rate both" once, on quality; a person needs it beside the one left empty.
    if (did && !values[dutyKey(i, 'quality')]) errors[dutyKey(i, 'quality')] = 'Rate the quality from 1 to 5';
    if (did && !values[dutyKey(i, 'timeliness')]) {
      errors[dutyKey(i, 'timeliness')] = 'Rate how timely they were from 1 to 5';
    }
    return {
      performed: performed === 'yes' ? true : performed === 'no' ? false : undefined,
      quality: did ? (num(values[dutyKey(i, 'quality')]) ?? null) : null,
      timeliness: did ? (num(values[dutyKey(i, 'timeliness')]) ?? null) : null,
      benchmark: performed === 'no' ? 'none' : orUndefined(values[dutyKey(i, 'benchmark')]),
      example: values[dutyKey(i, 'example')] ?? '',
    };
  });
  const body = {
    relationship: {
      company: values.company ?? '',
      role: values.role ?? '',
      industry: values.industry ?? '',
      period: { from: orUndefined(values.periodFrom), to: ongoing ? null : orUndefined(values.periodTo) },
      dutiesContracted: [...new Set([...lines(values.dutiesContracted), ...lines(values.moreDuties)])],
    },
    duties,
    communication: num(values.communication),
    reliability: num(values.reliability),
    costVersusQuote: orUndefined(values.costVersusQuote),
    problemsHandled: values.problemsHandled ?? '',
    wouldRehire: orUndefined(values.wouldRehire),
    recommend: num(values.recommend),
    advice: values.advice ?? '',
    privateNote: values.privateNote ?? '',
  };
  return { body, errors };
}

/** The api's error keys (`relationship.period.to`, `duties.1.quality`) as the form's field names. */
export function formErrors(fields: Record<string, string>): Values {
  const out: Values = {};
  const rename: Record<string, string> = {
    'relationship.company': 'company',
    'relationship.role': 'role',
    'relationship.industry': 'industry',
    'relationship.period': 'periodFrom',
    'relationship.period.from': 'periodFrom',
    'relationship.period.to': 'periodTo',
  };
  for (const [key, message] of Object.entries(fields)) {
    const duty = /^duties\.(\d+)\.(\w+)/.exec(key);
    const name = duty
      ? `duty.${duty[1]}.${duty[2]}`
      : key.startsWith('relationship.dutiesContracted')
        ? 'dutiesContracted'
        : (rename[key] ?? key);
    out[name] ??= message;
  }
  return out;
}

/** The schema's messages with the form's own on top; a duty the form explained loses the schema's "rate both". */
export function mergeErrors(schema: Values, local: Values): Values {
  const merged = { ...schema };
  for (const key of Object.keys(local)) {
    const duty = /^duty\.(\d+)\./.exec(key);
    if (duty) delete merged[`duty.${duty[1]}.quality`];
  }
  return { ...merged, ...local };
}
