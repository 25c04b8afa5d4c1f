import type {IdFactory} from './ids.js';

/** Settings and injectable sources every store operation needs; one object so tests can pin clock and ids. */
export interface StoreContext {
	readonly ids: IdFactory;
	readonly now: () => Date;
	readonly orgId: string;
	readonly gatewayBase: string;
	readonly enableDuplicateSlugs: boolean;
	readonly legacyResetApiIdOnCreate: boolean;
	/** Like Dashboards before 5.12: policy paths take only the 24-hex `_id`; a custom policy `id` gets 400. */
	readonly legacyPolicyPaths: boolean;
}
