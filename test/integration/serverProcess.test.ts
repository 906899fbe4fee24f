import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import net from 'node:net';
import fs from 'node:fs';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { requireBuild, spawnServer, type ServerProcess } from '../helpers/builtServer';
import { tmpDir } from '../helpers/tmp';
import { httpCall, okFor } from '../helpers/api';

const procs: ServerProcess[] = [];
afterEach(() => {
  for (const p of procs.splice(0)) if (p.child.exitCode === null) p.child.kill('SIGKILL');
});
beforeAll(() => requireBuild());

const freePorts = ['--portal-port', '0', '--radius-auth-port', '0', '--radius-acct-port', '0', '--bind', '127.0.0.1'];

function run(args: string[]) {
  const p = spawnServer([...args, ...freePorts], { HOTSPOTDESK_LOG_LEVEL: 'warn' });
  procs.push(p);
  return p;
}

describe('headless server process', () => {
  it('prints one ready line, serves, and exits 0 on SIGTERM', async () => {
    const dir = tmpDir();
    const p = run(['--data-dir', dir, '--admin-port', '0']);
    const url = await p.ready;
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const token = fs.readFileSync(path.join(dir, 'admin-token'), 'utf8').trim();
    const r = await fetch(`${url}api/settings.get`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: '{}' });
    expect((await r.json()).ok).toBe(true);
    p.child.kill('SIGTERM');
    const e = await p.exited;
    expect(e.code).toBe(0);
    expect(e.stdout.match(/^ready /gm)).toHaveLength(1);
    expect(e.stderr).not.toContain(token);
  });

  it('exits on SIGINT too, and a restart reuses the data dir', async () => {
    const dir = tmpDir();
    const a = run(['--data-dir', dir, '--admin-port', '0']);
    await a.ready;
    a.child.kill('SIGINT');
    expect((await a.exited).code).toBe(0);
    const b = run(['--data-dir', dir, '--admin-port', '0']);
    await b.ready;
    b.child.kill('SIGTERM');
    expect((await b.exited).code).toBe(0);
  });

  it('exits 1 with one clear line when the admin port is taken', async () => {
    const blocker = net.createServer();
    await new Promise<void>((r) => blocker.listen(0, '127.0.0.1', r));
    const port = (blocker.address() as net.AddressInfo).port;
    try {
      const p = run(['--data-dir', tmpDir(), '--admin-port', String(port)]);
      const e = await p.exited;
      expect(e.code).toBe(1);
      expect(e.stderr.trim().split('\n')).toEqual([expect.stringMatching(new RegExp(`^hotspotdesk: PORT_IN_USE: Port ${port} .*in use`))]);
      expect(e.stderr).toContain('(admin). Stop the other program or pass --admin-port');
      expect(e.stdout).toBe('');
    } finally {
      blocker.close();
    }
  });

  it('exits 1 with one clear line when the data dir is unusable', async () => {
    const file = path.join(tmpDir(), 'a-file');
    fs.writeFileSync(file, 'x');
    const p = run(['--data-dir', path.join(file, 'sub'), '--admin-port', '0']);
    const e = await p.exited;
    expect(e.code).toBe(1);
    expect(e.stderr.trim()).toMatch(/^hotspotdesk: DATA_DIR_UNUSABLE: The data folder .* cannot be used/);
  });

  it('exits 2 naming a bad flag', async () => {
    const p = run(['--admin-port', 'x']);
    const e = await p.exited;
    expect(e.code).toBe(2);
    expect(e.stderr).toMatch(/--admin-port: must be a port number/);
  });

  it('redeems a recharge card exactly once when several processes race for it', async () => {
    const dir = tmpDir();
    // Set up a package and one card through a first server, then stop it.
    const p = run(['--data-dir', dir, '--admin-port', '0']);
    const url = await p.ready;
    const token = fs.readFileSync(path.join(dir, 'admin-token'), 'utf8').trim();
    const ok = okFor(httpCall(url, token));
    const pkg = await ok('packages.create', { name: 'p', price: 500, validitySeconds: 3600, downloadBps: 1, uploadBps: 1 });
    const { codes } = await ok('vouchers.generate', { packageId: pkg.id, count: 1 });
    p.child.kill('SIGTERM');
    await p.exited;

    // Four processes open the same database and redeem the same code at the same moment.
    const worker = `
      const { createEngine } = require(${JSON.stringify(path.resolve(__dirname, '../../build/main/src-main/engine.js'))});
      const { silentLogger } = require(${JSON.stringify(path.resolve(__dirname, '../../build/main/src-main/log.js'))});
      const [dir, code, phone] = process.argv.slice(1);
      createEngine({ dataDir: dir, logLevel: 'silent' }, { log: silentLogger() }).then((e) => {
        process.stdout.write('armed\\n');
        process.stdin.once('data', async () => {
          const r = await e.call('vouchers.redeem', { code, phone });
          process.stdout.write(JSON.stringify(r.ok ? 'ok' : r.error.code) + '\\n');
          await e.stop();
          process.stdin.destroy();
        });
      });`;
    const phones = ['01711111111', '01722222222', '01733333333', '01744444444'];
    const kids = phones.map((ph) => spawn(process.execPath, ['-e', worker, dir, codes[0]!, ph], { stdio: ['pipe', 'pipe', 'inherit'] }));
    const outs = kids.map((k) => {
      let out = '';
      k.stdout!.on('data', (d) => (out += d));
      return { armed: new Promise<void>((r) => k.stdout!.on('data', () => out.includes('armed') && r())), done: new Promise<string>((r) => k.on('exit', () => r(out))) };
    });
    await Promise.all(outs.map((o) => o.armed));
    for (const k of kids) k.stdin!.write('go\n');
    const results = (await Promise.all(outs.map((o) => o.done))).map((o) => JSON.parse(o.split('\n')[1]!));
    expect(results.filter((r) => r === 'ok')).toHaveLength(1);
    expect(results.filter((r) => r === 'VOUCHER_USED')).toHaveLength(3);
  });
});
