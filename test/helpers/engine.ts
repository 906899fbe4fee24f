import { afterEach } from 'vitest';
import { defaultConfig, type EngineConfig } from '../../src-main/config';
import { createEngine, type Engine } from '../../src-main/engine';
import { manualClock } from '../../src-main/clock';
import { silentLogger } from '../../src-main/log';
import { tmpDir } from './tmp';
import { okFor } from './api';

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
  return { engine, clock, ok: okFor((m, i) => engine.call(m, i)) };
}

afterEach(async () => {
  for (const e of engines.splice(0)) await e.stop();
});
