/** Resolves after `ms` on real timers: the default wait of every retry loop (tests inject their own). */
export function sleep(ms: number): Promise<void> {
	return new Promise<void>(resolve => setTimeout(resolve, ms));
}
