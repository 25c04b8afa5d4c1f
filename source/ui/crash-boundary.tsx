import {Component, type ReactNode} from 'react';

/** Props of <CrashBoundary/>. */
export interface CrashBoundaryProps {
	readonly onCrash: (error: Error) => void;
	readonly children: ReactNode;
}

/**
 * Catches a crash anywhere in the tree (the first render included) and renders nothing, so runConsole prints it
 * itself after leaving the alternate screen, instead of Ink drawing its error box there and dropping it on exit.
 */
export class CrashBoundary extends Component<CrashBoundaryProps, {crashed: boolean}> {
	override state = {crashed: false};

	static getDerivedStateFromError(): {crashed: boolean} {
		return {crashed: true};
	}

	override componentDidCatch(error: Error): void {
		this.props.onCrash(error);
	}

	override render(): ReactNode {
		return this.state.crashed ? null : this.props.children;
	}
}
