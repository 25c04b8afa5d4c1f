import type {IdFactory} from './ids.js';

/** Settings and injectable sources every store operation needs; one object so tests can pin clock and ids. */
export interface StoreContext {
	readonly ids: IdFactory;
	readonly now: () => Date;
	readonly orgId: string;
	readonly gatewayBase: string;
	readonly enableDuplicateSlugs: boolean;
	readonly legacyResetApiIdOnCreate: boolean;
}
