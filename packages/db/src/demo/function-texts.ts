// Per business function: how it is priced against bookkeeping, which functions a provider tends to
// offer with it, the tools its providers name, headline templates ({industry}, {tool}), a fixed-price
// project, and duties providers add beyond the template.

export interface FunctionText {
  /** The word a firm specialised in it puts in its name. */
  firm: string;
  rate: number;
  related: string[];
  tools: string[];
  headlines: string[];
  project: string;
  custom: string[];
  /** Suits a virtual assistant more than a specialist. */
  va?: boolean;
}

export const FUNCTION_TEXTS: Record<string, FunctionText> = {
  bookkeeping: {
    firm: 'Books',
    rate: 1,
    related: ['accounting', 'payroll', 'supplier-bill-reconciliation'],
    tools: ['QuickBooks Online', 'Xero', 'FreshBooks', 'Wave'],
    headlines: [
      'Bookkeeping for {industry} businesses: books closed by the 10th',
      '{tool} bookkeeper for {industry}, reconciled monthly and tax-ready',
      'Catch-up and monthly bookkeeping for {industry}',
    ],
    project: 'Catch-up bookkeeping (up to 12 months)',
    custom: [
      'Reconcile Stripe and PayPal payouts',
      'Track job costs per project',
      'Maintain the fixed-asset register',
    ],
  },
  accounting: {
    firm: 'Accounting',
    rate: 1.5,
    related: ['bookkeeping', 'payroll', 'hr-compliance'],
    tools: ['QuickBooks Online', 'Xero', 'Sage Intacct', 'NetSuite'],
    headlines: [
      'Accounting and tax filings for {industry} owners',
      'Quarterly statements and cash-flow forecasts for {industry}',
      'Fractional controller for {industry} companies on {tool}',
    ],
    project: 'Annual business tax return',
    custom: [
      'Prepare lender and investor reporting packs',
      'Review pricing and gross margin by product line',
    ],
  },
  payroll: {
    firm: 'Payroll',
    rate: 1.05,
    related: ['bookkeeping', 'hr-compliance', 'accounting'],
    tools: ['Gusto', 'ADP', 'Paychex', 'Deel'],
    headlines: [
      'Payroll that runs on time for {industry} teams',
      'Multi-state payroll and payroll-tax filings for {industry}',
      '{tool} payroll administration for {industry}',
    ],
    project: 'Payroll setup and migration',
    custom: ['Calculate tipped-wage and overtime pay', 'Manage contractor payments abroad'],
  },
  'customer-service': {
    firm: 'Support',
    rate: 0.75,
    related: ['order-processing', 'virtual-assistance', 'sales-support'],
    tools: ['Zendesk', 'Freshdesk', 'Gorgias', 'Help Scout', 'Intercom'],
    headlines: [
      'Customer service for {industry}: replies within the hour',
      'Phone, chat and e-mail support for {industry} businesses',
      '{tool} support desk for {industry}, evenings and weekends covered',
    ],
    project: 'Help-desk setup with saved replies',
    custom: ['Book appointments in your calendar', 'Handle review-site responses', 'Process warranty claims'],
    va: true,
  },
  'virtual-assistance': {
    firm: 'Virtual Assistants',
    rate: 0.7,
    related: ['administration', 'customer-service', 'lead-generation'],
    tools: ['Google Workspace', 'Microsoft 365', 'Notion', 'Asana', 'Calendly'],
    headlines: [
      'Virtual assistant for busy {industry} owners',
      'Inbox, calendar and travel handled: {industry} specialist',
      'Executive assistant for {industry} founders',
    ],
    project: 'Inbox clean-up and filing system',
    custom: ['Prepare weekly priorities brief', 'Manage personal errands and bookings'],
    va: true,
  },
  'web-maintenance': {
    firm: 'Web Care',
    rate: 1.2,
    related: ['marketing', 'lead-generation'],
    tools: ['WordPress', 'Shopify', 'Webflow', 'Squarespace'],
    headlines: [
      'Website upkeep for {industry}: updates, backups, uptime',
      '{tool} maintenance and small fixes for {industry}',
      'Keep your {industry} website fast, secure and current',
    ],
    project: 'Site health audit and fixes',
    custom: ['Fix accessibility issues found by audits', 'Maintain product feed for Google Shopping'],
  },
  marketing: {
    firm: 'Marketing',
    rate: 1.2,
    related: ['lead-generation', 'web-maintenance', 'sales-support'],
    tools: ['Mailchimp', 'HubSpot', 'Klaviyo', 'Google Ads', 'Semrush', 'Canva'],
    headlines: [
      'Marketing for {industry}: SEO, e-mail and social that brings leads',
      'E-mail and content marketing for {industry} brands on {tool}',
      'Local SEO and reviews for {industry} businesses',
    ],
    project: 'SEO audit and 90-day plan',
    custom: ['Run monthly e-mail newsletter', 'Manage Google Business Profile'],
  },
  'sales-support': {
    firm: 'Sales Ops',
    rate: 0.9,
    related: ['lead-generation', 'customer-service', 'administration'],
    tools: ['HubSpot', 'Salesforce', 'Pipedrive', 'Zoho CRM'],
    headlines: [
      'Sales support for {industry}: CRM hygiene, quotes and follow-ups',
      'Appointment setting and quoting for {industry} teams',
    ],
    project: 'CRM clean-up and pipeline setup',
    custom: ['Prepare quotes from price lists', 'Chase signed proposals'],
    va: true,
  },
  legal: {
    firm: 'Legal Support',
    rate: 1.6,
    related: ['administration', 'hr-compliance'],
    tools: ['Clio', 'MyCase', 'PracticePanther', 'DocuSign'],
    headlines: [
      'Paralegal support for {industry}: contracts, filings, deadlines',
      'Contract review and compliance calendars for {industry}',
    ],
    project: 'Standard contract template pack',
    custom: ['Track trademark renewals', 'Prepare client intake packets'],
  },
  administration: {
    firm: 'Office Services',
    rate: 0.75,
    related: ['virtual-assistance', 'customer-service', 'order-processing'],
    tools: ['Google Workspace', 'Microsoft 365', 'Dropbox', 'DocuSign'],
    headlines: [
      'Office administration for {industry}: documents, vendors, filing',
      'Back-office admin for {industry} teams',
    ],
    project: 'Digital filing system set-up',
    custom: ['Renew licences and permits on time', 'Order office supplies'],
    va: true,
  },
  'order-processing': {
    firm: 'Order Desk',
    rate: 0.75,
    related: ['customer-service', 'inventory-management', 'supplier-bill-reconciliation'],
    tools: ['Shopify', 'ShipStation', 'NetSuite', 'Amazon Seller Central'],
    headlines: [
      'Order processing for {industry}: entered same day, zero errors',
      '{tool} order desk for {industry}',
    ],
    project: 'Order workflow setup',
    custom: ['Create supplier purchase orders for drop-ship items', 'Send proofs and track approvals'],
    va: true,
  },
  'inventory-management': {
    firm: 'Inventory',
    rate: 0.85,
    related: ['order-processing', 'supplier-bill-reconciliation'],
    tools: ['Cin7', 'inFlow', 'NetSuite', 'Zoho Inventory'],
    headlines: [
      'Inventory control for {industry}: counts, reorders, fewer stockouts',
      '{tool} inventory management for {industry}',
    ],
    project: 'Full stock count and reorder points',
    custom: ['Manage consignment stock', 'Reconcile marketplace inventory'],
  },
  'supplier-bill-reconciliation': {
    firm: 'Payables',
    rate: 0.9,
    related: ['bookkeeping', 'order-processing', 'inventory-management'],
    tools: ['Bill.com', 'Dext', 'QuickBooks Online', 'Xero'],
    headlines: [
      'Supplier bills matched and reconciled for {industry}',
      'Accounts payable for {industry}: every bill checked before it is paid',
    ],
    project: 'Supplier statement reconciliation backlog',
    custom: ['Claim supplier credits and rebates', 'Match freight invoices to shipments'],
  },
  'hr-compliance': {
    firm: 'HR',
    rate: 1.3,
    related: ['payroll', 'legal', 'administration'],
    tools: ['BambooHR', 'Gusto', 'Rippling', 'Deel'],
    headlines: [
      'HR compliance for {industry}: onboarding, handbooks, filings',
      'People operations for growing {industry} teams',
    ],
    project: 'Employee handbook',
    custom: ['Run annual harassment-prevention training', 'Track visa and work-permit expiry'],
  },
  'lead-generation': {
    firm: 'Leads',
    rate: 1,
    related: ['marketing', 'sales-support'],
    tools: ['Apollo', 'LinkedIn Sales Navigator', 'Clay', 'Hunter'],
    headlines: [
      'Lead generation for {industry}: qualified prospects every week',
      'Outbound prospecting for {industry} with {tool}',
    ],
    project: '500 verified leads list',
    custom: ['Research event attendee lists', 'Write personalised first lines'],
  },
};

