import type { Db } from './db';
import type { SettingsStore } from './deps';
import type { SecretBox } from './secrets';
import { AppError } from './errors';
import {
  SETTINGS_SECTIONS, defaultSettings, hasFlagName, settingsChecks, settingsSecretFields, settingsSections,
  type SecretSection, type Settings, type SettingsPatch, type SettingsSection, type SettingsView, SecretText,
} from '../src-shared/settings';

/**
 * Settings live one row per section (key = section name, value = JSON of its non-secret fields)
 * and one row per secret (key = dotted path, value = the secret box's sealed text). Reads are
 * cached: RADIUS asks for the interim interval on every Accept; every write here drops the cache.
 *
 * Loading is forgiving per field: a value written by an older or newer build, or by hand, that no
 * longer validates falls back to that field's default. A bad time zone must never cost the owner
 * the dashboard or sign-in (it did when the whole row set had to validate at once).
 */
export function createSettingsStore(db: Db, secrets: SecretBox): SettingsStore {
  const select = db.prepare<[], { key: string; value: string }>('SELECT key, value FROM settings');
  const upsert = db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value');
  const remove = db.prepare('DELETE FROM settings WHERE key = ?');
  let cache: { settings: Settings; sealed: Map<string, string> } | null = null;

  function load(): { settings: Settings; sealed: Map<string, string> } {
    const rows = new Map(select.all().map((r) => [r.key, r.value]));
    const sealed = new Map<string, string>();
    for (const [section, fields] of Object.entries(settingsSecretFields)) {
      for (const field of Object.keys(fields)) {
        const v = parseJson(rows.get(`${section}.${field}`));
        if (typeof v === 'string' && v) sealed.set(`${section}.${field}`, v);
      }
    }
    const hasSealed = (section: string) => (field: string) => sealed.has(`${section}.${field}`);
    const settings = Object.fromEntries(
      SETTINGS_SECTIONS.map((s) => [s, sectionFromStored(s, parseJson(rows.get(s)), hasSealed(s))]),
    ) as Settings;
    return { settings, sealed };
  }

  function current() {
    cache ??= load();
    return cache;
  }

  function secret(section: string, field: string): string | null {
    const sealed = current().sealed.get(`${section}.${field}`);
    if (!sealed) return null;
    try {
      return secrets.decrypt(sealed);
    } catch {
      // Sealed with another data key (a database copied without its key): unreadable is unset,
      // so the page says "not set" and the owner types it again.
      return null;
    }
  }

  function view(): SettingsView {
    const s = current().settings;
    const out: Record<string, unknown> = {};
    for (const section of SETTINGS_SECTIONS) {
      const flags = Object.keys(secretFieldsOf(section)).map((f) => [hasFlagName(f), secret(section, f) !== null]);
      out[section] = { ...s[section], ...Object.fromEntries(flags) };
    }
    return out as SettingsView;
  }

  return {
    get: () => current().settings,
    view,
    secret: (section, field) => secret(section, field),
    update(patch: SettingsPatch): SettingsView {
      const now = current().settings;
      const writes: Array<[key: string, value: string | null]> = [];
      for (const section of SETTINGS_SECTIONS) {
        const p = patch[section] as Record<string, unknown> | undefined;
        if (!p) continue;
        const secretNames = Object.keys(secretFieldsOf(section));
        const plain: Record<string, unknown> = {};
        const secretPatch = new Map<string, SecretText | null>();
        for (const [k, v] of Object.entries(p)) {
          if (v === undefined) continue;
          if (secretNames.includes(k)) secretPatch.set(k, v instanceof SecretText ? v : null);
          else plain[k] = v;
        }
        // Validate the section as it would be saved: the fields, then the rules across fields.
        const parsed = settingsSections[section].safeParse(mergeSection(now[section], plain));
        if (!parsed.success) {
          const issue = parsed.error.issues[0]!;
          if (issue.code === 'unrecognized_keys') throw invalid(`${section}.${issue.keys[0]}`, 'is not a setting');
          throw invalid([section, ...issue.path.map(String)].join('.'), issue.message);
        }
        const hasAfter = (f: string) => (secretPatch.has(f) ? secretPatch.get(f) !== null : secret(section, f) !== null);
        const check = settingsChecks[section] as ((v: unknown, has: (f: string) => boolean) => { path: string; message: string } | null) | undefined;
        const problem = check?.(parsed.data, hasAfter);
        if (problem) throw invalid(`${section}.${problem.path}`, problem.message);
        writes.push([section, JSON.stringify(parsed.data)]);
        for (const [f, v] of secretPatch) writes.push([`${section}.${f}`, v === null ? null : JSON.stringify(secrets.encrypt(v.reveal()))]);
      }
      db.transaction(() => {
        for (const [k, v] of writes) {
          if (v === null) remove.run(k);
          else upsert.run(k, v);
        }
      })();
      cache = null;
      return view();
    },
  };
}

