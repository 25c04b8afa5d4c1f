import type {Route} from './state/navigation.js';
import {EnvironmentsScreen} from './screens/environments/environments-screen.js';
import {ItemsScreen} from './screens/items/items-screen.js';
import {DiffScreen} from './screens/diff/diff-screen.js';
import {PlanScreen} from './screens/plan/plan-screen.js';
import {ProgressScreen} from './screens/progress/progress-screen.js';
import {HistoryScreen} from './screens/history/history-screen.js';
import {OperationsScreen} from './screens/operations/operations-screen.js';

/** Props of <RouteView/>. */
export interface RouteViewProps {
	readonly route: Route;
	readonly width: number;
	readonly height: number;
	readonly isActive: boolean;
}

/** Maps a route to its screen; the exhaustive switch makes a new route type a compile error until it has a screen. */
export function RouteView({route, width, height, isActive}: RouteViewProps) {
	const size = {width, height, isActive};
	switch (route.type) {
		case 'environments': return <EnvironmentsScreen {...size} />;
		case 'items': return <ItemsScreen {...size} environment={route.environment} base={route.base} />;
		case 'diff': return <DiffScreen {...size} route={route} />;
		case 'plan': return <PlanScreen {...size} request={route.request} />;
		case 'progress': return <ProgressScreen {...size} plan={route.plan} message={route.message} />;
		case 'operations': return <OperationsScreen {...size} environment={route.environment} />;
		case 'history': return <HistoryScreen {...size} environment={route.environment} kind={route.kind} id={route.id} name={route.name} />;
	}
}
