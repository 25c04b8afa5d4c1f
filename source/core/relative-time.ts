/**
 * "just now", "40 s ago", "3 min ago", "2 h ago", "5 days ago": how long ago something happened, in the words a person
 * reads at a glance; a time in the future (a clock skew between this machine and a Git author's) reads "just now".
 */
export function relativeTime(then: number, now: number): string {
	const seconds = Math.floor((now - then) / 1000);
	if (seconds < 5) return 'just now';
	if (seconds < 60) return `${seconds} s ago`;
	const minutes = Math.floor(seconds / 60);
	if (minutes < 60) return `${minutes} min ago`;
	const hours = Math.floor(minutes / 60);
	if (hours < 48) return `${hours} h ago`;
	const days = Math.floor(hours / 24);
	if (days < 60) return `${days} days ago`;
	const months = Math.floor(days / 30);
	return months < 24 ? `${months} months ago` : `${Math.floor(days / 365)} years ago`;
}
