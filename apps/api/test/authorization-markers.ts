import type { Persona } from './authorization-world.ts';

// What must never reach the wrong reader, as recognisable text the matrix looks for in every
// response body: competitors' bids, reference customers' addresses and private notes, e-mailed
// links, password and token hashes, and other people's e-mail addresses.

export interface Marker {
  label: string;
  text: string;
  /** Who may see it; everyone else's responses must not contain it. */
  seenBy: readonly Persona[];
}

/** Makes this run's seeded values unique, so a marker cannot match another test's data. */
export const tag = Math.random().toString(36).slice(2, 8);
export const personaEmail = (who: string) => `${who}-${tag}@persona.example`;

/** Whose own address each is, and who else works closely enough with them to see it. */
const addresses: Record<string, readonly Persona[]> = {
  'owner-a': ['ownerA'],
  'owner-b': ['ownerB'],
  'provider-p': ['providerP', 'memberM'],
  'provider-q': ['providerQ'],
  // A firm's members see each other.
  'colleague-c': ['providerP', 'memberM'],
  'member-m': ['providerP', 'memberM'],
  // Suspended: nobody but operators (and the person, who can no longer sign in) sees the address.
  'suspended-s': [],
  admin: [],
};

/** Names of things only some may know exist. */
export const titles = {
  inviteOnly: `Invite-only job ${tag}`,
  draft: `Draft job ${tag}`,
  unpublished: `Unpublished desk ${tag}`,
};

/** Bid prices the world uses; numbers no id, date or other figure of the world contains. */
export const PRICES = { P: 4637, Q: 5839 };

export function markers(seeded: {
  notes: { P: string; Q: string };
  message: string;
  customerEmails: string[];
  privateNotes: [string, string];
  links: string[];
  invitees: string[];
}): Marker[] {
  // P's firm: P owns it, M is a member who does not.
  const firmP: Persona[] = ['providerP', 'memberM'];
  const bidP: Persona[] = ['ownerA', ...firmP];
  const bidQ: Persona[] = ['ownerA', 'providerQ'];
  const nobody: Persona[] = [];
  return [
    { label: 'P’s bid note', text: seeded.notes.P, seenBy: bidP },
    { label: 'Q’s bid note', text: seeded.notes.Q, seenBy: bidQ },
    { label: 'P’s bid price', text: String(PRICES.P), seenBy: bidP },
    { label: 'Q’s bid price', text: String(PRICES.Q), seenBy: bidQ },
    { label: 'the invite-only job’s title', text: titles.inviteOnly, seenBy: ['ownerA', ...firmP] },
    { label: 'the draft job’s title', text: titles.draft, seenBy: ['ownerA'] },
    // Its only member is no persona; nobody else may learn of it before it is published.
    { label: 'the unpublished profile’s name', text: titles.unpublished, seenBy: nobody },
    { label: 'a bid thread message', text: seeded.message, seenBy: bidP },
    ...seeded.customerEmails.map((text, i) => ({
      label: `reference customer ${i + 1}’s e-mail`,
      text,
      seenBy: [...firmP, 'admin'] satisfies Persona[],
    })),
    // The held answer's note is for the operator deciding it; a cleared answer's is shown to nobody.
    { label: 'a cleared answer’s private note', text: seeded.privateNotes[0], seenBy: nobody },
    { label: 'a held answer’s private note', text: seeded.privateNotes[1], seenBy: ['admin'] },
    // An e-mailed link's signature is the credential: no response may carry it.
    ...seeded.links.map((link, i) => ({
      label: `e-mailed link ${i + 1}`,
      text: link.split('.')[1]!,
      seenBy: nobody,
    })),
    ...['password_hash', 'passwordHash', 'tokenHash', '$argon2'].map((text) => ({
      label: text,
      text,
      seenBy: nobody,
    })),
    ...Object.entries(addresses).map(([who, seenBy]) => ({
      label: `${who}’s e-mail`,
      text: personaEmail(who),
      seenBy: [...seenBy, 'admin'] satisfies Persona[],
    })),
    ...seeded.invitees.map((text) => ({
      label: 'an invitee’s e-mail',
      text,
      seenBy: [...firmP, 'admin'] satisfies Persona[],
    })),
  ];
}
