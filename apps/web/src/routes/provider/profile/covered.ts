import type { BusinessFunction } from '@handoff/contracts';
import { readEditorForm, type FunctionValues } from './editor-form.ts';

/** A function the profile serves, with every duty it covers: the ones a package or reference can name. */
export interface CoveredFunction {
  slug: string;
  name: string;
  duties: string[];
}

/** In the taxonomy's order, template duties first (in the template's order), then the provider's own. */
export function coveredFunctions(chosen: FunctionValues[], taxonomy: BusinessFunction[]): CoveredFunction[] {
  const bySlug = new Map(chosen.map((f) => [f.slug, f]));
  return taxonomy.flatMap((fn) => {
    const picked = bySlug.get(fn.slug);
    if (!picked) return [];
    const template = fn.duties.filter((d) => picked.duties.includes(d));
    return [{ slug: fn.slug, name: fn.name, duties: [...new Set([...template, ...picked.customDuties])] }];
  });
}

/** The same, read from the form as it is being filled in (with JavaScript). */
export const coveredInForm = (form: HTMLFormElement, taxonomy: BusinessFunction[]): CoveredFunction[] =>
  coveredFunctions(readEditorForm(new FormData(form)).functions, taxonomy);
