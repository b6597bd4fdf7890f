// @ts-check
/**
 * Draws the extension's icon (a socket: a ring around one pin, white on the brand blue) as PNGs
 * in src/assets/icons/, at the sizes Chrome asks for. Run after changing the drawing:
 * `node scripts/makeIcons.mjs`. Plain Node (zlib), no image library: the shapes are circles and
 * a rounded square, anti-aliased by sampling each pixel 4×4 times.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { deflateSync } from 'node:zlib';

const SIZES = [16, 32, 48, 128];
const OUT_DIR = path.resolve(import.meta.dirname, '../src/assets/icons');
const BLUE = [0x1a, 0x5f, 0xd0];
const WHITE = [0xff, 0xff, 0xff];

/**
 * What covers the point (x, y) of the unit square: 'white', 'blue' or nothing.
 * @param {number} x
 * @param {number} y
 * @returns {'white' | 'blue' | null}
 */
function shapeAt(x, y) {
  const corner = 0.22;
  const cx = Math.min(Math.max(x, corner), 1 - corner);
  const cy = Math.min(Math.max(y, corner), 1 - corner);
  if (Math.hypot(x - cx, y - cy) > corner) return null; // outside the rounded square
  const r = Math.hypot(x - 0.5, y - 0.5);
  if (r >= 0.25 && r <= 0.35) return 'white'; // the ring
  if (r <= 0.11) return 'white'; // the one pin
  return 'blue';
}

/** @param {number} size */
function pixels(size) {
  const samples = 4;
  const rows = [];
  for (let py = 0; py < size; py++) {
    const row = [0]; // PNG filter type 0 for the row
    for (let px = 0; px < size; px++) {
      let white = 0;
      let blue = 0;
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const shape = shapeAt((px + (sx + 0.5) / samples) / size, (py + (sy + 0.5) / samples) / size);
          if (shape === 'white') white++;
          else if (shape === 'blue') blue++;
        }
      }
      const covered = white + blue;
      const mix = (/** @type {number} */ channel) => (covered === 0 ? 0 : Math.round(((WHITE[channel] ?? 0) * white + (BLUE[channel] ?? 0) * blue) / covered));
      row.push(mix(0), mix(1), mix(2), Math.round((255 * covered) / (samples * samples)));
    }
    rows.push(...row);
  }
  return Buffer.from(rows);
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

/** @param {Buffer} bytes */
function crc32(bytes) {
  let c = 0xffffffff;
  for (const byte of bytes) c = (CRC_TABLE[(c ^ byte) & 0xff] ?? 0) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** @param {string} type @param {Buffer} data */
function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** @param {number} size */
function png(size) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.writeUInt8(8, 8); // bit depth
  header.writeUInt8(6, 9); // RGBA
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([signature, chunk('IHDR', header), chunk('IDAT', deflateSync(pixels(size))), chunk('IEND', Buffer.alloc(0))]);
}

mkdirSync(OUT_DIR, { recursive: true });
for (const size of SIZES) writeFileSync(path.join(OUT_DIR, `icon-${size}.png`), png(size));
console.log(`Wrote ${SIZES.map((size) => `icon-${size}.png`).join(', ')} to ${path.relative(process.cwd(), OUT_DIR)}`);
