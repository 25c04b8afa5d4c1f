import type {ReactNode} from 'react';
import {Text} from 'ink';
import type {Style} from '../theme.js';

/** Props of <Styled/>. */
export interface StyledProps {
	readonly style?: Style;
	readonly children?: ReactNode;
}

/** Inline text in a theme token's style; the one place theme tokens turn into Ink props. */
export function Styled({style, children}: StyledProps) {
	return <Text {...style}>{children}</Text>;
}
