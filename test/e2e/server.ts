import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnServer } from '../helpers/builtServer';
import { httpCall, okFor, type ApiCall, type Ok } from '../helpers/api';

const root = path.resolve(__dirname, '..', '..');
const UI = path.join(root, 'build', 'renderer', 'index.html');

export interface HeadlessServer {
  /** The admin URL with `#token=…`. */
  url: string;
  origin: string;
  token: string;
  dataDir: string;
  /** Admin API call over HTTP (to check what the UI did, and did not do), typed by the contract. */
  api: Ok;
  /** The raw reply, for checking refusals. */
  call: ApiCall;
  stop(): Promise<number | null>;
}

export interface HeadlessServerOptions {
  /**
   * Leave the first-run wizard to come up (its own spec). Default false: every other spec starts
   * where an owner who finished setup is, on the dashboard.
   */
  firstRun?: boolean;
}

/** Starts the built headless server on free ports in a fresh data dir and waits for `ready admin=`. */
export async function startHeadlessServer(opts: HeadlessServerOptions = {}): Promise<HeadlessServer> {
  if (!fs.existsSync(UI)) throw new Error(`${path.relative(root, UI)} is missing: run \`npm run build\` before the e2e tests.`);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hotspotdesk-e2e-'));
  const server = spawnServer(
    ['--data-dir', dataDir, '--admin-port', '0', '--portal-port', '0', '--radius-auth-port', '0', '--radius-acct-port', '0', '--log-level', 'warn'],
    {},
    { readyTimeoutMs: 20_000 },
  );
  const stop = async () => {
    if (server.child.exitCode === null && server.child.signalCode === null) server.child.kill('SIGTERM');
    const { code } = await server.exited;
    fs.rmSync(dataDir, { recursive: true, force: true });
    return code;
  };
  const printed = await server.ready.catch(async (err: unknown) => {
    await stop();
    throw err;
  });

  const u = new URL(printed);
  // The server prints the bare URL and names the token file on stderr; the owner opens
  // `<url>#token=<token from the file>` (or pastes the token on the sign-in screen).
  const token = new URLSearchParams(u.hash.slice(1)).get('token') ?? fs.readFileSync(path.join(dataDir, 'admin-token'), 'utf8').trim();
  const origin = u.origin;
  const call = httpCall(origin, token);
  if (!opts.firstRun) await okFor(call)('settings.update', { setup: { done: true } });
  return {
    url: `${origin}/#token=${encodeURIComponent(token)}`,
    origin,
    token,
    dataDir,
    api: okFor(call),
    call,
    stop,
  };
}
