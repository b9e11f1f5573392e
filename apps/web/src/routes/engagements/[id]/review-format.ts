import type { BenchmarkResult, ReviewCadence, ReviewDecision } from '@handoff/contracts';

export const RESULT_LABELS: Record<BenchmarkResult, string> = {
  met: 'Met',
  partly: 'Partly',
  missed: 'Missed',
};

export const DECISION_LABELS: Record<ReviewDecision, string> = {
  keep: 'Keep',
  improve: 'Improve',
  replace: 'Replace',
};

export const CADENCE_LABELS: Record<ReviewCadence, string> = {
  standard: 'Quarterly for a year, then yearly',
  quarterly: 'Every 3 months',
  'half-yearly': 'Every 6 months',
  yearly: 'Every year',
};
