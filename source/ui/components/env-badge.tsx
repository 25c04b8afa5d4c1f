import {Text} from 'ink';
import type {EnvironmentInfo} from '../../engine/services.js';
import type {Theme} from '../theme.js';

/** Props of <EnvName/>. */
export interface EnvNameProps {
	readonly name: string;
	readonly info?: EnvironmentInfo;
	readonly theme: Theme;
}

/** Short text markers, so protected / read-only stay visible without colour. */
export function envMarkers(info: EnvironmentInfo | undefined): string {
	if (!info) return '';
	return `${info.protected ? ' [protected]' : ''}${info.readOnly ? ' [read-only]' : ''}`;
}

/** An environment name styled the same way everywhere: protected in red, read-only marked. */
export function EnvName({name, info, theme}: EnvNameProps) {
	const style = info?.protected ? theme.env.protected : info?.readOnly ? theme.env.readOnly : theme.env.normal;
	return <Text {...style}>{name}{envMarkers(info)}</Text>;
}
