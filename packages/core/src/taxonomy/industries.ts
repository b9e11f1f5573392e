import type { Industry } from '@handoff/contracts';

/**
 * Industries providers specialise in and owners post jobs for.
 * Changing anything here means bumping TAXONOMY_VERSION in ./index.ts.
 */
export const industries: readonly Industry[] = [
  {
    slug: 'real-estate',
    name: 'Real estate',
    summary: 'Brokerages, agents and property managers handling listings, showings, leases and closings.',
  },
  {
    slug: 'promotional-products',
    name: 'Promotional products',
    summary:
      'Distributors and decorators selling branded merchandise, with proofs, supplier orders and tight event dates.',
  },
  {
    slug: 'consulting',
    name: 'Consulting',
    summary: 'Independent consultants and small firms billing clients by the hour, day or project.',
  },
  {
    slug: 'e-commerce',
    name: 'E-commerce',
    summary: 'Online stores selling on their own site and marketplaces like Amazon, Etsy or eBay.',
  },
  {
    slug: 'healthcare',
    name: 'Healthcare',
    summary:
      'Clinics, practices and therapists who handle patient scheduling, insurance billing and privacy rules.',
  },
  {
    slug: 'legal-services',
    name: 'Legal services',
    summary: 'Law firms and solo attorneys managing client intake, trust accounting and court deadlines.',
  },
  {
    slug: 'construction',
    name: 'Construction',
    summary:
      'Contractors and trades working on bids, job costing, subcontractors, permits and progress billing.',
  },
  {
    slug: 'hospitality',
    name: 'Hospitality',
    summary:
      'Hotels, inns, vacation rentals and event venues dealing with bookings, guests and seasonal staff.',
  },
  {
    slug: 'retail',
    name: 'Retail',
    summary: 'Brick-and-mortar shops managing point-of-sale, stock, staff schedules and local promotion.',
  },
  {
    slug: 'manufacturing',
    name: 'Manufacturing',
    summary:
      'Small manufacturers tracking raw materials, production runs, costs and customer purchase orders.',
  },
  {
    slug: 'wholesale-distribution',
    name: 'Wholesale & distribution',
    summary: 'Businesses buying in bulk and reselling to retailers or trade customers on credit terms.',
  },
  {
    slug: 'professional-services',
    name: 'Professional services',
    summary:
      'Architects, engineers, designers and other advisers who sell expertise and track billable time.',
  },
  {
    slug: 'nonprofit',
    name: 'Nonprofit',
    summary: 'Charities and associations managing donors, grants, volunteers and restricted-fund reporting.',
  },
  {
    slug: 'education',
    name: 'Education & training',
    summary:
      'Tutoring centers, private schools and course creators handling enrolment, scheduling and tuition.',
  },
  {
    slug: 'automotive',
    name: 'Automotive',
    summary: 'Repair shops, dealers and detailers handling appointments, parts ordering and warranty claims.',
  },
  {
    slug: 'insurance',
    name: 'Insurance',
    summary: 'Independent agencies and brokers managing quotes, renewals, commissions and carrier paperwork.',
  },
  {
    slug: 'marketing-agencies',
    name: 'Marketing agencies',
    summary: 'Agencies and studios juggling client retainers, campaign deliverables and freelancer teams.',
  },
  {
    slug: 'software-saas',
    name: 'Software & SaaS',
    summary:
      'Software companies selling subscriptions, with recurring billing, customer support and churn to watch.',
  },
  {
    slug: 'restaurants-food-service',
    name: 'Restaurants & food service',
    summary: 'Restaurants, cafés and caterers managing food costs, shift staff, suppliers and online orders.',
  },
  {
    slug: 'beauty-wellness',
    name: 'Beauty & wellness',
    summary: 'Salons, spas, gyms and studios running on appointments, memberships and retail add-ons.',
  },
  {
    slug: 'home-services',
    name: 'Home services',
    summary:
      'Plumbers, electricians, cleaners and landscapers booking jobs, dispatching crews and invoicing on site.',
  },
  {
    slug: 'accounting-firms',
    name: 'Accounting & bookkeeping firms',
    summary:
      'Small practices that need extra hands in tax season and help with client onboarding and document chasing.',
  },
  {
    slug: 'transportation-logistics',
    name: 'Transportation & logistics',
    summary:
      'Trucking, courier and freight businesses handling dispatch, driver paperwork, fuel costs and compliance.',
  },
];
