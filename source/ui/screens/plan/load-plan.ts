import type {Plan} from '../../../core/plan.js';
import type {ConsoleServices} from '../../../engine/services.js';
import type {PlanRequest} from '../../state/navigation.js';
import {shownView, viewKey, type ViewStore} from '../../state/views.js';

/**
 * Asks the engine for the plan a request describes; the one mapping from UI intent to engine call. Publish and dump
 * plans are made from the view the user is looking at (the marks name its rows), so planning reads nothing again;
 * the apply still re-reads each item before writing it.
 */
export async function loadPlan(services: ConsoleServices, request: PlanRequest, store: ViewStore): Promise<Plan> {
	switch (request.type) {
		case 'publish': {
			const view = shownView(store[viewKey(request.environment, request.fromEnvironment)]);
			return (await services.plan({
				type: 'publish', environment: request.environment, selection: {keys: request.keys}, view,
				...(request.fromEnvironment === undefined ? {} : {fromEnvironment: request.fromEnvironment}),
				...(request.withDependencies ? {withDependencies: true} : {}),
			})).plan;
		}
		case 'dump': {
			const view = shownView(store[viewKey(request.environment)]);
			return (await services.plan({type: 'dump', environment: request.environment, selection: {keys: request.keys}, view})).plan;
		}
		case 'rollback':
		case 'undo':
			return (await services.plan(request)).plan;
	}
}

/** Whether applying writes to the environment's Dashboard (dump writes to Git only). */
export function writesToDashboard(request: PlanRequest): boolean {
	return request.type !== 'dump';
}
