// The fixed query mix of `pnpm bench search`, and the measuring helpers it uses. One definition feeds
// both the HTTP requests and the in-process adapter calls, so the two measure the same searches.
import type { ProviderSearchQuery } from '@handoff/search';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';

export type QueryType = 'text' | 'facets' | 'text+2 facets' | 'typo';

type Params = {
  q?: string;
  function?: string;
  industry?: string;
  kind?: string;
  language?: string;
  tz?: string;
};

export const MIX: { type: QueryType; params: Params }[] = [
  { type: 'text', params: { q: 'bookkeeping' } },
  { type: 'text', params: { q: 'customer service real estate' } },
  { type: 'text', params: { q: 'virtual assistant' } },
  { type: 'text', params: { q: 'payroll restaurants' } },
  { type: 'facets', params: { function: 'bookkeeping', industry: 'real-estate' } },
  { type: 'facets', params: { function: 'customer-service' } },
  { type: 'facets', params: { industry: 'e-commerce', kind: 'firm' } },
  { type: 'facets', params: { language: 'es', tz: 'americas' } },
  { type: 'text+2 facets', params: { q: 'payroll', function: 'payroll', industry: 'healthcare' } },
  { type: 'text+2 facets', params: { q: 'shopify orders', function: 'order-processing', language: 'es' } },
  { type: 'text+2 facets', params: { q: 'reconcile', function: 'bookkeeping', industry: 'construction' } },
  {
    type: 'text+2 facets',
    params: { q: 'inbox calendar', function: 'virtual-assistance', tz: 'asia_pacific' },
  },
  { type: 'typo', params: { q: 'bookeeping' } },
  { type: 'typo', params: { q: 'custmer servce' } },
  { type: 'typo', params: { q: 'virtaul asistant' } },
  { type: 'typo', params: { q: 'payrol' } },
];
export const TYPES: QueryType[] = ['text', 'facets', 'text+2 facets', 'typo'];

/**
 * The owner-language queries judged by `pnpm bench relevance` (relevance-queries.tsv), as an owner
 * types them: through the api they are read into functions and industries first.
 */
export function ownerQueries(): Params[] {
  const file = fileURLToPath(new URL('./relevance-queries.tsv', import.meta.url));
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '' && !line.startsWith('#'))
    .map((line) => ({ q: line.split('\t')[0]!.trim() }));
}

export const path = (p: Params) => `/search/providers?${new URLSearchParams(p as Record<string, string>)}`;

export function adapterQuery(p: Params): ProviderSearchQuery {
  return {
    page: 1,
    perPage: 20,
    ...(p.q ? { q: p.q } : {}),
    ...(p.function ? { functions: [p.function] } : {}),
    ...(p.industry ? { industries: [p.industry] } : {}),
    ...(p.kind ? { kinds: [p.kind as 'firm'] } : {}),
    ...(p.language ? { languages: [p.language] } : {}),
    ...(p.tz ? { timezoneBands: [p.tz as 'americas'] } : {}),
  };
}

/** Nearest-rank percentile of latencies in ms. */
export function pct(values: number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

export interface Measured {
  latencies: number[];
  rps: number;
  errors: number;
}

/** Sequential in-process calls, `rounds` times through the queries; every call timed. */
export async function timeCalls(
  run: (q: ProviderSearchQuery) => Promise<unknown>,
  queries: Params[],
  rounds: number,
) {
  const latencies: number[] = [];
  const started = performance.now();
  for (let r = 0; r < rounds; r += 1) {
    for (const q of queries) {
      const t = performance.now();
      await run(adapterQuery(q));
      latencies.push(performance.now() - t);
    }
  }
  return { latencies, rps: latencies.length / ((performance.now() - started) / 1000), errors: 0 };
}

/** autocannon against the api, cycling through the queries; each response's latency recorded. */
export async function hammer(
  base: string,
  queries: Params[],
  connections: number,
  seconds: number,
): Promise<Measured> {
  const latencies: number[] = [];
  return new Promise<Measured>((resolve, reject) => {
    const instance = autocannon(
      {
        url: base,
        connections,
        duration: seconds,
        requests: queries.map((q) => ({ method: 'GET' as const, path: path(q) })),
      },
      (error, result) => {
        if (error) return reject(error);
        resolve({
          latencies,
          rps: result.requests.total / seconds,
          errors: result.non2xx + result.errors + result.timeouts,
        });
      },
    );
    instance.on('response', (_client, _status, _bytes, responseTime) => latencies.push(responseTime));
  });
}
