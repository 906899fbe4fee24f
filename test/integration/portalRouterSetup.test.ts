import { describe, expect, it } from 'vitest';
import { testEngine } from '../helpers/engine';
import { startSimulator } from '../virtual-mikrotik/routerosRig';

// routers.configure with the engine's own portal running: the login-page step is no longer
// "portal not running"; the router fetches our login.html (with its router id) from the portal.
describe('router set-up against the running portal', () => {
  it('configure fetches login.html?router=<id> and the other router pages from the running portal (server address + bound port), or the owner’s portal URL', async () => {
    const { engine, ok } = await testEngine({ start: true });
    await ok('settings.update', { network: { serverAddress: '127.0.0.1' } });
    const sim = await startSimulator({ withHotspot: true });
    const router = await ok('routers.create', {
      name: 'Shop AP', nasIp: '127.0.0.1', secret: 'radius-secret-1', host: sim.host, apiPort: sim.port(), apiUser: 'admin', apiPassword: 'admin-pass', hotspotInterface: 'bridge',
    });
    const plan = await ok('routers.plan', { id: router.id });
    expect(plan.notes.join(' ')).not.toMatch(/portal not running/);
    const port = engine.portal!.port()!;
    const expectedUrl = `http://127.0.0.1:${port}/router/login.html?router=${router.id}`;
    expect(plan.steps.find((s: { key: string }) => s.key === 'login-page')).toMatchObject({ status: 'change' });

    expect((await ok('routers.configure', { id: router.id })).failed).toBe(0);
    const fetches = sim.commands.filter((c) => c.command === '/tool/fetch');
    expect(fetches[0]?.attrs.url).toBe(expectedUrl);
    // Every page the portal serves for routers, so every path of the hotspot ends on the portal.
    const names = ['login.html', 'flogin.html', 'alogin.html', 'status.html', 'logout.html', 'error.html'];
    expect(fetches.map((c) => c.attrs.url)).toEqual(names.map((n) => `http://127.0.0.1:${port}/router/${n}?router=${router.id}`));
    const file = (n: string) => sim.state.rows('/file').find((f) => f.name?.endsWith(`/${n}`));
    const page = file('login.html');
    expect(page?.contents).toContain(`action="http://127.0.0.1:${port}/portal"`);
    expect(page?.contents).toContain(`name="router" value="${router.id}"`);
    expect(file('alogin.html')?.contents).toContain(`http://127.0.0.1:${port}/status?router=${router.id}`);
    expect(file('logout.html')?.contents).toContain('msg=logout');
    // Idempotent against the real portal: a second configure fetches nothing.
    const before = sim.commands.length;
    const second = await ok('routers.configure', { id: router.id });
    expect(second.steps.find((s: { key: string }) => s.key === 'login-page')).toMatchObject({ status: 'ok', result: 'unchanged' });
    expect(sim.commands.slice(before).filter((c) => c.command === '/tool/fetch')).toEqual([]);

    await ok('settings.update', { network: { portalUrl: 'http://wifi.shop.lan:8080' } });
    const again = await ok('routers.plan', { id: router.id });
    expect(JSON.stringify(again.steps)).toContain(`http://wifi.shop.lan:8080/router/login.html?router=${router.id}`);
  });
});
