import type { GatewayContext } from '../types';
import { bkashUrl } from './hosts';

/** What one call to bKash came to. Never throws: every way a call ends is a value. */
export type BkashReply =
  /** statusCode "0000" (or a reply with no error fields at all). */
  | { kind: 'ok'; body: Record<string, unknown> }
  /** The documented error envelopes, both with HTTP 200: {statusCode, statusMessage} or {errorCode, errorMessage}. */
  | { kind: 'error'; code: string; message: string; body: Record<string, unknown> }
  /** The API gateway in front of bKash: 401 bad or expired token, 403 mismatched X-APP-Key. */
  | { kind: 'denied'; status: number; message: string }
  /** No answer within ctx.timeoutMs: the request may still have been carried out. */
  | { kind: 'timeout' }
  /** Connection failed, 5xx, or a reply that is not bKash JSON: nothing is known. */
  | { kind: 'unreachable'; message: string };

// Replies are small JSON objects; an error page is cut before it reaches a message.
const MAX_MESSAGE = 200;

function str(v: unknown): string {
  return typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '';
}

/** Remove every secret (credentials, tokens) from text that came from the gateway. */
export function scrubSecrets(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const s of secrets) if (s.length >= 4) out = out.split(s).join('***');
  return out.slice(0, MAX_MESSAGE);
}

export async function bkashPost(
  ctx: GatewayContext,
  path: string,
  headers: Record<string, string>,
  body: Record<string, unknown>,
  secrets: readonly string[],
): Promise<BkashReply> {
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(), ctx.timeoutMs);
  try {
    const res = await ctx.fetch(bkashUrl(ctx, path), {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json', ...headers },
      body: JSON.stringify(body),
      signal: abort.signal,
      redirect: 'manual',
    });
    const text = await res.text();
    let json: unknown = null;
    try {
      json = JSON.parse(text);
    } catch {
      json = null;
    }
    const obj = json !== null && typeof json === 'object' && !Array.isArray(json) ? (json as Record<string, unknown>) : null;
    if (res.status === 401 || res.status === 403) {
      const m = str(obj?.message ?? obj?.Message ?? obj?.errorMessage ?? obj?.statusMessage) || `HTTP ${res.status}`;
      return { kind: 'denied', status: res.status, message: scrubSecrets(m, secrets) };
    }
    if (!res.ok || !obj) {
      return { kind: 'unreachable', message: `bKash answered HTTP ${res.status}${obj ? '' : ' without JSON'}` };
    }
    const statusCode = str(obj.statusCode);
    const errorCode = str(obj.errorCode);
    if (errorCode) return { kind: 'error', code: errorCode, message: scrubSecrets(str(obj.errorMessage), secrets), body: obj };
    if (statusCode && statusCode !== '0000') return { kind: 'error', code: statusCode, message: scrubSecrets(str(obj.statusMessage), secrets), body: obj };
    return { kind: 'ok', body: obj };
  } catch (err) {
    if (abort.signal.aborted) return { kind: 'timeout' };
    // undici says "fetch failed" and puts the reason (ECONNREFUSED, ENOTFOUND …) in cause.
    const cause = (err as { cause?: { code?: string; message?: string } }).cause;
    const why = cause?.code ?? cause?.message ?? (err as Error).message;
    return { kind: 'unreachable', message: scrubSecrets(`bKash could not be reached (${why})`, secrets) };
  } finally {
    clearTimeout(timer);
  }
}

export { str as fieldText };
