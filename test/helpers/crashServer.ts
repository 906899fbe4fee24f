import { spawn, type ChildProcess } from 'node:child_process';
import dgram from 'node:dgram';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import readline from 'node:readline';

/**
 * The built headless server as the crash stress runs it: one data dir, fixed ports (so the load
 * generator's "router" keeps sending to the same place across restarts, as a real router does),
 * killed with SIGKILL and started again.
 *
 * This file is compiled twice: by vitest in place, and by tsconfig.stress.json into build/stress
 * for `npm run stress:crash`. So the repository root is found by walking up to its package.json,
 * not by a fixed `../..` from __dirname (which differs between the two).
 */
export function repoRoot(): string {
  let dir = __dirname;
  for (;;) {
    const pkg = path.join(dir, 'package.json');
    if (fs.existsSync(pkg) && (JSON.parse(fs.readFileSync(pkg, 'utf8')) as { name?: string }).name === 'hotspotdesk') return dir;
    const up = path.dirname(dir);
    if (up === dir) throw new Error(`no hotspotdesk package.json above ${__dirname}`);
    dir = up;
  }
}

export function builtServerPath(): string {
  const p = path.join(repoRoot(), 'build', 'main', 'src-main', 'server.js');
  if (!fs.existsSync(p)) throw new Error(`${p} is missing: run \`npm run build:main\` first.`);
  return p;
}

export interface CrashPorts {
  admin: number;
  portal: number;
  auth: number;
  acct: number;
}

async function freeTcpPort(): Promise<number> {
  const s = net.createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const port = (s.address() as net.AddressInfo).port;
  await new Promise<void>((r) => s.close(() => r()));
  return port;
}

async function freeUdpPort(): Promise<number> {
  const s = dgram.createSocket('udp4');
  await new Promise<void>((r) => s.bind(0, '127.0.0.1', r));
  const port = s.address().port;
  await new Promise<void>((r) => s.close(() => r()));
  return port;
}

/**
 * Ports chosen once for the whole run. The OS picks them (port 0) and we hand the same numbers to
 * every restart: the server itself is also run with these, so a port taken in between shows up as
 * PORT_IN_USE on restart rather than as a silent move.
 */
export async function pickPorts(): Promise<CrashPorts> {
  return { admin: await freeTcpPort(), portal: await freeTcpPort(), auth: await freeUdpPort(), acct: await freeUdpPort() };
}

export interface RunningCrashServer {
  child: ChildProcess;
  adminUrl: string;
  /** Milliseconds from spawn to the `ready admin=` line. */
  startMs: number;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  stderr(): string;
}

/** Spawns the built server and resolves once it printed `ready admin=<url>`. */
export async function startCrashServer(dataDir: string, ports: CrashPorts, readyTimeoutMs = 20_000): Promise<RunningCrashServer> {
  const t0 = Date.now();
  const args = [
    builtServerPath(), '--data-dir', dataDir, '--bind', '127.0.0.1', '--admin-bind', '127.0.0.1',
    '--admin-port', String(ports.admin), '--portal-port', String(ports.portal),
    '--radius-auth-port', String(ports.auth), '--radius-acct-port', String(ports.acct), '--log-level', 'warn',
  ];
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let err = '';
  child.stderr!.on('data', (d: Buffer) => {
    err += d.toString();
    if (err.length > 20_000) err = err.slice(-10_000);
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  const adminUrl = await new Promise<string>((resolve, reject) => {
    const rl = readline.createInterface({ input: child.stdout! });
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`server not ready within ${readyTimeoutMs} ms: ${err}`));
    }, readyTimeoutMs);
    rl.on('line', (line) => {
      const m = /^ready admin=(\S+)$/.exec(line);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    });
    void exited.then((e) => {
      clearTimeout(timer);
      reject(new Error(`server exited (${e.code ?? e.signal}) before ready: ${err}`));
    });
  });
  return { child, adminUrl: adminUrl.replace(/\/$/, ''), startMs: Date.now() - t0, exited, stderr: () => err };
}

/** What a power cut or a crash does to the process: no handler runs, nothing is flushed by us. */
export async function killHard(s: RunningCrashServer): Promise<void> {
  if (s.child.exitCode === null && s.child.signalCode === null) s.child.kill('SIGKILL');
  await s.exited;
}

/** A clean stop at the end of the run (SIGTERM: the server closes everything and exits 0). */
export async function stopClean(s: RunningCrashServer): Promise<number | null> {
  if (s.child.exitCode === null && s.child.signalCode === null) s.child.kill('SIGTERM');
  return (await s.exited).code;
}
