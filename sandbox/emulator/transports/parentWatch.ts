/**
 * Notices when the processes that started us go away (npm → sh → tsx → node chains do not always
 * forward signals), so a CLI can exit instead of lingering as an orphan that keeps its port.
 * Linux reads /proc; elsewhere only the direct parent is watched (via `process.ppid`).
 */
import { readFileSync } from "node:fs";

function procStat(pid: number): { ppid: number; state: string } | undefined {
	try {
		const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
		// Fields after the parenthesised command name: state, ppid, ...
		const rest = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
		return { state: rest[0] ?? "", ppid: Number(rest[1]) };
	} catch {
		return undefined;
	}
}

/** The chain of ancestor pids (parent first), stopping before pid 1. */
export function ancestorPids(pid = process.pid): number[] {
	const chain: number[] = [];
	let current = procStat(pid)?.ppid ?? process.ppid;
	while (current > 1 && chain.length < 32) {
		chain.push(current);
		const stat = procStat(current);
		if (!stat) break;
		current = stat.ppid;
	}
	return chain;
}

function alive(pid: number): boolean {
	const stat = procStat(pid);
	if (stat) return stat.state !== "Z" && stat.state !== "X";
	try {
		process.kill(pid, 0);
		return true;
	} catch {
		return false;
	}
}

/** Polls every `intervalMs`; calls `onGone` once when our parent changes or any recorded ancestor is gone. Returns a stop function. */
export function watchAncestors(onGone: (why: string) => void, intervalMs = 1000): () => void {
	const parent = process.ppid;
	const ancestors = ancestorPids();
	const timer = setInterval(() => {
		const gone = process.ppid !== parent ? parent : ancestors.find(pid => !alive(pid));
		if (gone === undefined) return;
		clearInterval(timer);
		onGone(`parent process ${gone} exited`);
	}, intervalMs);
	timer.unref();
	return () => clearInterval(timer);
}
