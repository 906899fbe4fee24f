import type { Db } from './db';
import type { SettingsStore } from './deps';
import { defaultSettings, settingsSchema, type Settings } from '../src-shared/settings';

/**
 * Settings live one key per row (JSON value). Reads are cached: RADIUS asks for the interim
 * interval on every Accept, and the cache is refreshed on every write through this store.
 */
export function createSettingsStore(db: Db): SettingsStore {
  const select = db.prepare<[], { key: string; value: string }>('SELECT key, value FROM settings');
  const upsert = db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value');
  let cache: Settings | null = null;

  function load(): Settings {
    const merged: Record<string, unknown> = { ...defaultSettings };
    for (const row of select.all()) {
      if (row.key in defaultSettings) merged[row.key] = JSON.parse(row.value);
    }
    // A value written by an older/newer build that no longer validates falls back to its default.
    const parsed = settingsSchema.safeParse(merged);
    return parsed.success ? parsed.data : { ...defaultSettings };
  }

  return {
    get() {
      cache ??= load();
      return cache;
    },
    update(patch) {
      const next = settingsSchema.parse({ ...this.get(), ...patch });
      db.transaction(() => {
        for (const [k, v] of Object.entries(patch)) {
          if (v !== undefined) upsert.run(k, JSON.stringify(next[k as keyof Settings]));
        }
      })();
      cache = next;
      return next;
    },
  };
}
