import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isAppError } from '../../src-main/errors';
import { routerOsRig, startSimulator } from '../virtual-mikrotik/routerosRig';
import { tmpDir } from '../helpers/tmp';

// API-SSL pinning on first use (issue #13, "Routers"), over real TLS to the RouterOS simulator.

function selfSigned(cn: string): { key: Buffer; cert: Buffer; fingerprint: string } {
  const dir = tmpDir('hsd-cert-');
  const key = path.join(dir, 'key.pem');
  const cert = path.join(dir, 'cert.pem');
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', cert, '-subj', `/CN=${cn}`, '-days', '2'], { stdio: 'ignore' });
  const pem = fs.readFileSync(cert);
  return { key: fs.readFileSync(key), cert: pem, fingerprint: new crypto.X509Certificate(pem).fingerprint256 };
}

async function errorOf(p: Promise<unknown>): Promise<{ code: string; message: string }> {
  try {
    await p;
  } catch (e) {
    if (isAppError(e)) return { code: e.code, message: e.message };
    throw e;
  }
  throw new Error('expected a rejection');
}

describe('api-ssl certificate pinning', () => {
  const first = selfSigned('router');
  const second = selfSigned('router-after-reset');

  it('pins the first certificate, refuses a changed one before logging in, and works again once the owner accepts it', async () => {
    const sim = await startSimulator({ tls: { key: first.key, cert: first.cert } });
    const rig = await routerOsRig();
    const r = rig.addRouter(sim, { apiTls: true });
    expect(rig.routers.get(r.id).apiCertSha256).toBeNull();

    // First use: connects and pins.
    expect((await rig.ros.test(r.id)).identity).toBe('MikroTik');
    expect(rig.routers.get(r.id).apiCertSha256).toBe(first.fingerprint);
    expect(rig.routers.get(r.id).apiCertPendingSha256).toBeNull();

    // Same certificate: fine, on a fresh login and on the pooled connection.
    expect((await rig.ros.test(r.id)).identity).toBe('MikroTik');
    expect(await rig.ros.activeSessions(r.id)).toEqual([]);

    // The router now shows another certificate (reset, or someone in the middle).
    sim.setCertificate({ key: second.key, cert: second.cert });
    sim.dropConnections();
    const loginsBefore = sim.loginCount();
    const commandsBefore = sim.commands.length;
    const refused = await errorOf(rig.ros.test(r.id));
    expect(refused.code).toBe('ROUTER_CERT_CHANGED');
    expect(refused.message).toContain("the router's certificate changed");
    expect(refused.message).toContain('accept the new one on the router page');
    expect((await errorOf(rig.ros.activeSessions(r.id))).code).toBe('ROUTER_CERT_CHANGED');
    expect((await errorOf(rig.ros.configure(r.id))).code).toBe('ROUTER_CERT_CHANGED');
    // Nothing reached the router: not even the login, which carries the password.
    expect(sim.loginCount()).toBe(loginsBefore);
    expect(sim.commands.length).toBe(commandsBefore);
    const waiting = rig.routers.get(r.id);
    expect(waiting.apiCertSha256).toBe(first.fingerprint);
    expect(waiting.apiCertPendingSha256).toBe(second.fingerprint);
    expect(waiting.status.reachable).toBe(false);
    expect(waiting.status.lastError).toContain("certificate changed");
    const diagnosis = await rig.ros.diagnose(r.id);
    expect(diagnosis.checks[0]).toMatchObject({ key: 'api', status: 'fail' });
    expect(diagnosis.checks[0]!.fix).toContain('accept the new certificate on the router page');

    // The owner accepts the new one: calls work again and it is the pinned one now.
    const accepted = rig.routers.acceptCertificate(r.id);
    expect(accepted.apiCertSha256).toBe(second.fingerprint);
    expect(accepted.apiCertPendingSha256).toBeNull();
    expect((await rig.ros.test(r.id)).identity).toBe('MikroTik');
    expect(await rig.ros.activeSessions(r.id)).toEqual([]);
    expect(sim.loginCount()).toBeGreaterThan(loginsBefore);

    // Going back to the old certificate is a change as well.
    sim.setCertificate({ key: first.key, cert: first.cert });
    sim.dropConnections();
    expect((await errorOf(rig.ros.test(r.id))).code).toBe('ROUTER_CERT_CHANGED');
    expect(rig.routers.get(r.id).apiCertPendingSha256).toBe(first.fingerprint);
  });

  it('accepting when no new certificate is waiting is refused', async () => {
    const sim = await startSimulator({ tls: { key: first.key, cert: first.cert } });
    const rig = await routerOsRig();
    const r = rig.addRouter(sim, { apiTls: true });
    await rig.ros.test(r.id);
    expect(() => rig.routers.acceptCertificate(r.id)).toThrow(/no new certificate/);
    expect(rig.routers.get(r.id).apiCertSha256).toBe(first.fingerprint);
  });

  it('plain api (no TLS) pins nothing', async () => {
    const sim = await startSimulator();
    const rig = await routerOsRig();
    const r = rig.addRouter(sim);
    await rig.ros.test(r.id);
    expect(rig.routers.get(r.id).apiCertSha256).toBeNull();
  });
});
