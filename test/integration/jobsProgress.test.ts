import { describe, expect, it } from 'vitest';
import type { JobProgress } from '../../src-shared/api/jobs';
import { testEngine } from '../helpers/engine';
import { startSimulator } from '../virtual-mikrotik/routerosRig';

// Long jobs show progress while they run (issue #11): the caller names the job with a jobId,
// the reply still comes at the end, and jobs.progress answers meanwhile.

type Call = (method: string, input: unknown) => Promise<{ ok: boolean; value?: unknown; error?: { code: string; message: string } }>;

/** Runs `job` and polls jobs.progress on every turn of the event loop until it settles. */
async function watch<T>(call: Call, id: string, job: Promise<T>): Promise<{ result: T; seen: JobProgress[] }> {
  const seen: JobProgress[] = [];
  let settled = false;
  const result = job.finally(() => (settled = true));
  while (!settled) {
    const r = await call('jobs.progress', { id });
    if (r.ok && r.value) seen.push(r.value as JobProgress);
    await new Promise((resolve) => setImmediate(resolve));
  }
  return { result: await result, seen };
}

describe('jobs.progress', () => {
  it('router set-up and the walled-garden push report each step while they run', async () => {
    const { engine, ok } = await testEngine({ start: true });
    const call: Call = (m, i) => engine.call(m, i);
    await ok('settings.update', { network: { serverAddress: '127.0.0.1' } });
    const sim = await startSimulator({ withHotspot: true });
    const router = await ok('routers.create', {
      name: 'Shop AP', nasIp: '127.0.0.1', secret: 'radius-secret-1', host: sim.host, apiPort: sim.port(), apiUser: 'admin', apiPassword: 'admin-pass', hotspotInterface: 'bridge',
    });

    const { result, seen } = await watch(call, 'setup-job-0001', ok('routers.configure', { id: router.id, jobId: 'setup-job-0001' }));
    expect(result.failed).toBe(0);
    const total = result.steps.length;
    expect(total).toBeGreaterThan(1);
    const running = seen.filter((p) => p.state === 'running' && p.total === total);
    // At least two different steps were seen mid-way, each named by its title.
    const steps = new Set(running.map((p) => p.step));
    expect(steps.size).toBeGreaterThanOrEqual(2);
    for (const s of steps) if (s !== null) expect(result.steps.map((x) => x.title)).toContain(s);
    expect(running.some((p) => p.done > 0 && p.done < total)).toBe(true);
    expect(seen.some((p) => p.step === 'Reading the router')).toBe(true);
    // Done numbers never go backwards.
    const dones = seen.map((p) => p.done);
    expect(dones).toEqual([...dones].sort((a, b) => a - b));
    expect(await ok('jobs.progress', { id: 'setup-job-0001' })).toMatchObject({ kind: 'routers.configure', state: 'done', done: total, total });

    // Entries of the owner's own, so the push has several steps.
    for (const host of ['pay.example.com', 'cdn.example.com', 'help.example.com']) await ok('routers.addWalledGardenEntry', { routerId: router.id, host });
    const push = await watch(call, 'push-job-0001', ok('routers.pushWalledGarden', { id: router.id, jobId: 'push-job-0001' }));
    expect(push.result.added.length).toBeGreaterThanOrEqual(4);
    const pushTotal = push.result.added.length + (push.result.removed.length > 0 ? 1 : 0);
    expect(push.seen.some((p) => p.state === 'running' && p.total === pushTotal && p.done > 0 && p.done < pushTotal)).toBe(true);
    expect(push.seen.some((p) => p.step?.startsWith('Adding '))).toBe(true);
    expect(await ok('jobs.progress', { id: 'push-job-0001' })).toMatchObject({ state: 'done', done: pushTotal });
  });

  it('a failed job says so; an unknown job is null; a bad job id is invalid_input naming jobId', async () => {
    const { engine, ok } = await testEngine({ start: true });
    const sim = await startSimulator({ withHotspot: true });
    const router = await ok('routers.create', {
      name: 'AP', nasIp: '10.0.0.9', secret: 'radius-secret-1', host: sim.host, apiPort: sim.port(), apiUser: 'admin', apiPassword: 'wrong-pass', hotspotInterface: 'bridge',
    });
    const r = await engine.call('routers.configure', { id: router.id, jobId: 'failing-job-01' });
    expect(r.ok).toBe(false);
    expect(await ok('jobs.progress', { id: 'failing-job-01' })).toMatchObject({ state: 'failed' });
    expect(await ok('jobs.progress', { id: 'never-started-1' })).toBeNull();
    const bad = await engine.call('routers.configure', { id: router.id, jobId: 'x' });
    expect(bad.ok).toBe(false);
    if (!bad.ok) {
      expect(bad.error.code).toBe('invalid_input');
      expect(bad.error.message).toContain('jobId');
    }
  });

  it('a batch of 10,000 cards reports how many codes are made, then saves them all at once', async () => {
    const { engine, ok } = await testEngine({ start: true });
    const call: Call = (m, i) => engine.call(m, i);
    const pkg = await ok('packages.create', { name: '1 day', price: 3000, validitySeconds: 86400, downloadBps: 5_000_000, uploadBps: 2_000_000 });
    const started = performance.now();
    const { result, seen } = await watch(call, 'cards-job-0001', ok('vouchers.generate', { packageId: pkg.id, count: 10_000, jobId: 'cards-job-0001' }));
    const ms = performance.now() - started;
    expect(result.codes).toHaveLength(10_000);
    expect(new Set(result.codes).size).toBe(10_000);
    expect(seen.some((p) => p.state === 'running' && p.total === 10_000 && p.done > 0 && p.done < 10_000)).toBe(true);
    expect(await ok('jobs.progress', { id: 'cards-job-0001' })).toMatchObject({ kind: 'vouchers.generate', state: 'done', done: 10_000, total: 10_000 });
    const listed = await ok('vouchers.list', { batchId: result.batchId, limit: 1 });
    expect(listed.batches.find((b) => b.id === result.batchId)?.count).toBe(10_000);
    // For the report, not a pass/fail threshold (the machine is shared).
    console.info(`10,000 cards with progress: ${Math.round(ms)} ms, ${seen.length} progress polls answered meanwhile`);
  });
});
