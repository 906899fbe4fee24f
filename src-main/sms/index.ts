import type { Db } from '../db';
import type { Clock } from '../clock';
import type { Logger } from '../log';
import type { Subsystem } from '../deps';
import type { Page } from '../../src-shared/domain';
import type { SmsKind, SmsLang, SmsOutboxItem, SmsStatus, SmsTestResult } from '../../src-shared/api/sms';
import { isE164Phone } from '../../src-shared/phone';
import { invalidInput } from '../errors';
import { createOutboxStore } from './outboxStore';
import { formatNumber } from './numberFormat';
import { needsUnicode, renderTemplate, templateFor, templatePlaceholders } from './templates';
import { providerFor, type PresetOptions } from './providers';
import { customerMessages } from './customerMessages';
import type { FailureKind, ProviderContext, SmsConfig, SmsProvider } from './types';

export type { SmsConfig, SmsTemplates, HttpGatewayConfig, SmsProviderName, NumberFormat } from './types';
export { defaultTemplates, templatePlaceholders } from './templates';
export { customerMessages } from './customerMessages';
export type { FailureKind } from './types';

export interface SmsDeps {
  db: Db;
  clock: Clock;
  log: Logger;
  /** Read on every send: settings changes apply to the next message. */
  config: () => SmsConfig;
  /** The gateway key, unsealed on demand (never kept in config, never logged). */
  apiKey: () => string | null;
  fetch?: typeof fetch;
  presets?: PresetOptions;
  /** How often a running subsystem re-reads the gateway balance. Default 30 minutes. */
  balanceEveryMs?: number;
}

export interface SendInput {
  /** E.164 `+8801…` (normalise with src-shared/phone first). */
  phone: string;
  kind: SmsKind;
  lang: SmsLang;
  /** Template values: shop, code, package, until, amount … */
  vars?: Record<string, string>;
}

export interface SendResult {
  id: number;
  /** queued: recorded while the subsystem is stopped; sent on the next start if still fresh. */
  status: 'sent' | 'failed' | 'queued';
  /** For the customer, in plain words and their language (the owner's detail is in the outbox). */
  error?: string;
  /** Why it failed: the portal may offer to retype the number (number) or to try again (transient). */
  reason?: FailureKind;
}

export interface SmsStatusInfo {
  running: boolean;
  provider: SmsConfig['provider'];
  sent: number;
  failed: number;
  lastFailure: { at: number; error: string } | null;
  /** Paisa, from the last balance check (null where the gateway reports none). */
  balance: number | null;
  balanceAt: number | null;
  /** Balance under lowBalanceWarnAt, or the gateway refused a message for lack of balance. */
  lowBalance: boolean;
}

export interface Sms extends Subsystem<SmsStatusInfo> {
  send(input: SendInput): Promise<SendResult>;
  outbox(opts?: { limit?: number; offset?: number; status?: SmsStatus }): Page<SmsOutboxItem>;
  test(phone: string, lang?: SmsLang): Promise<SmsTestResult>;
  balance(): Promise<number | null>;
}

const DEFAULT_TIMEOUT_MS = 10_000;
const DEFAULT_RETRY_DELAY_MS = 1_000;
/** A message left queued longer than an OTP lives is useless: failed instead of sent late. */
const MAX_QUEUED_AGE_MS = 5 * 60_000;
// Template values that are secrets: masked wherever a gateway reply could echo them.
const SECRET_VARS = ['code', 'pin', 'password'];

/** A pause that ends early when the subsystem stops (stop never waits out a retry delay). */
function pause(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (ms <= 0 || signal.aborted) return resolve();
    const done = () => {
      clearTimeout(t);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const t = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
  });
}

/**
 * The SMS subsystem: renders a template, records the message in the outbox, sends it through
 * the configured gateway with one retry on a transient failure, and reports the outcome.
 */
