import { createHash } from 'node:crypto';
import type { Logger } from '../../log';
import type { GatewayContext } from '../types';
import { bkashPost, fieldText, type BkashReply } from './http';
import { plainBkashMessage } from './messages';

export interface BkashCredentials {
  appKey: string;
  appSecret: string;
  username: string;
  password: string;
}

const FIELDS = ['appKey', 'appSecret', 'username', 'password'] as const;

/** The four credentials from settings, or the names of the missing ones. */
export function readCredentials(ctx: GatewayContext): { ok: true; creds: BkashCredentials } | { ok: false; missing: string[] } {
  const missing = FIELDS.filter((f) => !ctx.credentials[f]?.trim());
  if (missing.length) return { ok: false, missing };
  const c = ctx.credentials;
  return { ok: true, creds: { appKey: c.appKey!.trim(), appSecret: c.appSecret!, username: c.username!.trim(), password: c.password! } };
}

export type TokenResult =
  | { ok: true; idToken: string }
  | { ok: false; kind: 'timeout' | 'unreachable' | 'refused'; message: string };

/** bKash tokens live 3600 s; reference §5.1 says cache about 55 minutes, leaving a margin. */
export const TOKEN_CACHE_MS = 55 * 60_000;
const EXPIRY_MARGIN_MS = 5 * 60_000;

interface Entry {
  idToken: string;
  refreshToken: string | null;
  validUntil: number;
}

export interface TokenCache {
  /** A cached token, refreshed or granted when it is near its end. */
  get(ctx: GatewayContext, creds: BkashCredentials): Promise<TokenResult>;
  /** bKash said 401 for this token: forget it and grant a new one (refresh could hand back the refused one's kin). */
  regrant(ctx: GatewayContext, creds: BkashCredentials, refused: string): Promise<TokenResult>;
  /** Settings → Test: always asks bKash, and keeps the answer. */
  grantNow(ctx: GatewayContext, creds: BkashCredentials): Promise<TokenResult>;
  /** Every secret the cache knows (tokens), for scrubbing gateway text. */
  secrets(): string[];
}

/**
 * One cache per gateway module. Entries are keyed by a hash of the URL and every credential, so
 * a settings change (new key, sandbox → live) never reuses a token from the old ones. Calls that
 * arrive together while no token is valid share one grant.
 */
export function createTokenCache(log: Logger): TokenCache {
  const entries = new Map<string, Entry>();
  const inflight = new Map<string, Promise<TokenResult>>();

  const keyOf = (ctx: GatewayContext, c: BkashCredentials) =>
    createHash('sha256').update(JSON.stringify([ctx.mode, ctx.baseUrl ?? '', c.appKey, c.appSecret, c.username, c.password])).digest('hex');

  function secretsOf(c: BkashCredentials): string[] {
    return [c.appSecret, c.password, c.appKey, ...[...entries.values()].flatMap((e) => [e.idToken, e.refreshToken ?? ''])];
  }

  function toResult(ctx: GatewayContext, key: string, op: 'grant' | 'refresh', reply: BkashReply): TokenResult {
    if (reply.kind === 'ok') {
      const idToken = fieldText(reply.body.id_token);
      if (!idToken) return { ok: false, kind: 'unreachable', message: `bKash's token ${op} reply had no id_token.` };
      const expiresIn = Number(reply.body.expires_in);
      const life = Number.isFinite(expiresIn) && expiresIn > 0 ? Math.min(TOKEN_CACHE_MS, expiresIn * 1000 - EXPIRY_MARGIN_MS) : TOKEN_CACHE_MS;
      entries.set(key, { idToken, refreshToken: fieldText(reply.body.refresh_token) || null, validUntil: ctx.now() + Math.max(0, life) });
      log.info({ op }, 'bKash token obtained');
      return { ok: true, idToken };
    }
    log.warn({ op, outcome: reply.kind, bkashCode: reply.kind === 'error' ? reply.code : undefined }, 'bKash token request failed');
    if (reply.kind === 'timeout') return { ok: false, kind: 'timeout', message: `bKash did not answer the token request within ${Math.round(ctx.timeoutMs / 100) / 10} s.` };
    if (reply.kind === 'unreachable') return { ok: false, kind: 'unreachable', message: reply.message };
    if (reply.kind === 'denied') return { ok: false, kind: 'refused', message: `bKash refused the username, password, app key or app secret (HTTP ${reply.status}). Check them in Settings → Payments.` };
    return { ok: false, kind: 'refused', message: `bKash refused the credentials: ${plainBkashMessage(reply.code, reply.message)}` };
  }

  async function grant(ctx: GatewayContext, c: BkashCredentials, key: string): Promise<TokenResult> {
    const reply = await bkashPost(ctx, 'token/grant', { username: c.username, password: c.password }, { app_key: c.appKey, app_secret: c.appSecret }, secretsOf(c));
    return toResult(ctx, key, 'grant', reply);
  }

  async function renew(ctx: GatewayContext, c: BkashCredentials, key: string): Promise<TokenResult> {
    const old = entries.get(key);
    if (old?.refreshToken) {
      const reply = await bkashPost(ctx, 'token/refresh', { username: c.username, password: c.password },
        { app_key: c.appKey, app_secret: c.appSecret, refresh_token: old.refreshToken }, secretsOf(c));
      // A network failure would fail a grant too; a refused refresh token (expired) needs a grant.
      if (reply.kind === 'ok' || reply.kind === 'timeout' || reply.kind === 'unreachable') return toResult(ctx, key, 'refresh', reply);
      entries.delete(key);
    }
    return grant(ctx, c, key);
  }

  function once(key: string, work: () => Promise<TokenResult>): Promise<TokenResult> {
    const running = inflight.get(key);
    if (running) return running;
    const p = work().finally(() => inflight.delete(key));
    inflight.set(key, p);
    return p;
  }

  return {
    get(ctx, c) {
      const key = keyOf(ctx, c);
      const e = entries.get(key);
      if (e && ctx.now() < e.validUntil) return Promise.resolve({ ok: true, idToken: e.idToken });
      return once(key, () => renew(ctx, c, key));
    },
    regrant(ctx, c, refused) {
      const key = keyOf(ctx, c);
      const e = entries.get(key);
      // Another call already replaced the refused token: use the new one.
      if (e && e.idToken !== refused && ctx.now() < e.validUntil) return Promise.resolve({ ok: true, idToken: e.idToken });
      if (e?.idToken === refused) entries.delete(key);
      return once(key, () => grant(ctx, c, key));
    },
    grantNow(ctx, c) {
      const key = keyOf(ctx, c);
      return once(key, () => grant(ctx, c, key));
    },
    secrets() {
      return [...entries.values()].flatMap((e) => [e.idToken, e.refreshToken ?? '']);
    },
  };
}
