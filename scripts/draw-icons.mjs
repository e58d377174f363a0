#!/usr/bin/env node
// Draws the Hashtag Radar icon (a "#" on a radar scope) as PNGs in assets/icons/: icon-16.png … icon-128.png.
// Pure Node: shapes are tested per sub-sample (supersampled for anti-aliasing) and the PNG is written with zlib.
// Run: `node scripts/draw-icons.mjs` (the PNGs are committed; rerun after changing the drawing).
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';

export const ICON_SIZES = [16, 32, 48, 128];
const SUPERSAMPLE = 8; // 8×8 samples per pixel

const COLORS = {
  scopeTop: [24, 36, 66],
  scopeBottom: [10, 16, 36],
  ring: [45, 212, 191],
  sweep: [45, 212, 191],
  hash: [255, 255, 255],
  blip: [255, 64, 120],
};

// ---- geometry (unit square, y down) ----

const inRoundedRect = (x, y, x0, y0, x1, y1, r) => {
  if (x < x0 || x > x1 || y < y0 || y > y1) return false;
  const cx = Math.min(Math.max(x, x0 + r), x1 - r);
  const cy = Math.min(Math.max(y, y0 + r), y1 - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
};
const distance = (x, y, cx, cy) => Math.hypot(x - cx, y - cy);

/**
 * The drawing for one pixel size. Small sizes drop detail and snap the "#" to whole pixels, so
 * the 16 px toolbar icon stays crisp instead of blurring into a grey blob.
 */
function design(size) {
  const px = 1 / size;
  if (size <= 16) {
    // 16 px: scope, one ring, the sweep, a 2-px-stroke "#" on whole pixels.
    return {
      corner: 3.5 * px,
      rings: [{ r: 6.5 * px, w: 1 * px, alpha: 0.6 }],
      sweep: { r: 6.5 * px, span: 90, alpha: 0.6 },
      hash: { bars: [5, 7, 9, 11].map((v) => v * px), from: 2 * px, to: 14 * px, slant: 0 },
      blip: null,
    };
  }
  if (size <= 32) {
    return {
      corner: 6.5 * px,
      rings: [
        { r: 14 * px, w: 1.5 * px, alpha: 0.6 },
        { r: 9.5 * px, w: 1 * px, alpha: 0.35 },
      ],
      sweep: { r: 13.5 * px, span: 90, alpha: 0.65 },
      hash: { bars: [11, 14, 18, 21].map((v) => v * px), from: 7 * px, to: 25 * px, slant: 0 },
      blip: { angle: 35, r: 11.5 * px, size: 2 * px },
    };
  }
  // 48 and 128: the same unit-square drawing, scaled.
  return {
    corner: 0.2,
    rings: [
      { r: 0.44, w: 0.032, alpha: 0.65 },
      { r: 0.3, w: 0.022, alpha: 0.4 },
      { r: 0.16, w: 0.018, alpha: 0.25 },
    ],
    sweep: { r: 0.43, span: 90, alpha: 0.65 },
    hash: { bars: [0.35, 0.44, 0.56, 0.65], from: 0.24, to: 0.76, slant: 0.18 },
    blip: { angle: 35, r: 0.36, size: 0.055 },
  };
}

/** Paints the layers for one sample point; returns premultiplied [r, g, b, a] in 0..1. */
function shade(x, y, d) {
  let r = 0;
  let g = 0;
  let b = 0;
  let a = 0;
  const over = (rgb, alpha) => {
    if (alpha <= 0) return;
    r = (rgb[0] / 255) * alpha + r * (1 - alpha);
    g = (rgb[1] / 255) * alpha + g * (1 - alpha);
    b = (rgb[2] / 255) * alpha + b * (1 - alpha);
    a = alpha + a * (1 - alpha);
  };

  if (!inRoundedRect(x, y, 0, 0, 1, 1, d.corner)) return [0, 0, 0, 0];
  const mix = (p, q, t) => p.map((v, i) => v + (q[i] - v) * t);
  over(mix(COLORS.scopeTop, COLORS.scopeBottom, y), 1);

  const dist = distance(x, y, 0.5, 0.5);
  // Sweep: a wedge that trails behind the beam (pointing up-right), fading with the angle.
  if (dist <= d.sweep.r) {
    // Clockwise angle from 12 o'clock, 0..360.
    const angle = ((Math.atan2(x - 0.5, -(y - 0.5)) * 180) / Math.PI + 360) % 360;
    const beam = 60;
    const behind = (beam - angle + 360) % 360;
    if (behind <= d.sweep.span) over(COLORS.sweep, d.sweep.alpha * (1 - behind / d.sweep.span));
  }
  for (const ring of d.rings) {
    if (Math.abs(dist - ring.r) <= ring.w / 2) over(COLORS.ring, ring.alpha);
  }
  if (d.blip) {
    const rad = (d.blip.angle * Math.PI) / 180;
    const bx = 0.5 + Math.sin(rad) * d.blip.r;
    const by = 0.5 - Math.cos(rad) * d.blip.r;
    if (distance(x, y, bx, by) <= d.blip.size) over(COLORS.blip, 1);
  }
  const [v0, v1, h0, h1] = d.hash.bars; // the two bars run [v0,v1] and [h0,h1] on each axis
  const { from, to, slant } = d.hash;
  const onBar = (t) => (t >= v0 && t < v1) || (t >= h0 && t < h1);
  // The upright strokes lean right like a typed "#"; the horizontal ones shift with them.
  const xs = x + (y - 0.5) * slant;
  if ((onBar(xs) && y >= from && y < to) || (onBar(y) && xs >= from && xs < to)) {
    over(COLORS.hash, 1);
  }
  return [r, g, b, a];
}

/** RGBA pixels (straight alpha) for one size, each pixel the mean of SUPERSAMPLE² samples. */
export function renderIcon(size) {
  const d = design(size);
  const pixels = Buffer.alloc(size * size * 4);
  const n = SUPERSAMPLE * SUPERSAMPLE;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      for (let sy = 0; sy < SUPERSAMPLE; sy++) {
        for (let sx = 0; sx < SUPERSAMPLE; sx++) {
          const x = (px + (sx + 0.5) / SUPERSAMPLE) / size;
          const y = (py + (sy + 0.5) / SUPERSAMPLE) / size;
          const s = shade(x, y, d);
          r += s[0];
          g += s[1];
          b += s[2];
          a += s[3];
        }
      }
      const i = (py * size + px) * 4;
      const alpha = a / n;
      // Un-premultiply: PNG stores straight alpha.
      pixels[i] = alpha ? Math.round((r / a) * 255) : 0;
      pixels[i + 1] = alpha ? Math.round((g / a) * 255) : 0;
      pixels[i + 2] = alpha ? Math.round((b / a) * 255) : 0;
      pixels[i + 3] = Math.round(alpha * 255);
    }
  }
  return pixels;
}

// ---- PNG encoding ----

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buf) {
  let c = 0xffffffff;
  for (const byte of buf) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** Encodes straight-alpha RGBA pixels as an 8-bit RGBA PNG (filter 0 on every row). */
export function encodePng(width, height, rgba) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // colour type RGBA
  const rows = Buffer.alloc((width * 4 + 1) * height);
  for (let y = 0; y < height; y++) {
    rgba.copy(rows, y * (width * 4 + 1) + 1, y * width * 4, (y + 1) * width * 4);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const isMain = process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1];
if (isMain) {
  const outDir =
    process.argv[2] ?? join(dirname(fileURLToPath(import.meta.url)), '../assets/icons');
  mkdirSync(outDir, { recursive: true });
  for (const size of ICON_SIZES) {
    const file = join(outDir, `icon-${size}.png`);
    writeFileSync(file, encodePng(size, size, renderIcon(size)));
    console.log(`wrote ${file}`);
  }
}
