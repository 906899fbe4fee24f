import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';

export const BUILT_SERVER = path.resolve(__dirname, '../../build/main/src-main/server.js');

export function requireBuild(): void {
  if (!fs.existsSync(BUILT_SERVER)) throw new Error(`${BUILT_SERVER} is missing: run \`npm run build:main\` first (npm test does).`);
}

export interface ServerProcess {
  child: ChildProcess;
  /** Resolves with the admin URL from the `ready admin=<url>` line, or rejects with stderr if it exits first. */
  ready: Promise<string>;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string; stdout: string }>;
}

export interface SpawnOptions {
  /** Rejects `ready` (and kills the process) if no ready line came by then. Default: no limit. */
  readyTimeoutMs?: number;
}

/**
 * Runs the compiled headless server as a real process (what `npm run serve` runs). The one
 * spawner for everything that starts the built server: serverProcess tests, the e2e helper.
 */
export function spawnServer(args: string[], env: NodeJS.ProcessEnv = {}, opts: SpawnOptions = {}): ServerProcess {
  requireBuild();
  const child = spawn(process.execPath, [BUILT_SERVER, ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  let stdout = '';
  child.stderr!.on('data', (d) => (stderr += d));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string; stdout: string }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal, stderr, stdout })),
  );
  const ready = new Promise<string>((resolve, reject) => {
    const rl = readline.createInterface({ input: child.stdout! });
    // The ready deadline's timer: cleared once ready, so it never SIGKILLs a server that started.
    let deadline: NodeJS.Timeout | undefined;
    rl.on('line', (line) => {
      stdout += `${line}\n`;
      const m = /^ready admin=(\S+)$/.exec(line);
      if (m) {
        clearTimeout(deadline);
        resolve(m[1]!);
      }
    });
    void exited.then((e) => reject(new Error(`server exited (${e.code}) before ready: ${e.stderr}`)));
    if (opts.readyTimeoutMs !== undefined) {
      const timer = (deadline = setTimeout(() => {
        reject(new Error(`server did not print "ready admin=" within ${opts.readyTimeoutMs} ms\n${stderr}`));
        child.kill('SIGKILL');
      }, opts.readyTimeoutMs));
      const clear = () => clearTimeout(timer);
      rl.once('close', clear);
      void exited.then(clear);
    }
  });
  ready.catch(() => {});
  return { child, ready, exited };
}
