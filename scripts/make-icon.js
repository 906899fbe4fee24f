#!/usr/bin/env node
'use strict';
// Draws resources/icon.png (512×512, the app and installer icon electron-builder converts for
// Windows and Linux): a white WiFi mark on the tray icon's teal, rounded corners. Written with
// zlib alone so the icon can be regenerated without an image library:
//   node scripts/make-icon.js [out.png] [size]
const fs = require('node:fs');
const path = require('node:path');
const zlib = require('node:zlib');

const TEAL = [0x0f, 0x76, 0x6e];
const WHITE = [0xff, 0xff, 0xff];

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

/** Coverage 0..1 of pixel (x, y) by the icon's shapes, sampled 4×4 for smooth edges. */
function coverage(size, x, y, inside) {
  let hits = 0;
  for (let i = 0; i < 4; i++) for (let j = 0; j < 4; j++) if (inside((x + (i + 0.5) / 4) / size, (y + (j + 0.5) / 4) / size)) hits++;
  return hits / 16;
}

/** The rounded square background, in unit coordinates. */
function inBackground(u, v) {
  const r = 0.18;
  const dx = Math.max(r - u, 0, u - (1 - r));
  const dy = Math.max(r - v, 0, v - (1 - r));
  return dx * dx + dy * dy <= r * r;
}

/** Three WiFi arcs (a 90° fan opening upwards) and the dot at their centre. */
function inMark(u, v) {
  const cx = 0.5;
  const cy = 0.74;
  const dx = u - cx;
  const dy = cy - v;
  const d = Math.hypot(dx, dy);
  if (d <= 0.065) return true;
  if (dy <= 0 || Math.abs(dx) > dy) return false; // outside the upward 90° fan
  for (const radius of [0.2, 0.34, 0.48]) if (Math.abs(d - radius) <= 0.04) return true;
  return false;
}

function drawIcon(size) {
  const rows = [];
  for (let y = 0; y < size; y++) {
    const row = Buffer.alloc(1 + size * 4); // filter byte 0, then RGBA
    for (let x = 0; x < size; x++) {
      const bg = coverage(size, x, y, inBackground);
      const mark = coverage(size, x, y, (u, v) => inBackground(u, v) && inMark(u, v));
      const o = 1 + x * 4;
      for (let c = 0; c < 3; c++) row[o + c] = bg === 0 ? 0 : Math.round((TEAL[c] * (bg - mark) + WHITE[c] * mark) / bg);
      row[o + 3] = Math.round(bg * 255);
    }
    rows.push(row);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', zlib.deflateSync(Buffer.concat(rows), { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

if (require.main === module) {
  const out = path.resolve(process.argv[2] ?? path.join(__dirname, '..', 'resources', 'icon.png'));
  const size = Number(process.argv[3] ?? 512);
  fs.writeFileSync(out, drawIcon(size));
  console.log(`wrote ${out} (${size}×${size})`);
}

module.exports = { drawIcon };
