/** Vocabulary for seed data, so generated names read like a real API catalogue. */
export const nouns = [
	'Orders', 'Payments', 'Inventory', 'Customers', 'Shipping', 'Invoices', 'Catalog', 'Accounts', 'Reviews', 'Search',
	'Notifications', 'Loyalty', 'Pricing', 'Returns', 'Warehouse', 'Identity', 'Analytics', 'Billing', 'Quotes', 'Claims',
];

/** Second word of a generated API name. */
export const suffixes = ['API', 'Service', 'Gateway', 'Backend', 'Proxy'];

/** Category labels (Classic `#tags`, OAS wrapper `categories`). */
export const categories = ['billing', 'internal', 'partner', 'public', 'logistics', 'beta'];

/** Policy tiers. */
export const tiers = ['Bronze', 'Silver', 'Gold', 'Platinum', 'Trial', 'Partner', 'Internal'];
