import { describe, expect, it } from 'vitest';
import { isAppError } from '../../src-main/errors';
import { logFileIn, readLog, routerOsRig, startSimulator } from '../virtual-mikrotik/routerosRig';
import { tmpDir } from '../helpers/tmp';

async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    if (isAppError(e)) return e.code;
    throw e;
  }
  return 'no error';
}

const linesWith = (file: string, msg: string) =>
  readLog(file)
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as { msg: string; router?: number; code?: string })
    .filter((l) => l.msg === msg);

describe('routers.test logs in afresh', () => {
  it('fails at once when the password was changed on the router, although a pooled session is open', async () => {
    const sim = await startSimulator();
    const rig = await routerOsRig();
    const r = rig.addRouter(sim);
    // A pooled session is open and logged in (live sessions, status polling use it).
    expect(await rig.ros.activeSessions(r.id)).toEqual([]);
    expect(sim.connectionCount()).toBe(1);
    expect((await rig.ros.test(r.id)).identity).toBe('MikroTik');

    // The owner changes the API password on the router; the open session is not dropped.
    sim.state.users[0]!.password = 'changed-on-router';
    expect(await codeOf(rig.ros.test(r.id))).toBe('ROUTER_AUTH_FAILED');
    expect(rig.statusOf(r.id)).toMatchObject({ status_reachable: 0, status_last_error: expect.stringMatching(/password/) });
    // The stale pooled session was dropped with it: the next call logs in and is refused too.
    expect(await codeOf(rig.ros.activeSessions(r.id))).toBe('ROUTER_AUTH_FAILED');

    rig.routers.update(r.id, { apiPassword: 'changed-on-router' });
    expect((await rig.ros.test(r.id)).identity).toBe('MikroTik');
  });
});

describe('a router that stays unreachable', () => {
  it('is reported once, then once when it recovers, not on every poll', async () => {
    const sim = await startSimulator();
    const log = logFileIn(tmpDir());
    const rig = await routerOsRig({ logFile: log });
    const r = rig.addRouter(sim);
    await rig.ros.pollOnce();
    await sim.setApiEnabled(false);
    sim.dropConnections();
    for (let i = 0; i < 4; i++) {
      // The owner's click ignores the background backoff, so every one of these reaches the port.
      expect(await codeOf(rig.ros.activeSessions(r.id))).toMatch(/ROUTER_(API_DISABLED|UNREACHABLE)/);
    }
    const warned = linesWith(log, 'routeros call failed');
    // The dropped session and the refused reconnect are two different problems at most.
    expect(warned.length).toBeGreaterThanOrEqual(1);
    expect(warned.length).toBeLessThanOrEqual(2);
    expect(warned.every((l) => l.router === r.id)).toBe(true);
    expect(linesWith(log, 'router reachable again')).toHaveLength(0);

    await sim.setApiEnabled(true);
    expect(await rig.ros.activeSessions(r.id)).toEqual([]);
    await rig.ros.pollOnce();
    expect(linesWith(log, 'router reachable again')).toHaveLength(1);
    expect(linesWith(log, 'routeros call failed')).toHaveLength(warned.length);
  });
});
