import type { ProviderWrite } from '@handoff/core/providers';
import type {
  providerFunctions,
  providerIndustries,
  providerPackages,
  providerReferences,
} from '../schema/index.ts';

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
