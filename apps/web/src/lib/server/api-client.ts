import { env } from '$env/dynamic/private';
import { errorResponse } from '@handoff/contracts';
import { error } from '@sveltejs/kit';
import type { z } from 'zod';

export const UNAVAILABLE_MESSAGE = 'The service is unavailable, try again';

/** Any failed API call: an HTTP error from the API, or 503 when the API could not be reached. */
export class ApiError extends Error {
  override readonly name = 'ApiError';

  constructor(
    readonly status: number,
    message: string,
    readonly fields: Record<string, string> = {},
  ) {
    super(message);
  }

  /** True for answers a person can act on (bad input, wrong password, taken e-mail…). */
  get isClientError(): boolean {
    return this.status >= 400 && this.status < 500;
  }
}

// A hung API must not hang every page of the web app with it.
const TIMEOUT_MS = 8_000;

function baseUrl(): string {
  return (env.API_URL || 'http://127.0.0.1:4000').replace(/\/+$/, '');
}

/** Who is really asking, passed on so the API's rate limits and session records see the person, not us. */
export interface ClientInfo {
  ip?: string | undefined;
  userAgent?: string | null | undefined;
}

/** A body sent as is (an uploaded image), with its own type. */
export interface RawBody {
  bytes: Uint8Array<ArrayBuffer>;
  contentType: string;
}

interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: unknown;
  raw?: RawBody | undefined;
  token?: string | null;
  client?: ClientInfo | undefined;
}

export async function send(
  path: string,
  { method = 'GET', body, raw, token, client }: RequestOptions,
): Promise<Response> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (raw) headers['content-type'] = raw.contentType;
  else if (body !== undefined) headers['content-type'] = 'application/json';
  if (token) headers.authorization = `Bearer ${token}`;
  // Only honoured by the API when it is configured to trust this proxy (TRUST_PROXY).
  if (client?.ip) headers['x-forwarded-for'] = client.ip;
  if (client?.userAgent) headers['user-agent'] = client.userAgent;

  let response: Response;
  try {
    response = await fetch(`${baseUrl()}${path}`, {
      method,
      headers,
      body: raw ? raw.bytes : body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
  } catch (cause) {
    console.error(`[api] ${method} ${path} unreachable:`, cause instanceof Error ? cause.message : cause);
    throw new ApiError(503, UNAVAILABLE_MESSAGE);
  }

  if (!response.ok) throw await toApiError(response);
  return response;
}

async function toApiError(response: Response): Promise<ApiError> {
  const parsed = errorResponse.safeParse(await response.json().catch(() => null));
  // Never pass a 5xx body through to people: it says nothing they can act on.
  if (response.status >= 500 || !parsed.success) {
    if (response.status >= 500) console.error(`[api] ${response.url} answered ${response.status}`);
    return new ApiError(response.status >= 500 ? 503 : response.status, UNAVAILABLE_MESSAGE);
  }
  return new ApiError(response.status, parsed.data.message, parsed.data.fields ?? {});
}

export async function request<S extends z.ZodType>(
  schema: S,
  path: string,
  options: RequestOptions = {},
): Promise<z.infer<S>> {
  const response = await send(path, options);
  const parsed = schema.safeParse(await response.json().catch(() => null));
  if (!parsed.success) {
    console.error(`[api] ${options.method ?? 'GET'} ${path}: unexpected response`, parsed.error.issues);
    throw new ApiError(503, UNAVAILABLE_MESSAGE);
  }
  return parsed.data;
}

/**
 * For loads: turns a failed API call into SvelteKit's error page with the API's own words (a 403
 * says who may see the page, a 404 that it is gone); an outage is a plain 503.
 */
export function raise(cause: unknown): never {
  if (!(cause instanceof ApiError)) throw cause;
  error(cause.isClientError ? cause.status : 503, cause.isClientError ? cause.message : UNAVAILABLE_MESSAGE);
}
