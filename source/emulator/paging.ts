/** One page of a list and the `pages` value the Dashboard reports with it. */
export interface Page<T> {
	readonly items: T[];
	readonly pages: number;
}

/**
 * Dashboard paging (contract §2.2): `p` ≤ 0 returns everything with `pages: 0`; `p` ≥ 1 returns that page and the
 * total page count; an omitted or unreadable `p` means the first page.
 */
export function paginate<T>(items: readonly T[], rawPage: string | null, pageSize: number): Page<T> {
	const parsed = rawPage === null || rawPage.trim() === '' ? 1 : Number.parseInt(rawPage, 10);
	const page = Number.isNaN(parsed) ? 1 : parsed;
	if (page <= 0) return {items: [...items], pages: 0};
	const start = (page - 1) * pageSize;
	return {items: items.slice(start, start + pageSize), pages: Math.ceil(items.length / pageSize)};
}

/** Something with a creation time and an insertion counter. */
export interface Sortable {
	readonly createdAt: string;
	readonly updatedAt: string;
	readonly name: string;
	readonly seq: number;
}

/**
 * Sorts by the Dashboard `sort` parameter (`name|-name|created_at|-created_at|updated_at|-updated_at`), default
 * `-created_at`. Ties fall back to insertion order, newest first, so the order is total and repeatable.
 */
export function sortBy<T extends Sortable>(items: T[], sort: string | null): T[] {
	const spec = sort && /^-?(name|created_at|updated_at)$/.test(sort) ? sort : '-created_at';
	const descending = spec.startsWith('-');
	const field = spec.replace(/^-/, '');
	const key = (item: T): string => (field === 'name' ? item.name : field === 'updated_at' ? item.updatedAt : item.createdAt);
	return items.sort((a, b) => {
		const ka = key(a);
		const kb = key(b);
		const order = ka < kb ? -1 : ka > kb ? 1 : 0;
		if (order !== 0) return descending ? -order : order;
		return b.seq - a.seq;
	});
}
