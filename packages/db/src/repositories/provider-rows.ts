import type { ProviderWrite } from '@handoff/core/providers';
import {
  providerPackages,
  providerReferences,
  type providerFunctions,
  type providerIndustries,
} from '../schema/index.ts';

/** A package as a profile and an account export read it (the profile adds its id). */
export const packageColumns = {
  providerId: providerPackages.providerId,
  name: providerPackages.name,
  description: providerPackages.description,
  price: providerPackages.price,
  billing: providerPackages.billing,
  duties: providerPackages.duties,
};

/** A reference customer as a profile and an account export read it (the profile adds its id). */
export const referenceColumns = {
  providerId: providerReferences.providerId,
  name: providerReferences.name,
  email: providerReferences.email,
  company: providerReferences.company,
  role: providerReferences.role,
  periodFrom: providerReferences.periodFrom,
  periodTo: providerReferences.periodTo,
  functionSlug: providerReferences.functionSlug,
  duties: providerReferences.duties,
};

export interface ProviderChildRows {
  functions: (typeof providerFunctions.$inferInsert)[];
  industries: (typeof providerIndustries.$inferInsert)[];
  packages: (typeof providerPackages.$inferInsert)[];
  references: (typeof providerReferences.$inferInsert)[];
}

/** The child rows of one profile, positions kept; the repository and the bulk seeder both insert these. */
export function providerChildRows(providerId: string, w: ProviderWrite): ProviderChildRows {
  return {
    functions: w.functions.map((f, position) => ({
      providerId,
      functionSlug: f.slug,
      position,
      duties: f.duties,
      customDuties: f.customDuties,
    })),
    industries: w.industries.map((industrySlug, position) => ({ providerId, industrySlug, position })),
    packages: w.packages.map((pkg, position) => ({
      providerId,
      position,
      name: pkg.name,
      description: pkg.description,
      price: pkg.price,
      billing: pkg.billing,
      duties: pkg.duties,
    })),
    references: w.references.map((r, position) => ({
      providerId,
      position,
      name: r.name,
      email: r.email,
      company: r.company,
      role: r.role,
      periodFrom: `${r.period.from}-01`,
      periodTo: r.period.to ? `${r.period.to}-01` : null,
      functionSlug: r.function,
      duties: r.duties,
    })),
  };
}
