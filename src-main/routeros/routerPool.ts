import crypto from 'node:crypto';
import { isAppError, type AppError } from '../errors';
import type { Clock } from '../clock';
import type { Logger } from '../log';
import { createRosConnection, type ConnectionTimeouts, type RosConnection } from './connection';
import type { ExecOptions, RosArgValue, RosClient, RosRow, RouterTarget } from './types';

/**
 * One reused connection per router, recreated when the router's API settings change. After a
 * failed connect, background work (status polling, kick fallback) backs off exponentially
 * (1 s doubling to 60 s) and fails fast with the last error; an owner's click always retries.
 */

export interface PoolEntry {
  conn: RosConnection;
  fingerprint: string;
  failures: number;
  retryAt: number;
  lastError: AppError | null;
}

export interface ClientOptions {
  /** Background callers respect the reconnect backoff; the owner's actions do not. */
  background?: boolean;
}

const BACKOFF_BASE_MS = 1000;
const BACKOFF_MAX_MS = 60_000;

function fingerprint(t: RouterTarget): string {
  // Hash, so the password is not kept around in another plain string.
  return crypto.createHash('sha256').update(JSON.stringify([t.host, t.port, t.tls, t.user, t.password])).digest('hex');
}

export interface RouterPool {
  client(target: RouterTarget, opts?: ClientOptions): RosClient;
  drop(routerId: number): Promise<void>;
  closeAll(): Promise<void>;
  connectedCount(): number;
}

export function createRouterPool(timeouts: ConnectionTimeouts, clock: Clock, log: Logger): RouterPool {
  const entries = new Map<number, PoolEntry>();

  function entryFor(target: RouterTarget): PoolEntry {
    const fp = fingerprint(target);
    const existing = entries.get(target.routerId);
    if (existing && existing.fingerprint === fp) return existing;
    if (existing) void existing.conn.close();
    const entry: PoolEntry = { conn: createRosConnection(target, timeouts, log), fingerprint: fp, failures: 0, retryAt: 0, lastError: null };
    entries.set(target.routerId, entry);
    return entry;
  }

  return {
    client(target, opts = {}) {
      const entry = entryFor(target);
      return {
        async exec(command: string, args?: Record<string, RosArgValue>, execOpts?: ExecOptions): Promise<RosRow[]> {
          if (opts.background && !entry.conn.isConnected() && entry.lastError && clock.now() < entry.retryAt) {
            throw entry.lastError;
          }
          const wasConnected = entry.conn.isConnected();
          try {
            const rows = await entry.conn.exec(command, args, execOpts);
            entry.failures = 0;
            entry.lastError = null;
            return rows;
          } catch (e) {
            if (isAppError(e) && e.code !== 'ROUTER_TRAP' && !wasConnected && !entry.conn.isConnected()) {
              entry.failures += 1;
              entry.lastError = e;
              entry.retryAt = clock.now() + Math.min(BACKOFF_MAX_MS, BACKOFF_BASE_MS * 2 ** (entry.failures - 1));
            }
            throw e;
          }
        },
      };
    },
    async drop(routerId) {
      const e = entries.get(routerId);
      entries.delete(routerId);
      await e?.conn.close();
    },
    async closeAll() {
      const all = [...entries.values()];
      entries.clear();
      await Promise.all(all.map((e) => e.conn.close()));
    },
    connectedCount: () => [...entries.values()].filter((e) => e.conn.isConnected()).length,
  };
}
