/**
 * A strict JSON reader that also reports duplicate object keys (JSON.parse silently keeps the
 * last one; Zendesk's validator rejects them). Returns `{ value, duplicates, error }`; never throws.
 */

/** Parses `text`; `duplicates` lists key paths such as `parameters[1].name`. */
export function parseJsonStrict(text) {
	const duplicates = [];
	let i = 0;
	const fail = message => {
		throw new SyntaxError(`${message} at position ${i}`);
	};
	const ws = () => {
		while (i < text.length && " \t\n\r".includes(text[i])) i++;
	};
	const string = () => {
		const start = i;
		i++;
		while (i < text.length && text[i] !== '"') i += text[i] === "\\" ? 2 : 1;
		if (text[i] !== '"') fail("Unterminated string");
		i++;
		return JSON.parse(text.slice(start, i));
	};
	const value = path => {
		ws();
		const c = text[i];
		if (c === "{") {
			i++;
			const out = {};
			const seen = new Set();
			ws();
			if (text[i] === "}") return (i++, out);
			for (;;) {
				ws();
				if (text[i] !== '"') fail("Expected a key");
				const key = string();
				const keyPath = path ? `${path}.${key}` : key;
				if (seen.has(key)) duplicates.push(keyPath);
				seen.add(key);
				ws();
				if (text[i] !== ":") fail("Expected ':'");
				i++;
				out[key] = value(keyPath);
				ws();
				if (text[i] === ",") i++;
				else if (text[i] === "}") return (i++, out);
				else fail("Expected ',' or '}'");
			}
		}
		if (c === "[") {
			i++;
			const out = [];
			ws();
			if (text[i] === "]") return (i++, out);
			for (;;) {
				out.push(value(`${path}[${out.length}]`));
				ws();
				if (text[i] === ",") i++;
				else if (text[i] === "]") return (i++, out);
				else fail("Expected ',' or ']'");
			}
		}
		if (c === '"') return string();
		const m = /^(-?\d+(\.\d+)?([eE][+-]?\d+)?|true|false|null)/.exec(text.slice(i));
		if (!m) fail("Unexpected token");
		i += m[0].length;
		return JSON.parse(m[0]);
	};
	try {
		const result = value("");
		ws();
		if (i < text.length) fail("Unexpected text after the JSON value");
		return { value: result, duplicates, error: undefined };
	} catch (error) {
		return { value: undefined, duplicates, error: error.message };
	}
}
