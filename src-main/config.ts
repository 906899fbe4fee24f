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

const FLAGS: Record<string, { key: keyof EngineConfig; env: string; kind: 'string' | 'port' }> = {
  '--data-dir': { key: 'dataDir', env: 'HOTSPOTDESK_DATA_DIR', kind: 'string' },
  '--bind': { key: 'bind', env: 'HOTSPOTDESK_BIND', kind: 'string' },
  '--admin-port': { key: 'adminPort', env: 'HOTSPOTDESK_ADMIN_PORT', kind: 'port' },
  '--admin-bind': { key: 'adminBind', env: 'HOTSPOTDESK_ADMIN_BIND', kind: 'string' },
  '--portal-port': { key: 'portalPort', env: 'HOTSPOTDESK_PORTAL_PORT', kind: 'port' },
  '--radius-auth-port': { key: 'radiusAuthPort', env: 'HOTSPOTDESK_RADIUS_AUTH_PORT', kind: 'port' },
  '--radius-acct-port': { key: 'radiusAcctPort', env: 'HOTSPOTDESK_RADIUS_ACCT_PORT', kind: 'port' },
  '--log-level': { key: 'logLevel', env: 'HOTSPOTDESK_LOG_LEVEL', kind: 'string' },
};

export const USAGE = `Usage: hotspotdesk-server [options]
  --data-dir DIR          data folder (HOTSPOTDESK_DATA_DIR; default ${defaultDataDir()})
  --bind ADDR             address for the portal and RADIUS (HOTSPOTDESK_BIND; default 0.0.0.0)
  --admin-port N          admin API/UI port (HOTSPOTDESK_ADMIN_PORT; default 8090)
  --admin-bind ADDR       admin address (HOTSPOTDESK_ADMIN_BIND; default 127.0.0.1)
  --portal-port N         captive portal port (HOTSPOTDESK_PORTAL_PORT; default 8080)
  --radius-auth-port N    RADIUS authentication (HOTSPOTDESK_RADIUS_AUTH_PORT; default 1812)
  --radius-acct-port N    RADIUS accounting (HOTSPOTDESK_RADIUS_ACCT_PORT; default 1813)
  --log-level LEVEL       debug, info, warn, error (HOTSPOTDESK_LOG_LEVEL; default info)`;

export function defaultConfig(): EngineConfig {
  return {
    dataDir: defaultDataDir(),
    bind: '0.0.0.0',
    adminPort: 8090,
    adminBind: '127.0.0.1',
    portalPort: 8080,
    radiusAuthPort: 1812,
    radiusAcctPort: 1813,
    logLevel: 'info',
  };
}

function setValue(cfg: EngineConfig, flag: string, raw: string): void {
  const spec = FLAGS[flag]!;
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
  for (const [flag, spec] of Object.entries(FLAGS)) {
    const v = env[spec.env];
    if (v !== undefined && v !== '') setValue(cfg, flag, v);
  }
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const eq = arg.indexOf('=');
    const flag = eq > 0 ? arg.slice(0, eq) : arg;
    if (!(flag in FLAGS)) throw invalidInput(arg, `unknown option\n${USAGE}`);
    const value = eq > 0 ? arg.slice(eq + 1) : argv[++i];
    if (value === undefined) throw invalidInput(flag, 'needs a value');
    setValue(cfg, flag, value);
  }
  cfg.dataDir = path.resolve(cfg.dataDir);
  return cfg;
}
