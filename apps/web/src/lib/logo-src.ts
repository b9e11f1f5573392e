const API_LOGO = /^\/providers\/([0-9a-f-]{36})\/logo(?:\?v=([\w-]{1,64}))?$/i;

/**
 * The API names a logo by its own path (`/providers/:id/logo?v=…`), which browsers cannot reach; this
 * app serves it at `/logos/:id?v=…` instead. Anything that is not a logo path gives `null`.
 */
export function logoSrc(apiPath: string | null | undefined): string | null {
  const match = apiPath ? API_LOGO.exec(apiPath) : null;
  if (!match) return null;
  const [, id, version] = match;
  return version ? `/logos/${id}?v=${version}` : `/logos/${id}`;
}
