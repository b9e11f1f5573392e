import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Signs the ids that go into e-mailed links, so a link proves it came from us without any secret
 * being stored in the database or in a job payload. The key is derived from the app secret.
 */
export function createLinkSigner(secret: string) {
  const key = createHmac('sha256', secret).update('handoff/link-signing/v1').digest();
  const mac = (parts: readonly string[]) =>
    createHmac('sha256', key).update(parts.join('\n')).digest('base64url');
  return {
    sign: (...parts: string[]): string => mac(parts),
    verify(signature: string, ...parts: string[]): boolean {
      const expected = Buffer.from(mac(parts));
      const given = Buffer.from(signature);
      return given.length === expected.length && timingSafeEqual(given, expected);
    },
  };
}

export type LinkSigner = ReturnType<typeof createLinkSigner>;

/** Builds absolute links back into the web app. */
export function createLinks(appUrl: string) {
  const base = appUrl.replace(/\/+$/, '');
  return (path: string, query: Record<string, string> = {}): string => {
    const url = new URL(base + path);
    for (const [k, v] of Object.entries(query)) url.searchParams.set(k, v);
    return url.toString();
  };
}
export type Links = ReturnType<typeof createLinks>;
