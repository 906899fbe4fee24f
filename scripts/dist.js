#!/usr/bin/env node
'use strict';
// `npm run dist` (after `npm run build`): the installers for this OS (electron-builder.yml) into
// release/, e.g. `npm run dist -- --win` or `-- --linux AppImage`. electron-builder rebuilds
// better-sqlite3 in node_modules for Electron's ABI; the tests and the headless server need the
// Node build, so it is put back afterwards whether or not packaging worked.
const { spawnSync } = require('node:child_process');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const run = (cmd, args) => spawnSync(cmd, args, { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' }).status ?? 1;

const builder = path.join(root, 'node_modules', 'electron-builder', 'cli.js');
const status = run(process.execPath, [builder, '--publish', 'never', ...process.argv.slice(2)]);
const restored = run(npm, ['rebuild', 'better-sqlite3']);
if (restored !== 0) console.error('dist: could not rebuild better-sqlite3 for Node; run `npm rebuild better-sqlite3` before the tests.');
process.exit(status || restored);
