import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import readline from 'node:readline';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { requireBuild } from '../helpers/builtServer';
import { tmpDir } from '../helpers/tmp';

// `npm start` is `npm run build && node scripts/start.js`: npm runs it under `sh -c` and, on
// SIGTERM, signals only that shell. These tests run scripts/start.js as real processes the same
// way (this machine has no Electron binary, so it starts the headless server) and check that the
// server it started lets go of its ports.

const START = path.resolve(__dirname, '..', '..', 'scripts', 'start.js');
const SERVER_ARGS = ['--admin-port', '0', '--portal-port', '0', '--radius-auth-port', '0', '--radius-acct-port', '0', '--bind', '127.0.0.1', '--log-level', 'warn'];

interface Started {
  proc: ChildProcess;
  /** start.js's pid (for clean-up when a test fails). */
  startPid: Promise<number>;
  adminUrl: Promise<string>;
  /** Resolves when no process holds our stdout pipe any more: start.js and the server have both exited. */
  allGone: Promise<void>;
}

const started: Started[] = [];
afterEach(async () => {
  // A failed test must not leave a server behind: start.js forwards SIGTERM to it.
  for (const s of started.splice(0)) {
    const pid = await Promise.race([s.startPid, Promise.resolve(null)]);
    try {
      if (pid !== null) process.kill(pid, 'SIGTERM');
    } catch {
      // already gone: what the test wanted
    }
  }
});
beforeAll(() => requireBuild());

function run(viaShell: boolean): Started {
  const dataDir = tmpDir();
  const argv = [START, '--data-dir', dataDir, ...SERVER_ARGS];
  const quoted = [process.execPath, ...argv].map((a) => `'${a}'`).join(' ');
  // `echo $$` then the command as npm's shell runs it (dash waits for it; it does not exec it).
  const proc = viaShell
    ? spawn('sh', ['-c', `echo "pid=$$"; ${quoted}; echo "exit=$?"`], { stdio: ['ignore', 'pipe', 'pipe'] })
    : spawn(process.execPath, argv, { stdio: ['ignore', 'pipe', 'pipe'] });
  let resolvePid!: (n: number) => void;
  let resolveUrl!: (u: string) => void;
  const startPid = new Promise<number>((r) => (resolvePid = r));
  const adminUrl = new Promise<string>((r) => (resolveUrl = r));
  if (!viaShell) resolvePid(proc.pid!);
  const rl = readline.createInterface({ input: proc.stdout! });
  rl.on('line', (line) => {
    const m = /^ready admin=(\S+)$/.exec(line);
    if (m) resolveUrl(m[1]!);
  });
  // The shell's own pid is not start.js's: ask the OS for its child once the server is up.
  if (viaShell) void adminUrl.then(() => resolvePid(childOf(proc.pid!)));
  const allGone = new Promise<void>((r) => proc.stdout!.on('close', () => r()));
  const s = { proc, startPid, adminUrl, allGone };
  started.push(s);
  return s;
}

function childOf(pid: number): number {
  const kids = fs.readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).map(Number);
  return kids[0]!;
}

function refused(url: string): Promise<boolean> {
  const u = new URL(url);
  return new Promise((resolve) => {
    const sock = net.connect(Number(u.port), u.hostname);
    sock.once('connect', () => {
      sock.destroy();
      resolve(false);
    });
    sock.once('error', () => resolve(true));
  });
}

/** Fails with a readable reason instead of hanging until vitest's timeout. */
function within<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  return Promise.race([p, new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`${what} within ${ms} ms`)), ms).unref())]);
}

describe('npm start stops the server it started', () => {
  it('SIGTERM to start.js stops the server (exit 0, port closed)', async () => {
    const s = run(false);
    const url = await within(s.adminUrl, 20_000, 'server ready');
    expect(await refused(url)).toBe(false);
    const exited = new Promise<number | null>((r) => s.proc.on('exit', (code) => r(code)));
    s.proc.kill('SIGTERM');
    expect(await exited).toBe(0);
    await within(s.allGone, 10_000, 'server gone');
    expect(await refused(url)).toBe(true);
  }, 40_000);

  it('SIGTERM to the shell npm runs it in (which dies without passing it on) stops the server too', async () => {
    const s = run(true);
    const url = await within(s.adminUrl, 20_000, 'server ready');
    expect(await refused(url)).toBe(false);
    const startPid = await s.startPid;
    expect(startPid).not.toBe(s.proc.pid);
    s.proc.kill('SIGTERM');
    await within(s.allGone, 10_000, 'start.js and the server gone after the shell was killed');
    expect(await refused(url)).toBe(true);
  }, 40_000);
});
