import {
  logoResponse,
  myProvidersResponse,
  providerResponse,
  publicProviderResponse,
  searchProvidersResponse,
  searchSuggestResponse,
  type ProviderInputParsed,
  type ProviderProfile,
  type PublicProviderProfile,
  type SearchProvidersResponse,
  type SearchSuggestResponse,
} from '@handoff/contracts';
import type { z } from 'zod';
import { toSearchParams, type SearchState } from '$lib/search-url.ts';
import { request, send, type RawBody } from './api-client.ts';

export type ProviderSummary = z.infer<typeof myProvidersResponse>['providers'][number];

/** A logo's bytes and the caching the API chose for them. */
export interface LogoImage {
  bytes: ArrayBuffer;
  contentType: string;
  cacheControl: string;
  etag: string | null;
}

const path = (segment: string) => encodeURIComponent(segment);

/** Provider profiles and search: one function per endpoint, like `api.ts`. */
export const providersApi = {
  async mine(token: string): Promise<ProviderSummary[]> {
    const { providers } = await request(myProvidersResponse, '/providers/mine', { token });
    return providers;
  },

  get: (token: string, id: string): Promise<ProviderProfile> =>
    request(providerResponse, `/providers/${path(id)}`, { token }),

  create: (token: string, body: ProviderInputParsed): Promise<ProviderProfile> =>
    request(providerResponse, '/providers', { method: 'POST', body, token }),

  update: (token: string, id: string, body: ProviderInputParsed): Promise<ProviderProfile> =>
    request(providerResponse, `/providers/${path(id)}`, { method: 'PUT', body, token }),

  publish: (token: string, id: string): Promise<ProviderProfile> =>
    request(providerResponse, `/providers/${path(id)}/publish`, { method: 'POST', token }),

  unpublish: (token: string, id: string): Promise<ProviderProfile> =>
    request(providerResponse, `/providers/${path(id)}/unpublish`, { method: 'POST', token }),

  async uploadLogo(token: string, id: string, raw: RawBody): Promise<string> {
    const { logoUrl } = await request(logoResponse, `/providers/${path(id)}/logo`, {
      method: 'PUT',
      raw,
      token,
    });
    return logoUrl;
  },

  /** A draft's logo is only shown to its members, so the viewer's token goes along when there is one. */
  async logo(id: string, version: string | null, token: string | null): Promise<LogoImage> {
    const qs = version ? `?${new URLSearchParams({ v: version })}` : '';
    const response = await send(`/providers/${path(id)}/logo${qs}`, { token });
    return {
      bytes: await response.arrayBuffer(),
      contentType: response.headers.get('content-type') ?? 'application/octet-stream',
      cacheControl: response.headers.get('cache-control') ?? 'private, no-cache',
      etag: response.headers.get('etag'),
    };
  },

  published: (slug: string): Promise<PublicProviderProfile> =>
    request(publicProviderResponse, `/public/providers/${path(slug)}`),

  search(state: SearchState): Promise<SearchProvidersResponse> {
    const params = toSearchParams(state);
    return request(searchProvidersResponse, `/search/providers${params.size ? `?${params}` : ''}`);
  },

  /** The search box's autocomplete for the words typed so far. */
  suggest: (q: string): Promise<SearchSuggestResponse> =>
    request(searchSuggestResponse, `/search/suggest?${new URLSearchParams({ q })}`),
};
