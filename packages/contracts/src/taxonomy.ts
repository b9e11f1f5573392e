import { z } from 'zod';

export const benchmarkTemplate = z.object({
  objective: z.string(),
  target: z.string(),
  /** When it is measured, e.g. "monthly", "within 30 days". */
  due: z.string(),
});

export const businessFunction = z.object({
  slug: z.string(),
  name: z.string(),
  summary: z.string(),
  duties: z.array(z.string()),
  benchmarks: z.array(benchmarkTemplate),
});
export type BusinessFunction = z.infer<typeof businessFunction>;

export const industry = z.object({
  slug: z.string(),
  name: z.string(),
  summary: z.string(),
});
export type Industry = z.infer<typeof industry>;

export const functionsResponse = z.object({ functions: z.array(businessFunction) });
export const industriesResponse = z.object({ industries: z.array(industry) });
