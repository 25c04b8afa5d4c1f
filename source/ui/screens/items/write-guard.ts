import type {EnvironmentInfo} from '../../../engine/services.js';

/**
 * Why a write to the Dashboard must not even be planned, or undefined when it may. Read-only environments refuse
 * every write from every screen; the engine refuses too, this just says so before the user builds a plan.
 */
export function writeRefusal(info: EnvironmentInfo | undefined, action: string): string | undefined {
	if (info?.readOnly) return `${info.name} is read-only: ${action} refused, nothing was written`;
	return undefined;
}
