/**
 * Headless entry: `npm run serve` (and `npm start` where Electron's binary is missing).
 * Prints exactly one `ready admin=<url>` line on stdout once requests are accepted; exits 0 on
 * SIGTERM/SIGINT after closing everything; exits 1 with one line on stderr when it cannot start.
 */
import './productionMode';
import path from 'node:path';
import { parseConfig, type EngineConfig } from './config';
import { createEngine, type Engine, type EngineOptions } from './engine';
import { createAdminHttpApp } from './admin/http';
import { loadOrCreateAdminToken, ADMIN_TOKEN_FILE } from './admin/token';
import { createHttpDoor } from './httpDoor';
import { isAppError } from './errors';

export interface RunningServer {
  engine: Engine;
  adminUrl: string;
  token: string;
  close(): Promise<void>;
}

/**
 * Starts the engine (which serves its own doors: RADIUS, the portal) and adds the admin HTTP
 * bridge, the one door only the headless server has. Exported for tests, which run it in-process
 * on free ports.
 */
export async function startServer(config: EngineConfig, opts: EngineOptions = {}): Promise<RunningServer> {
  const engine = await createEngine(config, opts);
  try {
    await engine.start();
    const token = loadOrCreateAdminToken(config.dataDir);
    const app = createAdminHttpApp({
      call: (m, i, caller) => engine.call(m, i, caller),
      token,
      session: (t) => engine.accounts.session(t),
      rendererDir: path.resolve(__dirname, '..', '..', 'renderer'),
    });
    const admin = createHttpDoor({ name: 'admin', app, host: config.adminBind, port: config.adminPort, flag: '--admin-port', log: engine.log });
    await admin.start();
    let closed = false;
    return {
      engine,
      token,
      adminUrl: admin.url()!,
      async close() {
        if (closed) return;
        closed = true;
        await admin.stop();
        await engine.stop();
      },
    };
  } catch (e) {
    await engine.stop();
    throw e;
  }
}

async function main(): Promise<void> {
  let config: EngineConfig;
  try {
    config = parseConfig(process.argv.slice(2));
  } catch (e) {
    process.stderr.write(`hotspotdesk: ${(e as Error).message}\n`);
    process.exitCode = 2;
    return;
  }
  // Signal handlers go in before anything starts and before the ready line is printed: a
  // supervisor may send SIGTERM the moment it reads that line (or while we start).
  let running: RunningServer | null = null;
  let stopRequested: string | null = null;
  const shutdown = (signal: string) => {
    if (stopRequested) return;
    stopRequested = signal;
    if (!running) return; // still starting: stopped as soon as start finishes
    running.engine.log.info({ signal }, 'shutting down');
    running.close().then(
      () => {
        process.exitCode = 0;
      },
      (err: unknown) => {
        process.stderr.write(`hotspotdesk: error while stopping: ${(err as Error).message}\n`);
        process.exitCode = 1;
      },
    );
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));

  let started: RunningServer;
  try {
    started = await startServer(config);
  } catch (e) {
    const msg = isAppError(e) ? `${e.code}: ${e.message}` : `failed to start: ${(e as Error).message}`;
    process.stderr.write(`hotspotdesk: ${msg}\n`);
    process.exitCode = 1;
    return;
  }
  running = started;
  if (stopRequested) {
    const signal = stopRequested;
    stopRequested = null;
    shutdown(signal);
    return;
  }
  const tokenFile = path.join(config.dataDir, ADMIN_TOKEN_FILE);
  // The token itself is not printed (stdout is often captured into logs): the URL is, and the
  // owner opens it with the token from the file, or pastes the token on the login screen.
  process.stderr.write(
    `hotspotdesk: open ${started.adminUrl} to sign in with a password (set the first one from this PC); ` +
      `scripts use the admin token in ${tokenFile} (or open ${started.adminUrl}#token=<that token>)\n`,
  );
  process.stdout.write(`ready admin=${started.adminUrl}\n`);
}

if (require.main === module) void main();
