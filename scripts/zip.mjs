/**
 * A minimal ZIP writer over node:zlib (deflate, CRC-32): enough for an app package, with no
 * dependency. Entries are sorted and dated 1980-01-01, so the same files give the same bytes.
 */
import { crc32, deflateRawSync, inflateRawSync } from "node:zlib";

/** DOS date for 1980-01-01 (the epoch of the format): fixed so builds are reproducible. */
const DOS_DATE_1980_01_01 = (0 << 9) | (1 << 5) | 1;

/** Builds a ZIP archive from `[{ name, data }]` (names use `/`). Returns the bytes. */
export function createZip(entries) {
	const locals = [];
	const centrals = [];
	let offset = 0;
	for (const { name, data } of [...entries].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
		const nameBytes = Buffer.from(name, "utf8");
		const raw = Buffer.from(data);
		const deflated = deflateRawSync(raw, { level: 9 });
		const useDeflate = deflated.length < raw.length;
		const body = useDeflate ? deflated : raw;
		const crc = crc32(raw) >>> 0;
		const localHeader = Buffer.alloc(30);
		localHeader.writeUInt32LE(0x04034b50, 0);
		localHeader.writeUInt16LE(20, 4); // version needed
		localHeader.writeUInt16LE(0x0800, 6); // UTF-8 names
		localHeader.writeUInt16LE(useDeflate ? 8 : 0, 8);
		localHeader.writeUInt16LE(0, 10); // time
		localHeader.writeUInt16LE(DOS_DATE_1980_01_01, 12);
		localHeader.writeUInt32LE(crc, 14);
		localHeader.writeUInt32LE(body.length, 18);
		localHeader.writeUInt32LE(raw.length, 22);
		localHeader.writeUInt16LE(nameBytes.length, 26);
		localHeader.writeUInt16LE(0, 28);
		locals.push(localHeader, nameBytes, body);

		const central = Buffer.alloc(46);
		central.writeUInt32LE(0x02014b50, 0);
		central.writeUInt16LE(0x0314, 4); // made by: unix, 2.0
		central.writeUInt16LE(20, 6);
		central.writeUInt16LE(0x0800, 8);
		central.writeUInt16LE(useDeflate ? 8 : 0, 10);
		central.writeUInt16LE(0, 12);
		central.writeUInt16LE(DOS_DATE_1980_01_01, 14);
		central.writeUInt32LE(crc, 16);
		central.writeUInt32LE(body.length, 20);
		central.writeUInt32LE(raw.length, 24);
		central.writeUInt16LE(nameBytes.length, 28);
		central.writeUInt32LE((0o100644 << 16) >>> 0, 38); // -rw-r--r-- regular file
		central.writeUInt32LE(offset, 42);
		centrals.push(central, nameBytes);
		offset += localHeader.length + nameBytes.length + body.length;
	}
	const centralSize = centrals.reduce((n, b) => n + b.length, 0);
	const end = Buffer.alloc(22);
	end.writeUInt32LE(0x06054b50, 0);
	end.writeUInt16LE(centrals.length / 2, 8);
	end.writeUInt16LE(centrals.length / 2, 10);
	end.writeUInt32LE(centralSize, 12);
	end.writeUInt32LE(offset, 16);
	return Buffer.concat([...locals, ...centrals, end]);
}

/** Reads the entry names and contents back (stored and deflated entries only): used by tests. */
export function readZip(bytes) {
	const entries = [];
	let p = 0;
	while (bytes.readUInt32LE(p) === 0x04034b50) {
		const method = bytes.readUInt16LE(p + 8);
		const size = bytes.readUInt32LE(p + 18);
		const nameLength = bytes.readUInt16LE(p + 26);
		const extra = bytes.readUInt16LE(p + 28);
		const name = bytes.subarray(p + 30, p + 30 + nameLength).toString("utf8");
		const start = p + 30 + nameLength + extra;
		const body = bytes.subarray(start, start + size);
		entries.push({ name, data: method === 8 ? inflateRawSync(body) : Buffer.from(body) });
		p = start + size;
	}
	return entries;
}
