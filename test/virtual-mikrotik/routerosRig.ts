import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterEach } from 'vitest';
import { defaultConfig } from '../../src-main/config';
import { openDataDirDatabase } from '../../src-main/db';
import { createSecretBox } from '../../src-main/secrets';
import { createBus } from '../../src-main/bus';
import { createLogger, silentLogger } from '../../src-main/log';
import { systemClock } from '../../src-main/clock';
import { createSettingsStore } from '../../src-main/settingsStore';
import { createRouterStore, type RouterInput } from '../../src-main/routers';
import { createRouterOs, type RouterOsDeps } from '../../src-main/routeros';
import type { CoreDeps } from '../../src-main/deps';
import { createEvents } from '../../src-main/afterCommit';
import { tmpDir } from '../helpers/tmp';
import { createVirtualRouterOsApi, type VirtualRouterOsApi, type VirtualRouterOsApiOptions } from './routeros-api';
import { ROUTER_PAGES } from '../../src-main/portal/routerPages';

/**
 * A RouterOS sync subsystem on its own temp data dir, wired to virtual routers over real TCP.
 * Everything is torn down after each test.
 */

const cleanups: Array<() => Promise<void> | void> = [];

afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

export const RADIUS_SECRET = 'radius-secret-XYZ';
export const API_PASSWORD = 'admin-pass';

export async function startSimulator(opts: VirtualRouterOsApiOptions = {}): Promise<VirtualRouterOsApi> {
  const sim = createVirtualRouterOsApi(opts);
  await sim.start();
  cleanups.push(() => sim.stop());
  return sim;
}

/** A tiny HTTP server standing in for the portal's router pages (login.html and the others). */
export async function startPortal(body = '<html><body>HotspotDesk login $(mac)</body></html>'): Promise<{ url: string; setBody(b: string): void; close(): Promise<void> }> {
  let page = body;
  const server = http.createServer((req, res) => {
    // Every page the real portal serves for routers; each names itself so files can be told apart.
    const name = /^\/router\/([a-z]+\.html)\?/.exec(req.url ?? '')?.[1];
    if (name && (ROUTER_PAGES as readonly string[]).includes(name)) {
      res.writeHead(200, { 'content-type': 'text/html' }).end(name === 'login.html' ? page : `${page}<!-- ${name} -->`);
    } else res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const close = () => new Promise<void>((resolve) => server.close(() => resolve()));
  cleanups.push(close);
  return { url, setBody: (b) => (page = b), close };
}

export interface RigOptions {
  portalUrl?: string | null;
  timeouts?: RouterOsDeps['timeouts'];
  /** Write logs to a file (to check that no secret reaches them). */
  logFile?: string;
  serverAddress?: string;
}

export async function routerOsRig(opts: RigOptions = {}) {
  const dataDir = tmpDir('hsd-ros-');
  const db = openDataDirDatabase(dataDir);
  const log = opts.logFile ? createLogger({ level: 'debug', destination: opts.logFile }) : silentLogger();
  const secrets = createSecretBox(crypto.randomBytes(32));
  const bus = createBus(() => undefined);
  const deps: CoreDeps = {
    config: { ...defaultConfig(), dataDir, radiusAuthPort: 18120, radiusAcctPort: 18130, portalPort: 0, logLevel: 'silent' },
    db,
    clock: systemClock,
    log,
    secrets,
    bus,
    events: createEvents(db, bus),
    settings: createSettingsStore(db, secrets),
  };
  if (opts.serverAddress !== undefined) deps.settings.update({ network: { serverAddress: opts.serverAddress } });
  const routers = createRouterStore(deps);
  let portal: string | null = opts.portalUrl ?? null;
  const ros = createRouterOs({
    ...deps,
    routers,
    portalUrl: () => portal,
    statusPollMs: 0,
    // Short timeouts so fault tests finish fast; real defaults are seconds.
    timeouts: { connectTimeoutMs: 1500, callTimeoutMs: 1500, idleTimeoutMs: 30_000, ...opts.timeouts },
  });
  await ros.start();
  cleanups.push(async () => {
    await ros.stop();
    db.close();
  });

  let n = 0;
  /** Adds a router pointing at `sim` (admin user, hotspot on `bridge`). */
  function addRouter(sim: VirtualRouterOsApi | null, over: Partial<RouterInput> = {}) {
    n++;
    return routers.create({
      name: `AP-${n}`,
      nasIp: `10.0.0.${n}`,
      secret: RADIUS_SECRET,
      host: sim ? sim.host : null,
      apiPort: sim ? sim.port() : null,
      apiUser: 'admin',
      apiPassword: API_PASSWORD,
      hotspotInterface: 'bridge',
      ...over,
    });
  }

  function statusOf(id: number) {
    return db.prepare('SELECT status_reachable, status_last_error, status_last_sync_at, status_version, status_identity FROM routers WHERE id = ?').get(id) as {
      status_reachable: number | null;
      status_last_error: string | null;
      status_last_sync_at: number | null;
      status_version: string | null;
      status_identity: string | null;
    };
  }

  return { deps, db, ros, routers, addRouter, statusOf, setPortalUrl: (u: string | null) => (portal = u), dataDir };
}

export function readLog(file: string): string {
  return fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
}

export function logFileIn(dir: string): string {
  return path.join(dir, 'test.log');
}

/** Commands that change the router (for "the second configure writes nothing"). */
export function writeCommands(sim: VirtualRouterOsApi, from = 0) {
  return sim.commands.slice(from).filter((c) => /\/(add|set|remove)$/.test(c.command) || c.command === '/tool/fetch');
}
