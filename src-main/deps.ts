import type { Db } from './db';
import type { Clock } from './clock';
import type { Logger } from './log';
import type { SecretBox } from './secrets';
import type { Bus } from './bus';
import type { Events } from './afterCommit';
import type { EngineConfig } from './config';
import type { Settings } from '../src-shared/settings';

/** Reads and writes owner settings (defaults filled in). */
export interface SettingsStore {
  get(): Settings;
  update(patch: Partial<Settings>): Settings;
}

/** What every subsystem factory is given. No module-level singletons: tests build many engines. */
export interface CoreDeps {
  config: EngineConfig;
  db: Db;
  clock: Clock;
  log: Logger;
  secrets: SecretBox;
  bus: Bus;
  /** Transactions whose bus events are raised only after they commit (every emitter uses it). */
  events: Events;
  settings: SettingsStore;
}

/** Every subsystem factory returns this shape. */
export interface Subsystem<S = unknown> {
  start(): Promise<void>;
  stop(): Promise<void>;
  status(): S;
}
