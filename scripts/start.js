#!/usr/bin/env node
'use strict';
// `npm start` (after the build): the desktop app when Electron's binary is installed, otherwise
// the headless server with the same arguments. Plain CommonJS so it runs with no build step.
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const args = process.argv.slice(2);

/** Path of the Electron executable, or null when the package was installed without its binary. */
function electronBinary() {
  try {
    // The electron package exports the binary's path; it throws when the download was skipped.
    const bin = require('electron');
    return typeof bin === 'string' && fs.existsSync(bin) ? bin : null;
  } catch {
    return null;
  }
}

const bin = electronBinary();
let child;
if (bin) {
  child = spawn(bin, [root, ...args], { stdio: 'inherit' });
} else {
  console.log("Electron's binary is not installed (`npm run electron:download` fetches it), so the headless server is starting instead: open the admin URL it prints.");
  child = spawn(process.execPath, [path.join(root, 'build', 'main', 'src-main', 'server.js'), ...args], { stdio: 'inherit' });
}

function stopChild(signal) {
  if (child.exitCode === null && child.signalCode === null) child.kill(signal);
}

// Ctrl-C reaches the whole foreground group; SIGTERM (a supervisor, `kill`) reaches only us: pass
// both on, so the server (or Electron) closes its ports. The server ignores a second signal.
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => stopChild(signal === 'SIGHUP' ? 'SIGTERM' : signal));
}

// `npm start` runs us under `sh -c`; a SIGTERM to npm reaches only that shell, which dies without
// passing it on, and we would keep the server running under init. Being re-parented means
// whoever started us is gone: stop the server too. (Windows has no re-parenting; npm there kills
// the process tree.)
const parentAtStart = process.ppid;
const orphanWatch = setInterval(() => {
  if (process.ppid !== parentAtStart) {
    clearInterval(orphanWatch);
    stopChild('SIGTERM');
  }
}, 250);
// The child keeps us alive while it runs; this timer must not.
orphanWatch.unref();

child.on('error', (err) => {
  console.error(`Could not start ${bin ? 'Electron' : 'the headless server'}: ${err.message}`);
  process.exit(1);
});

child.on('exit', (code, signal) => {
  if (code !== null) process.exit(code);
  process.exit(128 + (os.constants.signals[signal] ?? 1));
});
