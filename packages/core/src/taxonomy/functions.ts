import type { BusinessFunction } from '@handoff/contracts';

/**
 * Business functions an owner can hand off. Each one prefills a job description template:
 * duties become the checklist, benchmarks become the (objective, target, due) rows reviews score against.
 * Changing anything here means bumping TAXONOMY_VERSION in ./index.ts.
 */
export const functions: readonly BusinessFunction[] = [
  {
    slug: 'bookkeeping',
    name: 'Bookkeeping',
    summary:
      'Someone records every sale, bill and bank transaction so your books are always current and tax-ready.',
    duties: [
      'Categorize bank and credit-card transactions in the accounting software',
      'Reconcile bank and credit-card accounts every month',
      'Enter vendor bills and match them to receipts',
      'Create and send customer invoices',
      'Follow up on overdue customer invoices',
      'Record owner draws, loans and capital contributions correctly',
      'Keep receipts and source documents attached to each transaction',
      'Prepare a monthly profit-and-loss statement and balance sheet',
      'Hand a clean year-end file to the tax accountant',
    ],
    benchmarks: [
      { objective: 'Books closed each month', target: 'By the 10th business day', due: 'Monthly' },
      {
        objective: 'Bank and card accounts reconciled to statements',
        target: '100% of accounts, zero unexplained differences',
        due: 'Monthly',
      },
      {
        objective: 'Uncategorized transactions in the ledger',
        target: 'Fewer than 5 older than 7 days',
        due: 'Weekly',
      },
      {
        objective: 'Invoices over 60 days past due',
        target: 'Under 10% of receivables',
        due: 'Monthly',
      },
    ],
  },
  {
    slug: 'accounting',
    name: 'Accounting',
    summary:
      'A qualified accountant turns your books into financial statements, tax filings and advice on where the money goes.',
    duties: [
      'Review the bookkeeper’s monthly close and post adjusting entries',
      'Prepare quarterly financial statements with a short variance commentary',
      'Calculate and file quarterly estimated tax payments',
      'Prepare and file sales-tax returns for every state or jurisdiction you collect in',
      'Prepare the annual business income-tax return',
      'Track fixed assets and book depreciation',
      'Build a 12-month cash-flow forecast and update it quarterly',
      'Issue 1099 forms to contractors by the January deadline',
      'Answer tax-authority notices and letters',
    ],
    benchmarks: [
      {
        objective: 'Quarterly financial statements delivered',
        target: 'Within 20 days of quarter end',
        due: 'Quarterly',
      },
      {
        objective: 'Tax returns and payments filed on time',
        target: '100%, zero late-filing penalties',
        due: 'Yearly',
      },
      {
        objective: 'Cash-flow forecast accuracy',
        target: 'Actual cash within 10% of forecast',
        due: 'Quarterly',
      },
      {
        objective: 'Tax notices answered',
        target: 'Within 10 business days of receipt',
        due: 'Per notice',
      },
    ],
  },
  {
    slug: 'payroll',
    name: 'Payroll',
    summary:
      'Your team gets paid correctly and on time, and every payroll tax and filing is handled for you.',
    duties: [
      'Collect hours and timesheets before each payroll cutoff',
      'Run payroll and approve direct deposits',
      'Withhold and remit federal, state and local payroll taxes',
      'File quarterly payroll tax returns',
      'Set up new hires with tax forms and direct-deposit details',
      'Process final paychecks for departing employees within legal deadlines',
      'Administer benefit and retirement-plan deductions',
      'Track paid time off balances',
      'Issue W-2 forms at year end',
    ],
    benchmarks: [
      {
        objective: 'Payroll run on schedule',
        target: '100% of pay dates, no late deposits',
        due: 'Each pay period',
      },
      {
        objective: 'Paycheck errors requiring correction',
        target: 'Fewer than 1 per 100 paychecks',
        due: 'Quarterly',
      },
      {
        objective: 'Payroll tax deposits and filings',
        target: 'On time, zero penalties',
        due: 'Quarterly',
      },
      {
        objective: 'New hire ready for first payroll',
        target: 'All forms complete 3 business days before first pay date',
        due: 'Per hire',
      },
    ],
  },
  {
    slug: 'customer-service',
    name: 'Customer service',
    summary:
      'Trained people answer your customers’ emails, chats and calls in your voice, and solve problems before they escalate.',
    duties: [
      'Answer customer emails and chat messages in the shared inbox',
      'Answer and return phone calls during agreed hours',
      'Process returns, exchanges and refunds under your policy',
      'Look up order status and give customers tracking information',
      'Escalate complaints and out-of-policy requests to the owner with a summary',
      'Log every conversation and its outcome in the help desk',
      'Keep the FAQ and canned replies up to date',
      'Reply to product questions and reviews on marketplaces and social media',
    ],
    benchmarks: [
      { objective: 'First-response time', target: 'Under 4 business hours', due: 'Weekly' },
      { objective: 'Tickets resolved in first reply', target: 'At least 70%', due: 'Monthly' },
      { objective: 'Customer satisfaction (CSAT) score', target: '4.5 out of 5 or higher', due: 'Monthly' },
      { objective: 'Open tickets older than 48 hours', target: 'Zero', due: 'Weekly' },
    ],
  },
  {
    slug: 'virtual-assistance',
    name: 'Virtual assistance',
    summary: 'A remote assistant takes your inbox, calendar, travel and errands off your plate.',
    duties: [
      'Triage the owner’s inbox: file, answer routine mail, flag what needs a decision',
      'Schedule meetings and resolve calendar conflicts',
      'Book travel and build itineraries with confirmations',
      'Prepare meeting agendas and circulate notes with action items',
      'Research vendors, venues or products and present a short comparison',
      'Keep contact lists and the CRM up to date',
      'Submit expense reports with receipts attached',
      'Send reminders for renewals, licenses and deadlines',
    ],
    benchmarks: [
      { objective: 'Inbox at zero unsorted messages', target: 'By end of each business day', due: 'Daily' },
      {
        objective: 'Routine requests completed',
        target: 'Within 1 business day',
        due: 'Weekly',
      },
      {
        objective: 'Scheduling errors (double bookings, wrong time zone)',
        target: 'Zero',
        due: 'Monthly',
      },
      {
        objective: 'Owner hours saved',
        target: 'At least 8 hours a week',
        due: 'Monthly',
      },
    ],
  },
  {
    slug: 'web-maintenance',
    name: 'Web maintenance',
    summary: 'Your website stays online, secure, fast and up to date without you touching it.',
    duties: [
      'Apply CMS, theme and plugin updates after testing on staging',
      'Run daily backups and test a restore each quarter',
      'Monitor uptime and respond to outage alerts',
      'Renew the domain and SSL certificate before they expire',
      'Publish content changes, product updates and new pages on request',
      'Fix broken links and 404 errors',
      'Check page speed and fix regressions',
      'Scan for malware and remove any infection',
      'Test contact forms and checkout after every change',
    ],
    benchmarks: [
      { objective: 'Site uptime', target: '99.9% or higher', due: 'Monthly' },
      {
        objective: 'Content change requests completed',
        target: 'Within 2 business days',
        due: 'Monthly',
      },
      { objective: 'Security updates applied', target: 'Within 7 days of release', due: 'Monthly' },
      {
        objective: 'Mobile page load time (Largest Contentful Paint)',
        target: 'Under 2.5 seconds',
        due: 'Quarterly',
      },
      { objective: 'Backup restore test', target: 'Successful restore completed', due: 'Quarterly' },
    ],
  },
  {
    slug: 'marketing',
    name: 'Marketing',
    summary:
      'Someone plans and runs your email, social media and ads so the right customers keep hearing from you.',
    duties: [
      'Write a monthly content calendar and get it approved',
      'Write and send the email newsletter',
      'Create and schedule social media posts',
      'Run and optimize paid search and social ad campaigns within budget',
      'Keep the Google Business Profile current and reply to reviews',
      'Write blog posts and product pages optimized for search',
      'Build landing pages for promotions',
      'Report monthly on traffic, leads and cost per lead',
    ],
    benchmarks: [
      { objective: 'Newsletter sent', target: 'Every other week, on the scheduled day', due: 'Monthly' },
      { objective: 'Email open rate', target: 'At least 30%', due: 'Monthly' },
      { objective: 'Cost per lead from paid ads', target: 'At or below the agreed target', due: 'Monthly' },
      { objective: 'Ad spend versus budget', target: 'Within 5% of budget', due: 'Monthly' },
      {
        objective: 'Marketing report delivered',
        target: 'By the 5th business day of the month',
        due: 'Monthly',
      },
    ],
  },
  {
    slug: 'sales-support',
    name: 'Sales support & appointment setting',
    summary:
      'Someone books qualified meetings on your calendar and handles the paperwork so you spend your time closing.',
    duties: [
      'Call and email inbound leads the same day they arrive',
      'Qualify prospects against your agreed criteria before booking',
      'Book sales appointments on the owner’s calendar with a briefing note',
      'Send confirmations and reminders to reduce no-shows',
      'Prepare quotes and proposals from the price list',
      'Update deal stages and notes in the CRM after every contact',
      'Follow up on open quotes on a fixed cadence',
      'Re-engage lapsed customers with a check-in call',
    ],
    benchmarks: [
      { objective: 'Speed to lead', target: 'First contact within 1 business hour', due: 'Weekly' },
      { objective: 'Qualified appointments booked', target: 'Agreed number per week', due: 'Weekly' },
      { objective: 'Appointment show rate', target: 'At least 80%', due: 'Monthly' },
      { objective: 'CRM records updated', target: 'Same day as the contact', due: 'Weekly' },
    ],
  },
  {
    slug: 'legal',
    name: 'Legal',
    summary:
      'A lawyer or paralegal drafts and reviews your contracts and keeps your company’s legal paperwork in order.',
    duties: [
      'Review customer and supplier contracts and mark up risky terms',
      'Draft standard agreements: NDA, services agreement, terms of sale',
      'Keep company formation records, minutes and filings current',
      'File annual reports and registered-agent renewals',
      'Register and watch trademarks',
      'Send demand letters for unpaid invoices',
      'Review website terms, privacy policy and cookie notice',
      'Flag upcoming contract renewals and termination deadlines',
    ],
    benchmarks: [
      {
        objective: 'Contract review turnaround',
        target: 'Within 3 business days',
        due: 'Per contract',
      },
      {
        objective: 'Annual state filings',
        target: 'Filed before the due date, zero late fees',
        due: 'Yearly',
      },
      {
        objective: 'Contract renewal deadlines missed',
        target: 'Zero',
        due: 'Quarterly',
      },
      {
        objective: 'Legal spend versus quote',
        target: 'Within 10% of the agreed estimate',
        due: 'Quarterly',
      },
    ],
  },
  {
    slug: 'administration',
    name: 'Administration',
    summary:
      'Someone handles the office paperwork, filing, supplies and vendor errands that keep the business running.',
    duties: [
      'Sort incoming mail and scan it into the shared drive',
      'Maintain a consistent folder structure for company documents',
      'Order office supplies and equipment within budget',
      'Manage vendor and utility accounts and track renewals',
      'Keep business licenses, permits and insurance certificates current',
      'Prepare documents, letters and forms for signature',
      'Enter data from paper forms into company systems',
      'Coordinate repairs, cleaning and building access',
    ],
    benchmarks: [
      { objective: 'Incoming mail scanned and filed', target: 'Within 1 business day', due: 'Weekly' },
      { objective: 'Licenses and certificates expired', target: 'Zero', due: 'Quarterly' },
      { objective: 'Data entry accuracy', target: '99.5% on a monthly spot-check sample', due: 'Monthly' },
    ],
  },
  {
    slug: 'order-processing',
    name: 'Order processing',
    summary:
      'Every order is entered, confirmed, shipped and invoiced correctly, from purchase order to delivery.',
    duties: [
      'Enter customer orders and purchase orders into the order system',
      'Check pricing, quantities and ship dates against the quote',
      'Send order confirmations to customers',
      'Release orders to the warehouse or supplier for fulfilment',
      'Create shipping labels and upload tracking numbers',
      'Handle order changes, cancellations and backorders',
      'Invoice orders as soon as they ship',
      'Chase proofs and approvals for custom or decorated orders',
    ],
    benchmarks: [
      { objective: 'Order entry time', target: 'Same business day if received by 2 pm', due: 'Weekly' },
      { objective: 'Order accuracy', target: '99.5% of orders shipped without error', due: 'Monthly' },
      { objective: 'On-time shipment', target: '95% shipped by the promised date', due: 'Monthly' },
      { objective: 'Shipped orders invoiced', target: 'Within 1 business day of shipping', due: 'Weekly' },
    ],
  },
  {
    slug: 'inventory-management',
    name: 'Inventory management',
    summary:
      'Someone tracks what you have, what is selling and what to reorder, so you never oversell or overstock.',
    duties: [
      'Record stock received against purchase orders',
      'Run weekly cycle counts and correct variances',
      'Set and review reorder points for every SKU',
      'Draft purchase orders when stock falls below reorder points',
      'Sync stock levels across the online store and marketplaces',
      'Flag slow-moving and aged stock with a clearance suggestion',
      'Record damaged, returned and written-off items',
      'Report inventory value and turnover monthly',
    ],
    benchmarks: [
      {
        objective: 'Inventory record accuracy',
        target: '98% of counted SKUs match the system',
        due: 'Monthly',
      },
      { objective: 'Stockouts on top-selling SKUs', target: 'Zero days out of stock', due: 'Monthly' },
      { objective: 'Inventory turnover', target: 'At or above the agreed yearly turns', due: 'Quarterly' },
      {
        objective: 'Received stock entered into the system',
        target: 'Within 1 business day of delivery',
        due: 'Weekly',
      },
    ],
  },
  {
    slug: 'supplier-bill-reconciliation',
    name: 'Supplier bill reconciliation',
    summary:
      'Someone checks every supplier bill against what you ordered and received, so you pay only what you owe.',
    duties: [
      'Match supplier invoices to purchase orders and receiving records',
      'Flag price, quantity and freight discrepancies to the supplier',
      'Request and track credit memos until they are applied',
      'Reconcile supplier statements against the payables ledger',
      'Schedule approved bills to pay on their due dates',
      'Capture early-payment discounts where cash allows',
      'Keep a discrepancy log by supplier',
      'Prepare the weekly payment run for owner approval',
    ],
    benchmarks: [
      {
        objective: 'Bills matched to purchase order and receipt before payment',
        target: '100% of bills over $250',
        due: 'Monthly',
      },
      { objective: 'Supplier statements reconciled', target: 'Every active supplier', due: 'Monthly' },
      { objective: 'Late-payment fees incurred', target: 'Zero', due: 'Monthly' },
      {
        objective: 'Disputed amounts resolved',
        target: 'Within 30 days of being raised',
        due: 'Quarterly',
      },
    ],
  },
  {
    slug: 'hr-compliance',
    name: 'HR & compliance',
    summary:
      'Someone handles hiring paperwork, employee policies and the labor-law requirements that keep you out of trouble.',
    duties: [
      'Write job postings and screen applicants against the role requirements',
      'Complete onboarding paperwork, including employment eligibility verification',
      'Maintain the employee handbook and collect signed acknowledgements',
      'Keep personnel files complete and confidential',
      'Track required trainings, certifications and their expiry dates',
      'Post required labor-law notices and keep them current',
      'Document performance reviews and disciplinary steps',
      'Run offboarding: exit checklist, account removal, final documents',
      'Renew workers’ compensation coverage and file required reports',
    ],
    benchmarks: [
      {
        objective: 'Eligibility verification for new hires',
        target: 'Completed within 3 days of start date',
        due: 'Per hire',
      },
      { objective: 'Personnel files complete on audit', target: '100% of employees', due: 'Yearly' },
      { objective: 'Required trainings current', target: '100% of employees', due: 'Quarterly' },
      {
        objective: 'Open roles with shortlist delivered',
        target: 'Within 10 business days',
        due: 'Per role',
      },
    ],
  },
  {
    slug: 'lead-generation',
    name: 'Lead generation',
    summary:
      'Someone finds and contacts businesses that fit your ideal customer, and hands you the interested ones.',
    duties: [
      'Build prospect lists that match your ideal customer profile',
      'Verify contact emails and phone numbers before outreach',
      'Write and run cold email sequences',
      'Send LinkedIn connection requests and follow-up messages',
      'Personalize the first line of each outreach message',
      'Hand interested replies to sales with context the same day',
      'Keep unsubscribes and do-not-contact lists up to date',
      'Report weekly on contacts reached, replies and meetings',
    ],
    benchmarks: [
      { objective: 'New verified prospects added', target: 'At least 200 a week', due: 'Weekly' },
      { objective: 'Email bounce rate', target: 'Under 3%', due: 'Weekly' },
      { objective: 'Positive reply rate', target: 'At least 2% of contacts reached', due: 'Monthly' },
      { objective: 'Sales-qualified leads delivered', target: 'Agreed number per month', due: 'Monthly' },
    ],
  },
];
