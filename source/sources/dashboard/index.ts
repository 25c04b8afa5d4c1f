/**
 * The Tyk Dashboard source: one client per environment, per-resource operations, a whole-Dashboard loader and
 * item-level writes for the engine. Import from here, not from the individual files.
 */
export {createDashboardClient, withSignal} from './client.js';
export type {DashboardClient, DashboardClientOptions, DashboardResponse, HttpMethod, RequestEvent} from './client.js';
export {DashboardError, isDashboardError} from './errors.js';
export type {DashboardErrorKind, DashboardErrorDetails} from './errors.js';
export {loadLive, listLive, completeLive, liveItems, liveItemSet, oasFileBody, classicFileBody, isOasWrapper, oasListThreshold} from './live.js';
export type {LiveSnapshot, LiveIndex, OasStub} from './live.js';
export {createItem, updateItem, deleteItem, getItem, liveAddress, writeBody} from './items.js';
export type {Created} from './classic.js';
export {listApiWrappers, getClassic, createClassic, updateClassic, deleteClassic} from './classic.js';
export {getOas, getOasCategories, setOasCategories, createOas, updateOas, deleteOas} from './oas.js';
export {listPolicies, getPolicy, createPolicy, updatePolicy, deletePolicy} from './policies.js';
export {listTemplates, getTemplate, createTemplate, updateTemplate, deleteTemplate} from './templates.js';
export {listAll, readPage} from './listing.js';
