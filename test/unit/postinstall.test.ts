import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

// scripts/postinstall.js is plain CommonJS (it runs before anything is built).
const req = createRequire(__filename);
const { downloadHost, electronBinary } = req('../../scripts/postinstall.js') as {
  downloadHost(env: NodeJS.ProcessEnv): { host: string; port: number } | null;
  electronBinary(env: NodeJS.ProcessEnv, dir: string, log: (line: string) => void): Promise<string>;
};

let dir: string;
let marker: string;
const servers: net.Server[] = [];

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hd-postinstall-'));
  marker = path.join(dir, 'ran');
  // A stand-in for electron's install.js: records that it ran, and succeeds.
  fs.mkdirSync(path.join(dir, 'node_modules', 'electron'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'node_modules', 'electron', 'install.js'), `require('fs').writeFileSync(${JSON.stringify(marker)}, 'yes');\n`);
});
afterEach(async () => {
  for (const s of servers.splice(0)) await new Promise((r) => s.close(r));
  fs.rmSync(dir, { recursive: true, force: true });
});

async function listening(): Promise<number> {
  const s = net.createServer((c) => c.destroy());
  servers.push(s);
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  return (s.address() as net.AddressInfo).port;
}

/** A port nothing listens on: bound, then closed. */
async function closedPort(): Promise<number> {
  const s = net.createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const port = (s.address() as net.AddressInfo).port;
  await new Promise((r) => s.close(r));
  return port;
}

describe('postinstall: Electron binary', () => {
  it('downloads from github.com unless a mirror is configured (as @electron/get does)', () => {
    expect(downloadHost({})).toEqual({ host: 'github.com', port: 443 });
    expect(downloadHost({ ELECTRON_MIRROR: 'https://npmmirror.com/mirrors/electron/' })).toEqual({ host: 'npmmirror.com', port: 443 });
    expect(downloadHost({ npm_config_electron_mirror: 'http://10.0.0.5:8081/electron/' })).toEqual({ host: '10.0.0.5', port: 8081 });
    expect(downloadHost({ ELECTRON_MIRROR: 'not a url' })).toBeNull();
  });

  it('an unreachable download host is one line and no attempt: the install goes on', async () => {
    const port = await closedPort();
    const lines: string[] = [];
    const t0 = Date.now();
    expect(await electronBinary({ ELECTRON_MIRROR: `http://127.0.0.1:${port}/` }, dir, (l) => lines.push(l))).toBe('unreachable');
    expect(Date.now() - t0).toBeLessThan(5000);
    expect(fs.existsSync(marker)).toBe(false);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/not downloaded \(127\.0\.0\.1 did not answer\).*npm run electron:download/);
  });

  it('runs electron\'s own install where the host answers', async () => {
    const port = await listening();
    const lines: string[] = [];
    expect(await electronBinary({ ELECTRON_MIRROR: `http://127.0.0.1:${port}/` }, dir, (l) => lines.push(l))).toBe('installed');
    expect(fs.readFileSync(marker, 'utf8')).toBe('yes');
    expect(lines).toEqual([]);
  });

  it('says nothing and tries nothing when ELECTRON_SKIP_BINARY_DOWNLOAD is set, or without electron (--omit=dev)', async () => {
    const port = await listening();
    const lines: string[] = [];
    expect(await electronBinary({ ELECTRON_SKIP_BINARY_DOWNLOAD: '1', ELECTRON_MIRROR: `http://127.0.0.1:${port}/` }, dir, (l) => lines.push(l))).toBe('skipped');
    fs.rmSync(path.join(dir, 'node_modules'), { recursive: true });
    expect(await electronBinary({ ELECTRON_MIRROR: `http://127.0.0.1:${port}/` }, dir, (l) => lines.push(l))).toBe('absent');
    expect(fs.existsSync(marker)).toBe(false);
    expect(lines).toEqual([]);
  });

  it('package.json denies electron\'s own postinstall and runs ours', () => {
    const pkg = JSON.parse(fs.readFileSync(path.resolve(__dirname, '..', '..', 'package.json'), 'utf8')) as {
      allowScripts: Record<string, boolean>;
      scripts: Record<string, string>;
    };
    expect(pkg.allowScripts.electron).toBe(false);
    expect(pkg.allowScripts['better-sqlite3']).toBe(true);
    expect(pkg.scripts.postinstall).toBe('node scripts/postinstall.js');
  });
});
