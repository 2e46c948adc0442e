/** Draws the toolbar icon (a white tick on a blue rounded square) as PNGs into public/icon/. */
import { writeFileSync, mkdirSync } from 'node:fs';
import { deflateSync } from 'node:zlib';
import { crc32 } from '../lib/formats/crc32';

function png(size: number, pixel: (x: number, y: number) => [number, number, number, number]): Buffer {
  const raw = Buffer.alloc((size * 4 + 1) * size);
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    for (let x = 0; x < size; x++) raw.set(pixel(x, y), y * (size * 4 + 1) + 1 + x * 4);
  }
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const td = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(td));
    return Buffer.concat([len, td, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr.set([8, 6, 0, 0, 0], 8);
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}

function distToSegment(px: number, py: number, ax: number, ay: number, bx: number, by: number): number {
  const t = Math.max(0, Math.min(1, ((px - ax) * (bx - ax) + (py - ay) * (by - ay)) / ((bx - ax) ** 2 + (by - ay) ** 2)));
  return Math.hypot(px - (ax + t * (bx - ax)), py - (ay + t * (by - ay)));
}

/** `padding` px stay transparent on each side: store guidelines want the 128 px artwork in its inner 96 px. */
function icon(size: number, padding = 0): Buffer {
  const inner = size - 2 * padding;
  return png(size, (x, y) => {
    const u = (x + 0.5 - padding) / inner;
    const v = (y + 0.5 - padding) / inner;
    if (u < 0 || u > 1 || v < 0 || v > 1) return [0, 0, 0, 0];
    const r = 0.2;
    const dx = Math.max(0, Math.abs(u - 0.5) - (0.5 - r));
    const dy = Math.max(0, Math.abs(v - 0.5) - (0.5 - r));
    if (Math.hypot(dx, dy) > r) return [0, 0, 0, 0];
    const tick = Math.min(distToSegment(u, v, 0.24, 0.52, 0.43, 0.71), distToSegment(u, v, 0.43, 0.71, 0.77, 0.31));
    return tick < 0.075 ? [255, 255, 255, 255] : [21, 101, 192, 255];
  });
}

mkdirSync('public/icon', { recursive: true });
for (const s of [16, 32, 48]) writeFileSync(`public/icon/${s}.png`, icon(s));
writeFileSync('public/icon/128.png', icon(128, 16));
console.log('icons written');
