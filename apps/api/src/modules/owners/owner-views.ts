import type { OwnerProfileView, OwnerTaskView, SavedProviderRecord, Worksheet } from '@handoff/core/owners';
import { findFunction } from '@handoff/core/taxonomy';

// Records → response bodies. The response schemas are the allow-lists; these only shape and name.

export const functionRef = (slug: string) => ({ slug, name: findFunction(slug)?.name ?? slug });

export const profileBody = (p: OwnerProfileView | null) => ({
  profile: p
    ? {
        targetIncome: p.targetIncome,
        hoursPerDay: p.hoursPerDay,
        daysPerWeek: p.daysPerWeek,
        weeksPerYear: p.weeksPerYear,
        currency: p.currency,
        hourValue: p.hourValue,
        productiveHoursPerYear: p.productiveHoursPerYear,
        updatedAt: p.updatedAt.toISOString(),
      }
    : null,
});

export const taskBody = (t: OwnerTaskView) => ({
  id: t.id,
  feeling: t.feeling,
  name: t.name,
  hoursPerWeek: t.hoursPerWeek,
  functionSlug: t.functionSlug,
  functionName: t.functionSlug ? (findFunction(t.functionSlug)?.name ?? t.functionSlug) : null,
  functionSource: t.functionSource,
  position: t.position,
  jobPostId: t.jobPostId,
  handoff: t.handoff,
  createdAt: t.createdAt.toISOString(),
  updatedAt: t.updatedAt.toISOString(),
});

export const worksheetBody = (w: Worksheet) => ({
  hourValue: w.hourValue,
  currency: w.currency,
  love: w.love.map(taskBody),
  hate: w.hate.map(taskBody),
  hoursPerWeek: w.hoursPerWeek,
});

export const savedProviderBody = (p: SavedProviderRecord) => ({
  providerId: p.providerId,
  slug: p.slug,
  name: p.name,
  kind: p.kind,
  headline: p.headline,
  functions: p.functions.map(functionRef),
  note: p.note,
  savedAt: p.savedAt.toISOString(),
});
