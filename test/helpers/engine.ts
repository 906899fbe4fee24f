import { afterEach } from 'vitest';
import { defaultConfig, type EngineConfig } from '../../src-main/config';
import { createEngine, type Engine } from '../../src-main/engine';
import { manualClock } from '../../src-main/clock';
import { silentLogger } from '../../src-main/log';
import { tmpDir } from './tmp';

const engines: Engine[] = [];

/** Config for a test: its own data dir, every port OS-assigned, loopback only. */
export function testConfig(overrides: Partial<EngineConfig> = {}): EngineConfig {
  return {
    ...defaultConfig(),
    dataDir: tmpDir(),
    bind: '127.0.0.1',
    adminBind: '127.0.0.1',
    adminPort: 0,
    portalPort: 0,
    radiusAuthPort: 0,
    radiusAcctPort: 0,
    logLevel: 'silent',
    ...overrides,
  };
}

/** An engine on a manual clock (not started unless asked), stopped after the test. */
export async function testEngine(opts: { start?: boolean; config?: Partial<EngineConfig> } = {}) {
  const clock = manualClock(Date.UTC(2026, 5, 1, 6, 0, 0));
  const engine = await createEngine(testConfig(opts.config), { clock, log: silentLogger() });
  engines.push(engine);
  if (opts.start) await engine.start();
  /** Calls the admin API and returns the value, failing the test on an error reply. */
  async function ok<T = any>(method: string, input: unknown = {}): Promise<T> {
    const r = await engine.call(method, input);
    if (!r.ok) throw new Error(`${method} failed: ${r.error.code} ${r.error.message}`);
    return r.value as T;
  }
  return { engine, clock, ok };
}

afterEach(async () => {
  for (const e of engines.splice(0)) await e.stop();
});