function invalid(field: string, message: string): AppError {
  return new AppError('invalid_input', `${field}: ${message}`, { field });
}

function secretFieldsOf(section: SettingsSection): Record<string, number> {
  return section in settingsSecretFields ? settingsSecretFields[section as SecretSection] : {};
}

function parseJson(s: string | undefined): unknown {
  if (s === undefined) return undefined;
  try {
    return JSON.parse(s);
  } catch {
    return undefined;
  }
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** A section patch over the current values; a nested group (sms.http) is merged field by field too. */
function mergeSection(base: object, patch: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...base };
  for (const [k, v] of Object.entries(patch)) out[k] = isPlainObject(v) && isPlainObject(out[k]) ? { ...out[k], ...v } : v;
  return out;
}

interface ShapeLike {
  shape: Record<string, { safeParse(v: unknown): { success: boolean; data?: unknown } }>;
}

/** Each stored field that still validates, the default for the rest (nested groups field by field). */
function fieldsFromStored(schema: ShapeLike, defaults: Record<string, unknown>, stored: unknown): Record<string, unknown> {
  const src = isPlainObject(stored) ? stored : {};
  const out: Record<string, unknown> = {};
  for (const [k, def] of Object.entries(defaults)) {
    const field = schema.shape[k]!;
    if (isPlainObject(def) && 'shape' in field) {
      out[k] = fieldsFromStored(field as unknown as ShapeLike, def, src[k]);
      continue;
    }
    const r = src[k] === undefined ? null : field.safeParse(src[k]);
    out[k] = r?.success ? r.data : def;
  }
  return out;
}

function setPath(obj: Record<string, unknown>, path: string, value: unknown): void {
  const [head, ...rest] = path.split('.');
  if (rest.length === 0) obj[head!] = value;
  else if (isPlainObject(obj[head!])) setPath(obj[head!] as Record<string, unknown>, rest.join('.'), value);
}

function getPath(obj: Record<string, unknown>, path: string): unknown {
  return path.split('.').reduce<unknown>((o, k) => (isPlainObject(o) ? o[k] : undefined), obj);
}

function sectionFromStored<S extends SettingsSection>(section: S, stored: unknown, hasSecret: (f: string) => boolean): Settings[S] {
  const defaults = defaultSettings[section] as unknown as Record<string, unknown>;
  const value = fieldsFromStored(settingsSections[section] as unknown as ShapeLike, defaults, stored);
  // A rule across fields that the stored values break (edited by hand): the field it names goes
  // back to its default; if that is not enough, the whole section does.
  const check = settingsChecks[section] as ((v: unknown, has: (f: string) => boolean) => { path: string } | null) | undefined;
  const problem = check?.(value, hasSecret);
  if (problem) {
    setPath(value, problem.path, structuredClone(getPath(defaults, problem.path)));
    if (check?.(value, hasSecret)) return structuredClone(defaultSettings[section]);
  }
  return value as Settings[S];
}
