import type { User } from '@handoff/contracts';

// See https://svelte.dev/docs/kit/types#app.d.ts
declare global {
  namespace App {
    interface Locals {
      user: User | null;
      accessToken: string | null;
    }
    interface Error {
      message: string;
      /** The one thing that opens the page for this person (a 403 for the wrong role: add it). */
      action?: { href: string; label: string };
    }
  }
}

export {};
