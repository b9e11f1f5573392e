import { fieldErrors, referenceRequestsBody, type ReferenceRequestsBody } from '@handoff/contracts';

/** The "pick contacts or add one" form's text fields, refilled as typed when it is refused. */
export const ADD_FIELDS = ['name', 'email', 'company', 'role', 'from', 'to', 'function', 'duties'] as const;
export type PickValues = Record<(typeof ADD_FIELDS)[number], string> & { contactIds: string };

export type PickResult =
  | { ok: true; body: ReferenceRequestsBody; values: PickValues }
  | { ok: false; values: PickValues; errors: Record<string, string>; message: string };

// The api names the added contact's fields by their place in the body (add.0.period.from); the form
// has one added contact with flat names, so the messages are moved to the inputs that caused them.
const FIELD_OF: Record<string, string> = {
  'add.0.name': 'name',
  'add.0.email': 'email',
  'add.0.company': 'company',
  'add.0.role': 'role',
  'add.0.period.from': 'from',
  'add.0.period.to': 'to',
  'add.0.period': 'from',
  'add.0.function': 'function',
  'add.0.duties': 'duties',
};

export function fieldOf(apiField: string): string {
  if (apiField.startsWith('add.0.duties')) return 'duties';
  return FIELD_OF[apiField] ?? (apiField.startsWith('contactIds') ? 'contactIds' : apiField);
}

export function moveErrors(errors: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, message] of Object.entries(errors)) out[fieldOf(key)] ??= message;
  return out;
}

/** Reads the checked contacts and, when any "add" field is filled in, the one added contact. */
export function readPicks(data: FormData): PickResult {
  const ids = data.getAll('contactIds').filter((v): v is string => typeof v === 'string' && v !== '');
  const text = (key: string) => {
    const v = data.get(`add-${key}`);
    return typeof v === 'string' ? v.trim() : '';
  };
  const values = Object.fromEntries(ADD_FIELDS.map((k) => [k, text(k)])) as PickValues;
  values.contactIds = ids.join(',');
  const adding = ADD_FIELDS.some((k) => values[k] !== '');
  const add = adding
    ? [
        {
          name: values.name,
          email: values.email,
          company: values.company,
          role: values.role,
          period: { from: values.from, to: values.to || null },
          function: values.function,
          // One duty a line: a plain textarea works without JavaScript.
          duties: values.duties
            .split('\n')
            .map((d) => d.trim())
            .filter(Boolean),
        },
      ]
    : [];
  const parsed = referenceRequestsBody.safeParse({ contactIds: ids, add });
  if (parsed.success) return { ok: true, body: parsed.data, values };
  const errors = moveErrors(fieldErrors(parsed.error.issues));
  return {
    ok: false,
    values,
    errors,
    message: errors.contactIds ?? 'Please fix the highlighted fields.',
  };
}
