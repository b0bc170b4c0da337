/**
 * Draws the app logos (assets/logo.png 320×320, assets/logo-small.png 128×128) with a tiny
 * hand-written PNG encoder (node:zlib only), so they can be regenerated on any machine:
 *
 *   node scripts/makeLogos.mjs
 *
 * The picture: a blue rounded square with a white ticket (notched card) and two text lines,
 * anti-aliased by 4×4 supersampling, transparent outside the rounded corners.
 */
import { writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { crc32, deflateSync } from "node:zlib";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
/** Garden blue-600 and white. */
const BLUE = [0x1f, 0x73, 0xb7];
const WHITE = [0xff, 0xff, 0xff];
const SAMPLES = 4;

/** Signed distance to a rounded rectangle centred at (cx, cy) with half sizes (hw, hh) and radius r. */
function roundedRect(x, y, cx, cy, hw, hh, r) {
	const qx = Math.abs(x - cx) - hw + r;
	const qy = Math.abs(y - cy) - hh + r;
	return Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - r;
}

/** The logo in unit coordinates (0..1): returns [r, g, b, a] for one sample point. */
function sample(x, y) {
	if (roundedRect(x, y, 0.5, 0.5, 0.5, 0.5, 0.18) > 0) return [0, 0, 0, 0];
	// The ticket: a white card with round notches cut out of its left and right edges.
	const card = roundedRect(x, y, 0.5, 0.5, 0.3, 0.21, 0.05);
	const notch = Math.min(Math.hypot(x - 0.2, y - 0.5), Math.hypot(x - 0.8, y - 0.5)) - 0.065;
	const inTicket = card <= 0 && notch > 0;
	// Two blue "text" lines on the ticket.
	const line1 = roundedRect(x, y, 0.5, 0.43, 0.17, 0.028, 0.028) <= 0;
	const line2 = roundedRect(x, y, 0.46, 0.56, 0.13, 0.028, 0.028) <= 0;
	if (inTicket && !line1 && !line2) return [...WHITE, 255];
	return [...BLUE, 255];
}

/** Renders an RGBA image of `size`×`size` with supersampling. */
function render(size) {
	const pixels = Buffer.alloc(size * size * 4);
	for (let py = 0; py < size; py++) {
		for (let px = 0; px < size; px++) {
			const sum = [0, 0, 0, 0];
			for (let sy = 0; sy < SAMPLES; sy++) {
				for (let sx = 0; sx < SAMPLES; sx++) {
					const [r, g, b, a] = sample((px + (sx + 0.5) / SAMPLES) / size, (py + (sy + 0.5) / SAMPLES) / size);
					// Premultiply so transparent samples do not darken the edges.
					sum[0] += (r * a) / 255;
					sum[1] += (g * a) / 255;
					sum[2] += (b * a) / 255;
					sum[3] += a;
				}
			}
			const n = SAMPLES * SAMPLES;
			const alpha = sum[3] / n;
			const o = (py * size + px) * 4;
			for (let c = 0; c < 3; c++) pixels[o + c] = alpha === 0 ? 0 : Math.round(((sum[c] / n) * 255) / alpha);
			pixels[o + 3] = Math.round(alpha);
		}
	}
	return pixels;
}

function chunk(type, data) {
	const typeAndData = Buffer.concat([Buffer.from(type, "ascii"), data]);
	const out = Buffer.alloc(8 + data.length + 4);
	out.writeUInt32BE(data.length, 0);
	typeAndData.copy(out, 4);
	out.writeUInt32BE(crc32(typeAndData) >>> 0, 8 + data.length);
	return out;
}

/** Encodes RGBA pixels as a PNG (colour type 6, 8 bits, filter 0 on every row). */
export function encodePng(width, height, rgba) {
	const header = Buffer.alloc(13);
	header.writeUInt32BE(width, 0);
	header.writeUInt32BE(height, 4);
	header[8] = 8; // bit depth
	header[9] = 6; // RGBA
	const rows = Buffer.alloc((width * 4 + 1) * height);
	for (let y = 0; y < height; y++) rgba.copy(rows, y * (width * 4 + 1) + 1, y * width * 4, (y + 1) * width * 4);
	return Buffer.concat([
		Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
		chunk("IHDR", header),
		chunk("IDAT", deflateSync(rows, { level: 9 })),
		chunk("IEND", Buffer.alloc(0)),
	]);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
	for (const [file, size] of [
		["assets/logo.png", 320],
		["assets/logo-small.png", 128],
	]) {
		const png = encodePng(size, size, render(size));
		writeFileSync(join(ROOT, file), png);
		console.log(`${file}: ${size}×${size}, ${png.length} bytes`);
	}
}
