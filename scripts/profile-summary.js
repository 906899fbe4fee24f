#!/usr/bin/env node
'use strict';
/**
 * Self time by function from a V8 .cpuprofile (node --cpu-prof, or BENCH_CPU_PROFILE in
 * bench-radius.js): `node scripts/profile-summary.js file.cpuprofile [top=40]`.
 * Percentages are of the samples in which the thread was busy (idle excluded).
 */
const fs = require('node:fs');
const path = require('node:path');

const [file, topArg] = process.argv.slice(2);
const top = Number(topArg ?? 40);
const profile = JSON.parse(fs.readFileSync(file, 'utf8'));
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const counts = new Map();
for (const id of profile.samples) counts.set(id, (counts.get(id) ?? 0) + 1);
const self = new Map();
let busy = 0;
for (const [id, n] of counts) {
  const { functionName, url, lineNumber } = byId.get(id).callFrame;
  if (functionName === '(idle)' || functionName === '(program)') continue;
  const key = `${functionName || '(anonymous)'} ${url ? `${path.basename(url)}:${lineNumber + 1}` : ''}`;
  self.set(key, (self.get(key) ?? 0) + n);
  busy += n;
}
const idle = [...counts].filter(([id]) => byId.get(id).callFrame.functionName === '(idle)').reduce((a, [, n]) => a + n, 0);
console.log(`samples: ${profile.samples.length}, busy ${busy}, idle ${idle}`);
for (const [k, n] of [...self].sort((a, b) => b[1] - a[1]).slice(0, top)) {
  console.log(`${((n / busy) * 100).toFixed(1).padStart(5)}%  ${k}`);
}

// Inclusive time of each function (what it and its callees cost), counted once per sample.
if (process.env.INCLUSIVE) {
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const incl = new Map();
  for (const [id, n] of counts) {
    const seen = new Set();
    for (let q = id; q !== undefined; q = parent.get(q)) {
      const { functionName, url, lineNumber } = byId.get(q).callFrame;
      const key = `${functionName || '(anonymous)'} ${url ? `${path.basename(url)}:${lineNumber + 1}` : ''}`;
      if (seen.has(key)) continue;
      seen.add(key);
      incl.set(key, (incl.get(key) ?? 0) + n);
    }
  }
  console.log('\ninclusive:');
  for (const [k, n] of [...incl].sort((a, b) => b[1] - a[1]).slice(0, top)) {
    console.log(`${((n / busy) * 100).toFixed(1).padStart(5)}%  ${k}`);
  }
}
