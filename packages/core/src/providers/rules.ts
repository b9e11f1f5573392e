import {
  BIO_MIN,
  HEADLINE_MIN,
  missingForPublish as missingForPublishShared,
  type MissingField,
  type ProviderCompleteness,
  type ProviderInputParsed,
} from '@handoff/contracts';
import { ValidationError } from '../errors.ts';
import { findFunction, findIndustry } from '../taxonomy/index.ts';

// Profile rules that need the taxonomy or the date; the shape of each field is checked by the
// contracts schema before this runs. Field keys use the request body's paths (functions.0.duties.2).

export { BIO_MIN, HEADLINE_MIN };
/** A user may own this many provider profiles (an agency rarely needs more; it limits spam). */
export const MAX_OWNED_PROFILES = 10;

const quoteDuty = (duty: string) => `“${duty.length > 60 ? `${duty.slice(0, 57)}…` : duty}”`;

/** Every duty the profile covers, per function slug: template duties picked plus its own. */
export function dutiesByFunction(functions: ProviderInputParsed['functions']): Map<string, Set<string>> {
  return new Map(functions.map((f) => [f.slug, new Set([...f.duties, ...f.customDuties])]));
}

/** Throws a ValidationError naming every field that breaks a rule. */
export function validateProfile(input: ProviderInputParsed, now: Date): void {
  const fields: Record<string, string> = {};
  const add = (key: string, message: string) => (fields[key] ??= message);

  input.functions.forEach((f, i) => {
    const fn = findFunction(f.slug);
    if (!fn) return add(`functions.${i}.slug`, `There is no business function “${f.slug}”`);
    const template = new Set(fn.duties);
    f.duties.forEach((duty, j) => {
      if (!template.has(duty)) {
        add(
          `functions.${i}.duties.${j}`,
          `${quoteDuty(duty)} is not one of the ${fn.name} duties; add it as one of your own duties instead`,
        );
      }
    });
  });
  input.industries.forEach((slug, i) => {
    if (!findIndustry(slug)) add(`industries.${i}`, `There is no industry “${slug}”`);
  });

  const covered = dutiesByFunction(input.functions);
  const everyDuty = new Set([...covered.values()].flatMap((s) => [...s]));
  input.packages.forEach((p, i) => {
    p.duties.forEach((duty, j) => {
      if (!everyDuty.has(duty)) {
        add(
          `packages.${i}.duties.${j}`,
          `${quoteDuty(duty)} is not among the duties your profile covers; add it to a function first`,
        );
      }
    });
  });

  const thisMonth = now.toISOString().slice(0, 7);
  input.references.forEach((r, i) => {
    const duties = covered.get(r.function);
    if (!duties) {
      add(`references.${i}.function`, 'Choose one of the functions on your profile');
    } else {
      r.duties.forEach((duty, j) => {
        if (!duties.has(duty)) {
          add(
            `references.${i}.duties.${j}`,
            `${quoteDuty(duty)} is not a duty you cover for ${findFunction(r.function)?.name ?? r.function}`,
          );
        }
      });
    }
    if (r.period.from > thisMonth)
      add(`references.${i}.period.from`, 'The start month cannot be in the future');
  });

  const keys = Object.keys(fields);
  if (keys.length > 0) {
    throw new ValidationError(
      keys.length === 1 ? fields[keys[0]!]! : `${keys.length} fields need fixing: ${fields[keys[0]!]}`,
      fields,
    );
  }
}

/** What a profile still needs before it can be published (or stay published); empty when complete. */
export function missingForPublish(p: ProviderCompleteness): MissingField[] {
  return missingForPublishShared(p, (slug) => findFunction(slug)?.name ?? slug);
}

/** A ValidationError listing what is missing, one field each. */
export function incompleteError(missing: MissingField[], lead: string): ValidationError {
  const fields = Object.fromEntries(missing.map((m) => [m.field, m.message]));
  const list = missing.map((m) => m.field).join(', ');
  return new ValidationError(`${lead}: ${list}`, fields);
}
