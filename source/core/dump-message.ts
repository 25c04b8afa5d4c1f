import type {Plan, PlanStep} from './plan.js';

/**
 * The commit message a dump writes when the user gives none: one subject line that says what was dumped from where,
 * then the items (the first ten). One function, so the console's prefilled message is exactly what the CLI commits.
 */
export function dumpMessage(plan: Pick<Plan, 'source' | 'steps'>): string {
	const steps: readonly PlanStep[] = plan.steps.filter((step) => step.action !== 'skip');
	const names = steps.slice(0, 10).map((step) => `${step.action === 'delete' ? 'remove' : step.action} ${step.kind} ${step.name || step.id}`);
	const more = steps.length > 10 ? `\nand ${steps.length - 10} more` : '';
	return `tyk-console dump from ${plan.source.label}: ${steps.length} item(s)\n\n${names.join('\n')}${more}`;
}

/** A message's first line: what `git log --oneline` shows. */
export function messageSubject(message: string): string {
	return message.split('\n', 1)[0]!;
}
