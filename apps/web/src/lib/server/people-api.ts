import {
  auditLogResponse,
  peopleResponse,
  personResponse,
  type AuditEntryResponse,
  type PersonResponse,
  type PersonSummaryResponse,
} from '@handoff/contracts';
import { request } from './api-client.ts';

export type PersonSummary = PersonSummaryResponse;
export type Person = PersonResponse;
export type AuditEntry = AuditEntryResponse;

const path = (segment: string) => encodeURIComponent(segment);

/** The operator's people desk and audit log (admins only; the API checks). */
export const peopleApi = {
  async find(token: string, q: string): Promise<PersonSummary[]> {
    const qs = q ? `?${new URLSearchParams({ q })}` : '';
    const { people } = await request(peopleResponse, `/admin/people${qs}`, { token });
    return people;
  },

  get: (token: string, id: string): Promise<Person> =>
    request(personResponse, `/admin/people/${path(id)}`, { token }),

  suspend: (token: string, id: string, reason: string): Promise<Person> =>
    request(personResponse, `/admin/people/${path(id)}/suspend`, { method: 'POST', body: { reason }, token }),

  reinstate: (token: string, id: string, reason: string): Promise<Person> =>
    request(personResponse, `/admin/people/${path(id)}/reinstate`, {
      method: 'POST',
      body: { reason },
      token,
    }),

  auditLog: (token: string, before?: string): Promise<{ entries: AuditEntry[]; next: string | null }> =>
    request(auditLogResponse, `/admin/audit-log${before ? `?${new URLSearchParams({ before })}` : ''}`, {
      token,
    }),
};
