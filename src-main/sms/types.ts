import type { SmsKind, SmsLang } from '../../src-shared/api/sms';

export type SmsProviderName = 'outbox' | 'http' | 'bulksmsbd' | 'sslwireless';
export type NumberFormat = 'e164' | '880' | 'local';

/** Per kind, per language; a missing entry falls back to the default in templates.ts. */
export type SmsTemplates = Partial<Record<SmsKind, Partial<Record<SmsLang, string>>>>;

/** The generic HTTP gateway: everything a local provider's API needs, as templates. */
export interface HttpGatewayConfig {
  method: 'GET' | 'POST';
  /** With {to} {text} {apiKey} {senderId} {ref} {unicode} placeholders, URL-encoded where they land. */
  url: string;
  /** POST only; JSON-escaped (json) or URL-encoded (form) values. Empty = no body. */
  bodyTemplate: string;
  contentType: 'form' | 'json';
  numberFormat: NumberFormat;
  /** Success when the reply (2xx) contains this text; empty = any 2xx is success. */
  successContains: string;
}

/**
 * The sms settings section as this subsystem reads it (the engine maps the sealed settings to it;
 * the key is given separately so it never sits in a plain object that might be logged).
 */
export interface SmsConfig {
  provider: SmsProviderName;
  senderId: string;
  http: HttpGatewayConfig;
  /** Warn when the gateway's balance is below this many paisa; null = never warn. */
  lowBalanceWarnAt: number | null;
  /** A preset's base URL (scheme + host); empty/undefined = the vendor's own. */
  baseUrl?: string;
  templates?: SmsTemplates;
  /** Fills {shop} when the caller gives none. */
  shopName?: string;
  /** Per attempt. Default 10 s: an OTP that takes longer is late anyway. */
  timeoutMs?: number;
  /** Pause before the one retry. Default 1 s. */
  retryDelayMs?: number;
}

/** What a provider is asked to send: the number already formatted for it. */
export interface OutgoingSms {
  to: string;
  text: string;
  /** Text outside ASCII (Bangla, ৳): gateways need to be told to send it as UCS-2. */
  unicode: boolean;
  /** Our outbox id as a string: a client reference / idempotency key where the gateway takes one. */
  ref: string;
}

/** Why a send did not work, classified so the retry rule and the customer's message follow. */
export type FailureKind = 'transient' | 'number' | 'balance' | 'config';

export type SendOutcome =
  | { ok: true; ref: string | null; response: string | null }
  | { ok: false; kind: FailureKind; error: string; response: string | null };

export interface ProviderContext {
  timeoutMs: number;
  /** Aborted when the subsystem stops: in-flight requests end at once. */
  signal: AbortSignal;
  fetch: typeof fetch;
}

/** One SMS gateway behind one interface. */
export interface SmsProvider {
  readonly name: SmsProviderName;
  readonly numberFormat: NumberFormat;
  send(msg: OutgoingSms, ctx: ProviderContext): Promise<SendOutcome>;
  /** Balance in paisa where the gateway reports one; undefined when it has no such API. */
  balance?(ctx: ProviderContext): Promise<number | null>;
}
