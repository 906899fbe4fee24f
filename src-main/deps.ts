import type { Db } from './db';
import type { Clock } from './clock';
import type { Logger } from './log';
import type { SecretBox } from './secrets';
import type { Bus } from './bus';
import type { Events } from './afterCommit';
import type { EngineConfig } from './config';
import type { SecretField, SecretSection, Settings, SettingsPatch, SettingsView } from '../src-shared/settings';

/** Owner settings in sections (src-main/settingsStore.ts). */
export interface SettingsStore {
  /** Every section's non-secret fields, defaults filled in (cached: RADIUS reads it per Accept). */
  get(): Settings;
  /** What `settings.get` answers: get() plus `has<Field>` for each secret, never a secret's value. */
  view(): SettingsView;
  /** The plain value of a secret field, or null when it is not set. The only way to read one. */
  secret<S extends SecretSection>(section: S, field: SecretField<S>): string | null;
  /** Validates the sections as they would be saved (invalid_input naming `section.field`), then saves. */
  update(patch: SettingsPatch): SettingsView;
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
