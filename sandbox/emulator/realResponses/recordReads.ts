/**
 * Which keys of a JSON body a reader (the app's normalizers) actually touches, found by running
 * the reader over a recording Proxy of the body. Paths look like `ticket.via.source.rel`; array
 * items are `[]` (`audit.events[].recipients`); an object the reader enumerates (a `details` or
 * `metadata.custom` map) has its keys as `*`. Test-only; never throws for odd bodies.
 */

/** Runs `read(body)` over a recording view of `body` and returns every path it read. */
export function recordReads(body: unknown, read: (body: unknown) => void): Set<string> {
	const paths = new Set<string>();
	const maps = new Set<string>();
	const wrap = (value: unknown, path: string): unknown => {
		if (typeof value !== "object" || value === null) return value;
		return new Proxy(value as object, {
			get(target, key, receiver) {
				const child = Reflect.get(target, key, receiver);
				if (typeof key === "symbol") return child;
				if (Array.isArray(target)) return /^\d+$/.test(key) ? wrap(child, `${path}[]`) : child;
				const childPath = join(path, maps.has(path) ? "*" : key);
				paths.add(childPath);
				return wrap(child, childPath);
			},
			has(target, key) {
				if (typeof key === "string" && !Array.isArray(target)) paths.add(join(path, maps.has(path) ? "*" : key));
				return Reflect.has(target, key);
			},
			ownKeys(target) {
				if (!Array.isArray(target)) maps.add(path);
				return Reflect.ownKeys(target);
			},
		});
	};
	read(wrap(body, ""));
	return paths;
}

/**
 * True when `value` has `path`: an array segment (`[]`) or a map segment (`*`) is satisfied by
 * SOME item, so type-specific keys (a Notification event's `recipients`) count once any item has them.
 */
export function hasPath(value: unknown, path: string): boolean {
	return has(value, segments(path));
}

/** Paths the reader reads that `real` has and `emulated` lacks, sorted. */
export function missingReads(real: unknown, emulated: unknown, read: (body: unknown) => void): string[] {
	return [...recordReads(real, read)].filter(p => hasPath(real, p) && !hasPath(emulated, p)).sort();
}

function join(path: string, key: string): string {
	return path === "" ? key : `${path}.${key}`;
}

/** `a.b[].c` → ["a", "b", "[]", "c"]. */
function segments(path: string): string[] {
	return path.split(".").flatMap(part => {
		const out: string[] = [];
		const name = part.replace(/(\[\])+$/, suffix => {
			for (let i = 0; i < suffix.length / 2; i++) out.push("[]");
			return "";
		});
		return name === "" ? out : [name, ...out];
	});
}

function has(value: unknown, [first, ...rest]: string[]): boolean {
	if (first === undefined) return true;
	if (first === "[]") return Array.isArray(value) && value.some(item => has(item, rest));
	if (typeof value !== "object" || value === null || Array.isArray(value)) return false;
	const record = value as Record<string, unknown>;
	if (first === "*") return Object.values(record).some(v => has(v, rest));
	return Object.hasOwn(record, first) && has(record[first], rest);
}
