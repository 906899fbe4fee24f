import os from 'node:os';
import path from 'node:path';
import { invalidInput } from './errors';

/** Where and how the engine runs. CLI flags win over environment variables over defaults. */
export interface EngineConfig {
  dataDir: string;
  /** Address the network servers (portal, RADIUS) bind to. */
  bind: string;
  adminPort: number;
  adminBind: string;
  portalPort: number;
  radiusAuthPort: number;
  radiusAcctPort: number;
  logLevel: string;
}

export function defaultDataDir(): string {
  const home = os.homedir();
  if (process.platform === 'win32') return path.join(process.env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), 'HotspotDesk');
  if (process.platform === 'darwin') return path.join(home, 'Library', 'Application Support', 'HotspotDesk');
  return path.join(process.env.XDG_CONFIG_HOME ?? path.join(home, '.config'), 'HotspotDesk');
}

/** One command-line option: its flag, environment variable, config key, kind, default and help. */
interface ConfigOption<K extends keyof EngineConfig> {
  flag: `--${string}`;
  env: `HOTSPOTDESK_${string}`;
  /** 'port' is an integer 0-65535 (0 asks the OS for a free port; tests use it). */
  kind: EngineConfig[K] extends number ? 'port' : 'string';
  /** The value's placeholder in USAGE ("N", "DIR"). */
  arg: string;
  default: () => EngineConfig[K];
  help: string;
}

/**
 * Every option, written once: parseConfig, USAGE and defaultConfig read this table, and the
 * desktop app passes exactly these flags through (shell/app.ts), so a new option cannot be
 * silently dropped by one of them. Keyed by config key, so a config field without an option does
 * not compile. Listed in the order USAGE shows them.
 */
export const CONFIG_OPTIONS: { readonly [K in keyof EngineConfig]: ConfigOption<K> } = {
  dataDir: { flag: '--data-dir', env: 'HOTSPOTDESK_DATA_DIR', kind: 'string', arg: 'DIR', default: defaultDataDir, help: 'data folder' },
  bind: { flag: '--bind', env: 'HOTSPOTDESK_BIND', kind: 'string', arg: 'ADDR', default: () => '0.0.0.0', help: 'address for the portal and RADIUS' },
  adminPort: { flag: '--admin-port', env: 'HOTSPOTDESK_ADMIN_PORT', kind: 'port', arg: 'N', default: () => 8090, help: 'admin API/UI port' },
  adminBind: { flag: '--admin-bind', env: 'HOTSPOTDESK_ADMIN_BIND', kind: 'string', arg: 'ADDR', default: () => '127.0.0.1', help: 'admin address' },
  portalPort: { flag: '--portal-port', env: 'HOTSPOTDESK_PORTAL_PORT', kind: 'port', arg: 'N', default: () => 8080, help: 'captive portal port' },
  radiusAuthPort: { flag: '--radius-auth-port', env: 'HOTSPOTDESK_RADIUS_AUTH_PORT', kind: 'port', arg: 'N', default: () => 1812, help: 'RADIUS authentication' },
  radiusAcctPort: { flag: '--radius-acct-port', env: 'HOTSPOTDESK_RADIUS_ACCT_PORT', kind: 'port', arg: 'N', default: () => 1813, help: 'RADIUS accounting' },
  logLevel: { flag: '--log-level', env: 'HOTSPOTDESK_LOG_LEVEL', kind: 'string', arg: 'LEVEL', default: () => 'info', help: 'debug, info, warn, error' },
};

type AnyOption = { [K in keyof EngineConfig]: ConfigOption<K> & { key: K } }[keyof EngineConfig];

const OPTIONS: readonly AnyOption[] = (Object.keys(CONFIG_OPTIONS) as Array<keyof EngineConfig>).map(
  (key) => ({ ...CONFIG_OPTIONS[key], key }) as AnyOption,
);
const BY_FLAG = new Map<string, AnyOption>(OPTIONS.map((o) => [o.flag, o]));

/** Every flag the engine takes (the desktop app passes these through and ignores the rest). */
export const ENGINE_FLAGS: readonly string[] = OPTIONS.map((o) => o.flag);

export const USAGE = ['Usage: hotspotdesk-server [options]']
  .concat(OPTIONS.map((o) => `  ${`${o.flag} ${o.arg}`.padEnd(24)}${o.help} (${o.env}; default ${o.default()})`))
  .join('\n');

export function defaultConfig(): EngineConfig {
  return Object.fromEntries(OPTIONS.map((o) => [o.key, o.default()])) as unknown as EngineConfig;
}

function setValue(cfg: EngineConfig, spec: AnyOption, raw: string): void {
  const flag = spec.flag;
  if (spec.kind === 'port') {
    const n = Number(raw);
    // 0 asks the OS for a free port (tests use it).
    if (!/^\d+$/.test(raw) || n > 65535) throw invalidInput(flag, `must be a port number 0-65535, got "${raw}"`);
    (cfg[spec.key] as number) = n;
  } else {
    if (raw === '') throw invalidInput(flag, 'must not be empty');
    (cfg[spec.key] as string) = raw;
  }
}

/** Parse argv (without node and script) and env into a config; throws invalid_input naming the flag. */
export function parseConfig(argv: string[], env: NodeJS.ProcessEnv = process.env): EngineConfig {
  const cfg = defaultConfig();
  for (const spec of OPTIONS) {
    const v = env[spec.env];
    if (v !== undefined && v !== '') setValue(cfg, spec, v);
  }
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const eq = arg.indexOf('=');
    const flag = eq > 0 ? arg.slice(0, eq) : arg;
    const spec = BY_FLAG.get(flag);
    if (!spec) throw invalidInput(arg, `unknown option\n${USAGE}`);
    const value = eq > 0 ? arg.slice(eq + 1) : argv[++i];
    if (value === undefined) throw invalidInput(flag, 'needs a value');
    setValue(cfg, spec, value);
  }
  cfg.dataDir = path.resolve(cfg.dataDir);
  return cfg;
}
