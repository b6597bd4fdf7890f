// @ts-check
/**
 * Draws the extension's icon (a socket: a ring around one pin, white on the brand blue) as PNGs
 * in src/assets/icons/, at the sizes Chrome asks for, and the Chrome Web Store's listing images
 * in docs/store/ (docs/store.md): the store icon (96 px of artwork in 128 with a transparent
 * margin, as the store asks) and the small promo tile (440×280, the icon on the brand blue).
 * Run after changing the drawing: `node scripts/makeIcons.mjs`. Plain Node (zlib), no image
 * library: the shapes are circles and a rounded square, anti-aliased by sampling each pixel
 * 4×4 times.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { deflateSync } from 'node:zlib';

const SIZES = [16, 32, 48, 128];
const OUT_DIR = path.resolve(import.meta.dirname, '../src/assets/icons');
const STORE_DIR = path.resolve(import.meta.dirname, '../docs/store');
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

/**
 * What covers the pixel-space point (x, y) of a picture: given per picture.
 * @typedef {(x: number, y: number) => 'white' | 'blue' | null} Drawing
 */

/** The icon filling a `size` square. @param {number} size @returns {Drawing} */
const icon = (size) => (x, y) => shapeAt(x / size, y / size);

/**
 * The icon `artwork` px wide, centred on a `width`×`height` picture; `background` fills the rest.
 * @param {number} width @param {number} height @param {number} artwork @param {'blue' | null} background
 * @returns {Drawing}
 */
const iconCentred = (width, height, artwork, background) => (x, y) => {
  const left = (width - artwork) / 2;
  const top = (height - artwork) / 2;
  const inside = x >= left && x < left + artwork && y >= top && y < top + artwork;
  return (inside ? shapeAt((x - left) / artwork, (y - top) / artwork) : null) ?? background;
};

/** RGBA rows of a picture, each with its PNG filter byte. @param {number} width @param {number} height @param {Drawing} draw */
function pixels(width, height, draw) {
  const samples = 4;
  const rows = [];
  for (let py = 0; py < height; py++) {
    const row = [0]; // PNG filter type 0 for the row
    for (let px = 0; px < width; px++) {
      let white = 0;
      let blue = 0;
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const shape = draw(px + (sx + 0.5) / samples, py + (sy + 0.5) / samples);
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

/** @param {number} width @param {number} height @param {Drawing} draw */
function png(width, height, draw) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.writeUInt8(8, 8); // bit depth
  header.writeUInt8(6, 9); // RGBA
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([signature, chunk('IHDR', header), chunk('IDAT', deflateSync(pixels(width, height, draw))), chunk('IEND', Buffer.alloc(0))]);
}

mkdirSync(OUT_DIR, { recursive: true });
for (const size of SIZES) writeFileSync(path.join(OUT_DIR, `icon-${size}.png`), png(size, size, icon(size)));
console.log(`Wrote ${SIZES.map((size) => `icon-${size}.png`).join(', ')} to ${path.relative(process.cwd(), OUT_DIR)}`);

mkdirSync(STORE_DIR, { recursive: true });
writeFileSync(path.join(STORE_DIR, 'icon-128.png'), png(128, 128, iconCentred(128, 128, 96, null)));
writeFileSync(path.join(STORE_DIR, 'promo-440x280.png'), png(440, 280, iconCentred(440, 280, 200, 'blue')));
console.log(`Wrote icon-128.png, promo-440x280.png to ${path.relative(process.cwd(), STORE_DIR)}`);
