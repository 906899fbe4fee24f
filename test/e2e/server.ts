import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';

const root = path.resolve(__dirname, '..', '..');
const SERVER = path.join(root, 'build', 'main', 'src-main', 'server.js');
const UI = path.join(root, 'build', 'renderer', 'index.html');

export interface HeadlessServer {
  /** The admin URL with `#token=…`. */
  url: string;
  origin: string;
  token: string;
  dataDir: string;
  /** Admin API call over HTTP (to check what the UI did, and did not do). */
  api<T = unknown>(method: string, input?: unknown): Promise<T>;
  stop(): Promise<number | null>;
}

/** Starts the built headless server on free ports in a fresh data dir and waits for `ready admin=`. */
export async function startHeadlessServer(): Promise<HeadlessServer> {
  for (const f of [SERVER, UI]) {
    if (!fs.existsSync(f)) throw new Error(`${path.relative(root, f)} is missing: run \`npm run build\` before the e2e tests.`);
  }
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hotspotdesk-e2e-'));
  const child: ChildProcess = spawn(
    process.execPath,
    [SERVER, '--data-dir', dataDir, '--admin-port', '0', '--portal-port', '0', '--radius-auth-port', '0', '--radius-acct-port', '0', '--log-level', 'warn'],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));

  const kill = () => {
    if (child.exitCode === null) child.kill('SIGTERM');
  };
  const printed = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not print "ready admin=" within 20 s\n${stderr}`)), 20_000);
    const lines = readline.createInterface({ input: child.stdout! });
    lines.on('line', (line) => {
      const m = /^ready admin=(\S+)/.exec(line);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    });
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code} before it was ready\n${stderr}`));
    });
  }).catch(async (err: unknown) => {
    kill();
    await exited;
    fs.rmSync(dataDir, { recursive: true, force: true });
    throw err;
  });

  const u = new URL(printed);
  // The server prints the bare URL and names the token file on stderr; the owner opens
  // `<url>#token=<token from the file>` (or pastes the token on the sign-in screen).
  const token = new URLSearchParams(u.hash.slice(1)).get('token') ?? fs.readFileSync(path.join(dataDir, 'admin-token'), 'utf8').trim();
  const origin = u.origin;
  return {
    url: `${origin}/#token=${encodeURIComponent(token)}`,
    origin,
    token,
    dataDir,
    async api<T>(method: string, input: unknown = {}) {
      const res = await fetch(`${origin}/api/${method}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
        body: JSON.stringify(input),
      });
      const body = (await res.json()) as { ok: boolean; value?: T; error?: { message: string } };
      if (!body.ok) throw new Error(`${method}: ${body.error?.message}`);
      return body.value as T;
    },
    async stop() {
      kill();
      const code = await exited;
      fs.rmSync(dataDir, { recursive: true, force: true });
      return code;
    },
  };
}