/** Company words for reference customers, by industry slug. */
export const INDUSTRY_NOUNS: Record<string, string> = {
  'real-estate': 'Realty',
  'promotional-products': 'Promo',
  consulting: 'Advisory',
  'e-commerce': 'Goods',
  healthcare: 'Clinic',
  'legal-services': 'Law',
  construction: 'Builders',
  hospitality: 'Hotels',
  retail: 'Outfitters',
  manufacturing: 'Fabrication',
  'wholesale-distribution': 'Supply',
  'professional-services': 'Group',
  nonprofit: 'Foundation',
  education: 'Academy',
  automotive: 'Motors',
  insurance: 'Insurance',
  'marketing-agencies': 'Creative',
  'software-saas': 'Labs',
  'restaurants-food-service': 'Kitchen',
  'beauty-wellness': 'Spa',
  'home-services': 'Home Services',
  'accounting-firms': 'CPAs',
  'transportation-logistics': 'Logistics',
};

export const FIRM_WORDS = [
  'Harbor',
  'Northwind',
  'Bluebird',
  'Summit',
  'Cedar',
  'Lighthouse',
  'Keystone',
  'Evergreen',
  'Brightline',
  'Copperleaf',
  'Meridian',
  'Fieldstone',
  'Tidewater',
  'Redwood',
  'Silverline',
  'Oakmont',
  'Pinecrest',
  'Clearwater',
  'Ironbridge',
  'Sunrise',
  'Granite',
  'Juniper',
  'Beacon',
  'Maple',
];
export const FIRM_NOUNS = [
  'Partners',
  'Back Office',
  'Collective',
  'Works',
  'Desk',
  'Group',
  'Associates',
  'Co.',
];
