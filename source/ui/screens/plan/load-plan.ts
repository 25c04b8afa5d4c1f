import type {Plan} from '../../../core/plan.js';
import type {ConsoleServices} from '../../../engine/services.js';
import type {PlanRequest} from '../../state/navigation.js';

/** Asks the engine for the plan a request describes; the one mapping from UI intent to engine call. */
export function loadPlan(services: ConsoleServices, request: PlanRequest): Promise<Plan> {
	switch (request.type) {
		case 'publish':
			return services.planPublish(request.environment, request.keys,
				request.fromEnvironment === undefined ? undefined : {fromEnvironment: request.fromEnvironment});
		case 'dump': return services.planDump(request.environment, request.keys);
		case 'rollback': return services.planRollback(request.environment, request.kind, request.id, request.version);
		case 'undo': return services.planUndo(request.environment, request.operation);
	}
}

/** Whether applying writes to the environment's Dashboard (dump writes to Git only). */
export function writesToDashboard(request: PlanRequest): boolean {
	return request.type !== 'dump';
}
