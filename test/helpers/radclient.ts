import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { it } from 'vitest';
import { tmpDir } from './tmp';

/**
 * The radclient binary: $RADCLIENT if set (a build elsewhere, or a path that does not exist to
 * try the "missing" behaviour), else the first `radclient` on PATH; null when there is none.
 */
export function findRadclient(env: NodeJS.ProcessEnv = process.env): string | null {
  const candidates = env.RADCLIENT
    ? [env.RADCLIENT]
    : (env.PATH ?? '').split(path.delimiter).filter(Boolean).map((d) => path.join(d, 'radclient'));
  return candidates.find((p) => {
    try {
      fs.accessSync(p, fs.constants.X_OK);
      return fs.statSync(p).isFile();
    } catch {
      return false;
    }
  }) ?? null;
}

/** Under CI a missing radclient is a broken environment, not a reason to skip. */
export function isCi(env: NodeJS.ProcessEnv = process.env): boolean {
  const v = env.CI;
  return v !== undefined && v !== '' && v !== '0' && v.toLowerCase() !== 'false';
}

export type RadclientMode = 'run' | 'skip' | 'fail';

/** run: radclient is there; skip: it is missing on a developer's machine; fail: missing under CI. */
export function radclientMode(env: NodeJS.ProcessEnv = process.env): RadclientMode {
  if (findRadclient(env)) return 'run';
  return isCi(env) ? 'fail' : 'skip';
}

export const RADCLIENT_MISSING =
  'radclient (FreeRADIUS, Debian package freeradius-utils) is not installed; the RADIUS interop tests need it';

type TestFn = (name: string, fn: () => Promise<void> | void, timeout?: number) => void;

/**
 * `it` for a test that drives radclient. Missing radclient: skipped locally (saying so once), but
 * under CI each such test fails with the reason, so the interop check cannot quietly vanish.
 */
export function radclientIt(env: NodeJS.ProcessEnv = process.env): TestFn {
  const mode = radclientMode(env);
  if (mode === 'run') return it;
  if (mode === 'skip') {
    process.stderr.write(`${RADCLIENT_MISSING}: skipping them (under CI they fail).\n`);
    return it.skip;
  }
  return (name, _fn, timeout) =>
    it(name, () => {
      throw new Error(`${RADCLIENT_MISSING}, and CI is set: install it (the CI image's .ci/run does).`);
    }, timeout);
}

/**
 * FreeRADIUS's radclient (Debian freeradius-utils) as an independent RADIUS client. The secret
 * goes through a 0600 file (-S), not argv, so it never shows in a process list.
 */
export async function radclient(opts: {
  port: number;
  kind: 'auth' | 'acct' | 'status';
  secret: string;
  packets: string;
  extraArgs?: string[];
}): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const dir = tmpDir('hsd-radclient-');
  const secretFile = path.join(dir, 'secret');
  fs.writeFileSync(secretFile, opts.secret, { mode: 0o600 });
  const args = ['-x', '-r', '2', '-t', '2', ...(opts.extraArgs ?? []), '-S', secretFile, `127.0.0.1:${opts.port}`, opts.kind];
  const bin = findRadclient();
  if (!bin) throw new Error(RADCLIENT_MISSING);
  const child = spawn(bin, args, { stdio: ['pipe', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += d));
  child.stderr.on('data', (d) => (stderr += d));
  child.stdin.end(opts.packets);
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  return { code, stdout, stderr };
}
