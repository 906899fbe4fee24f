// Copies the non-TypeScript files the main process reads at run time (SQL migrations) next to
// the compiled JavaScript in build/main, mirroring the source layout.
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
// Output folder: build/main by default; the demo build passes build/demo.
const out = path.resolve(root, process.argv[2] ?? 'build/main');
const dirs = ['src-main/db/migrations'];
for (const rel of dirs) {
  const from = path.join(root, rel);
  const to = path.join(out, rel);
  fs.mkdirSync(to, { recursive: true });
  for (const f of fs.readdirSync(from)) fs.copyFileSync(path.join(from, f), path.join(to, f));
}
