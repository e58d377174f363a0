// The committed icons are what scripts/draw-icons.mjs draws, at every size the manifest lists.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { ICON_SIZES, encodePng, renderIcon as draw } from '../../scripts/draw-icons.mjs';
import { ROOT } from './support/build';

const drawn = new Map<number, Buffer>();
const renderIcon = (size: number) => drawn.get(size) ?? drawn.set(size, draw(size)).get(size)!;

/** Decodes the 8-bit RGBA, filter-0 PNGs the generator writes. */
function decode(png: Buffer): { width: number; height: number; rgba: Buffer } {
  expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  const width = png.readUInt32BE(16);
  const height = png.readUInt32BE(20);
  expect([png[24], png[25]]).toEqual([8, 6]); // 8-bit RGBA
  const idat: Buffer[] = [];
  for (let at = 8; at < png.length;) {
    const length = png.readUInt32BE(at);
    if (png.toString('latin1', at + 4, at + 8) === 'IDAT')
      idat.push(png.subarray(at + 8, at + 8 + length));
    at += 12 + length;
  }
  const rows = inflateSync(Buffer.concat(idat));
  const rgba = Buffer.alloc(width * height * 4);
  for (let y = 0; y < height; y++) {
    expect(rows[y * (width * 4 + 1)]).toBe(0);
    rows.copy(rgba, y * width * 4, y * (width * 4 + 1) + 1, (y + 1) * (width * 4 + 1));
  }
  return { width, height, rgba };
}

describe('icons', () => {
  it('are drawn at the sizes the stores and toolbars use', () => {
    expect(ICON_SIZES).toEqual([16, 32, 48, 128]);
  });

  it.each(ICON_SIZES)('assets/icons/icon-%i.png matches the generator', (size) => {
    const committed = decode(readFileSync(join(ROOT, `assets/icons/icon-${size}.png`)));
    expect([committed.width, committed.height]).toEqual([size, size]);
    expect(committed.rgba.equals(renderIcon(size)), 'rerun `node scripts/draw-icons.mjs`').toBe(
      true,
    );
  });

  it('have transparent corners and an opaque, anti-aliased body', () => {
    for (const size of ICON_SIZES) {
      const px = renderIcon(size);
      const alpha = (x: number, y: number) => px[(y * size + x) * 4 + 3]!;
      expect(alpha(0, 0), `${size}px corner`).toBe(0);
      expect(alpha(size >> 1, size >> 1), `${size}px centre`).toBe(255);
      const partial = [...Array(size * size).keys()].filter((i) => px[i * 4 + 3]! % 255 !== 0);
      expect(partial.length, `${size}px has soft edges`).toBeGreaterThan(0);
    }
  });

  it('encodes a PNG that round-trips', () => {
    const rgba = Buffer.from([255, 0, 0, 255, 0, 255, 0, 128, 0, 0, 255, 0, 9, 9, 9, 9]);
    const decoded = decode(encodePng(2, 2, rgba));
    expect(decoded).toEqual({ width: 2, height: 2, rgba });
  });
});
