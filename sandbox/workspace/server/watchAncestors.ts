/**
 * Notices when the process that started us goes away. `npm start` runs npm → sh → tsx → node, and
 * a SIGTERM to npm can leave tsx (and us) running with the ports open; so we watch the chain of
 * ancestors (read from /proc on Linux; elsewhere only the direct parent) and call `onGone` once
 * one of them has exited. It never kills anything itself.
 */
import { readFileSync } from "node:fs";

/** The parent pid of `pid` from /proc, or undefined where /proc is not available. */
function parentOf(pid: number): number | undefined {
	try {
		const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
		// Field 4 is the ppid; the command name (field 2) may contain spaces, so split after its ")".
		const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
		return Number.isInteger(ppid) ? ppid : undefined;
	} catch {
		return undefined;
	}
}

function alive(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch (error) {
		return (error as NodeJS.ErrnoException).code === "EPERM";
	}
}

/** Up to `depth` ancestors of this process, nearest first, stopping before pid 1. */
export function ancestors(depth = 4): number[] {
	const chain: number[] = [];
	let pid: number | undefined = process.ppid;
	while (pid !== undefined && pid > 1 && chain.length < depth) {
		chain.push(pid);
		pid = parentOf(pid);
	}
	return chain;
}

/** Polls every `intervalMs`; calls `onGone` once when an ancestor has exited (or we were re-parented). Returns a stop function. */
export function watchAncestors(onGone: (pid: number) => void, intervalMs = 1000): () => void {
	const chain = ancestors();
	const parent = process.ppid;
	const timer = setInterval(() => {
		const gone = process.ppid !== parent ? parent : chain.find(pid => !alive(pid));
		if (gone !== undefined) {
			clearInterval(timer);
			onGone(gone);
		}
	}, intervalMs);
	timer.unref();
	return () => clearInterval(timer);
}
