import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { tmpDir } from './tmp';

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
  const child = spawn('radclient', args, { stdio: ['pipe', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += d));
  child.stderr.on('data', (d) => (stderr += d));
  child.stdin.end(opts.packets);
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  return { code, stdout, stderr };
}

export function hasRadclient(): boolean {
  return ['/usr/bin/radclient', '/usr/local/bin/radclient'].some((p) => fs.existsSync(p));
}
