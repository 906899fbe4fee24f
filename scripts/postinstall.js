#!/usr/bin/env node
'use strict';
// `npm install`'s last step. Two jobs, and neither may fail the install:
// 1. apply patches/ (patch-package), which does fail it when a patch no longer applies;
// 2. fetch Electron's binary where its download host answers. package.json's allowScripts denies
//    electron's own postinstall, because on a machine that cannot reach the host it failed the
//    whole install after about a minute and npm rolled everything back. Here a host that does not
//    answer within a few seconds is one line of output, and `npm start` runs headless.
// Plain CommonJS so it runs before anything is built.
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const net = require('node:net');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const PROBE_MS = 5000;

function patch() {
  const r = spawnSync(process.execPath, [require.resolve('patch-package/index.js', { paths: [root] })], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

/** The host @electron/get downloads from: a configured mirror, else GitHub's releases. */
function downloadHost(env) {
  const mirror = env.ELECTRON_MIRROR || env.npm_config_electron_mirror || env.NPM_CONFIG_ELECTRON_MIRROR;
  if (mirror) {
    try {
      const u = new URL(mirror);
      return { host: u.hostname, port: Number(u.port) || (u.protocol === 'http:' ? 80 : 443) };
    } catch {
      return null;
    }
  }
  return { host: 'github.com', port: 443 };
}

/** Resolves true when a TCP connection to the host opens within PROBE_MS. */
function reachable(target) {
  return new Promise((resolve) => {
    const socket = net.connect(target.port, target.host);
    const done = (ok) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(PROBE_MS, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

/**
 * Runs electron's install.js when its download host answers; otherwise says so in one line.
 * Resolves to what happened (for the tests): 'absent' | 'skipped' | 'unreachable' | 'installed' | 'failed'.
 */
async function electronBinary(env, dir = root, log = console.log) {
  const installJs = path.join(dir, 'node_modules', 'electron', 'install.js');
  if (!fs.existsSync(installJs)) return 'absent'; // npm ci --omit=dev: no Electron at all
  if (env.ELECTRON_SKIP_BINARY_DOWNLOAD) return 'skipped'; // asked for (CI): nothing to say
  const say = (why) =>
    log(`Electron's binary was not downloaded (${why}); everything but the desktop window works and \`npm start\` runs headless. \`npm run electron:download\` fetches it later.`);
  const target = downloadHost(env);
  if (!target) {
    say('ELECTRON_MIRROR is not a URL');
    return 'unreachable';
  }
  // A proxy may reach the host when a direct connection cannot: let @electron/get try then.
  const viaProxy = env.ELECTRON_GET_USE_PROXY && (env.HTTPS_PROXY || env.https_proxy || env.GLOBAL_AGENT_HTTPS_PROXY);
  if (!viaProxy && !(await reachable(target))) {
    say(`${target.host} did not answer`);
    return 'unreachable';
  }
  const r = spawnSync(process.execPath, [installJs], { cwd: path.dirname(installJs), stdio: 'inherit', env });
  if (r.status === 0) return 'installed';
  say('the download failed');
  return 'failed';
}

async function main() {
  patch();
  await electronBinary(process.env);
}

if (require.main === module) void main();

module.exports = { downloadHost, reachable, electronBinary };