export function createSms(deps: SmsDeps): Sms {
  const { db, clock, config, apiKey } = deps;
  const log = deps.log.child({ subsystem: 'sms' });
  const doFetch = deps.fetch ?? fetch;
  const store = createOutboxStore(db);
  const balanceEveryMs = deps.balanceEveryMs ?? 30 * 60_000;

  let running = false;
  let stopper = new AbortController();
  let balanceTimer: NodeJS.Timeout | null = null;
  const inFlight = new Set<Promise<unknown>>();
  let sentCount = 0;
  let failedCount = 0;
  let lastFailure: { at: number; error: string } | null = null;
  let balanceCache: { key: string; value: number | null; at: number } | null = null;
  let balanceRefused: string | null = null;

  const providerKey = (cfg: SmsConfig) => `${cfg.provider} ${cfg.baseUrl ?? ''}`;

  /** Removes the key (raw and URL-encoded) and secret template values from text we keep or log. */
  function scrubber(secretVars: string[]): (s: string | null) => string | null {
    let key: string | null = null;
    try {
      key = apiKey();
    } catch {
      // An unreadable key cannot leak; the provider set-up below reports the problem.
    }
    const needles = [key, key ? encodeURIComponent(key) : null, ...secretVars].filter((n): n is string => !!n && n.length >= 3);
    return (s) => {
      if (s == null) return s;
      let out = s;
      for (const n of needles) out = out.split(n).join('[redacted]');
      return out;
    };
  }

  function track<T>(p: Promise<T>): Promise<T> {
    inFlight.add(p);
    void p.finally(() => inFlight.delete(p)).catch(() => undefined);
    return p;
  }

  function ctx(cfg: SmsConfig): ProviderContext {
    return { timeoutMs: cfg.timeoutMs ?? DEFAULT_TIMEOUT_MS, signal: stopper.signal, fetch: doFetch };
  }

  async function deliver(
    id: number, phone: string, text: string, lang: SmsLang, createdAt: number, secretVars: string[],
  ): Promise<SendResult> {
    const cfg = config();
    let provider: SmsProvider;
    const scrub = scrubber(secretVars);
    try {
      provider = providerFor(cfg, apiKey(), deps.presets);
    } catch (err) {
      log.error({ err, id }, 'sms provider could not be set up');
      store.markFailed(id, 'The SMS provider settings could not be used', null);
      return { id, status: 'failed', error: customerMessages[lang].config, reason: 'config' };
    }
    const signal = stopper.signal;
    const msg = {
      to: formatNumber(phone, provider.numberFormat),
      text,
      unicode: needsUnicode(text),
      // Unique across database resets too (the gateway may refuse a reused client id).
      ref: `hsd${id}t${createdAt.toString(36)}`,
    };
    for (let attempt = 1; ; attempt++) {
      store.markSending(id, provider.name);
      let outcome;
      try {
        outcome = await provider.send(msg, ctx(cfg));
      } catch (err) {
        // Providers return failures as values; this is a bug, kept from escaping into the portal.
        log.error({ err: { message: scrub((err as Error).message) }, id }, 'sms provider threw');
        outcome = { ok: false as const, kind: 'config' as const, error: 'HotspotDesk hit an internal error sending this SMS', response: null };
      }
      if (outcome.ok) {
        store.markSent(id, outcome.ref, scrub(outcome.response), clock.now());
        sentCount++;
        if (provider.name !== 'outbox') balanceRefused = null;
        log.info({ id, provider: provider.name, attempt }, 'sms sent');
        return { id, status: 'sent' };
      }
      const error = scrub(outcome.error) ?? '';
      const response = scrub(outcome.response);
      if (outcome.kind === 'balance') balanceRefused = error;
      if (outcome.kind === 'transient' && attempt === 1 && !signal.aborted) {
        const delay = cfg.retryDelayMs ?? DEFAULT_RETRY_DELAY_MS;
        store.markRetrying(id, error, response, clock.now() + delay);
        log.warn({ id, provider: provider.name, attempt, error }, 'sms attempt failed; retrying once');
        await pause(delay, signal);
        if (!signal.aborted) continue;
      }
      store.markFailed(id, error, response);
      failedCount++;
      lastFailure = { at: clock.now(), error };
      log.warn({ id, provider: provider.name, attempt, kind: outcome.kind, error }, 'sms failed');
      return { id, status: 'failed', error: customerMessages[lang][outcome.kind], reason: outcome.kind };
    }
  }

  /** Messages a previous run left behind: fresh ones go now, the rest are failed with a reason. */
  function recover(): void {
    for (const row of store.pending()) {
      if (row.status === 'sending') {
        store.markFailed(row.id, 'HotspotDesk stopped while sending this; not resent in case it did go out', null);
      } else if (clock.now() - row.created_at > MAX_QUEUED_AGE_MS) {
        store.markFailed(row.id, 'Not sent: it was too old by the time SMS sending started', null);
      } else {
        void track(deliver(row.id, row.phone, row.body, row.lang, row.created_at, []));
      }
    }
  }

  async function balance(): Promise<number | null> {
    const cfg = config();
    const provider = providerFor(cfg, apiKey(), deps.presets);
    if (!provider.balance) {
      balanceCache = { key: providerKey(cfg), value: null, at: clock.now() };
      return null;
    }
    const value = await provider.balance(ctx(cfg));
    balanceCache = { key: providerKey(cfg), value, at: clock.now() };
    return value;
  }

  function refreshBalance(): void {
    void track(balance().catch((err: unknown) => {
      log.warn({ err: { message: scrubber([])((err as Error).message) } }, 'sms balance check failed');
      return null;
    }));
  }

  async function send({ phone, kind, lang, vars = {} }: SendInput): Promise<SendResult> {
    if (!isE164Phone(phone)) throw invalidInput('phone', 'must be a Bangladeshi mobile number in E.164 form (+8801XXXXXXXXX)');
    // A missing code would text the customer a literal "{code}": refuse it before recording.
    for (const p of templatePlaceholders[kind]) {
      if (p !== 'shop' && typeof vars[p] !== 'string') throw invalidInput(`vars.${p}`, `is needed for a ${kind} message`);
    }
    const cfg = config();
    const text = renderTemplate(templateFor(kind, lang, cfg.templates), { shop: cfg.shopName ?? '', ...vars });
    const at = clock.now();
    const id = store.insert(phone, text, kind, lang, at);
    if (!running) {
      log.info({ id, kind }, 'sms queued until the subsystem starts');
      return { id, status: 'queued' };
    }
    const secretVars = SECRET_VARS.map((k) => vars[k]).filter((v): v is string => typeof v === 'string');
    return track(deliver(id, phone, text, lang, at, secretVars));
  }

  return {
    async start() {
      if (running) return;
      stopper = new AbortController();
      running = true;
      recover();
      refreshBalance();
      balanceTimer = setInterval(refreshBalance, balanceEveryMs);
      balanceTimer.unref();
    },

    async stop() {
      if (!running) return;
      running = false;
      if (balanceTimer) clearInterval(balanceTimer);
      balanceTimer = null;
      stopper.abort();
      await Promise.allSettled([...inFlight]);
    },

    status() {
      const cfg = config();
      const cached = balanceCache && balanceCache.key === providerKey(cfg) ? balanceCache : null;
      const warnAt = cfg.lowBalanceWarnAt;
      const under = cached?.value != null && warnAt != null && cached.value < warnAt;
      return {
        running,
        provider: cfg.provider,
        sent: sentCount,
        failed: failedCount,
        lastFailure,
        balance: cached?.value ?? null,
        balanceAt: cached?.at ?? null,
        lowBalance: under || balanceRefused != null,
      };
    },

    send,

    outbox(opts = {}) {
      return store.list(opts);
    },

    async test(phone, lang = 'en') {
      const r = await send({ phone, kind: 'test', lang });
      const row = store.get(r.id);
      return { id: r.id, status: r.status, provider: config().provider, error: r.status === 'failed' ? (row?.error ?? r.error ?? null) : null };
    },

    balance,
  };
}
