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
    }
  }
}

export {};
