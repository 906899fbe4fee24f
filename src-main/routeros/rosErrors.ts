import { AppError, type ErrorCode } from '../errors';

/**
 * Turns whatever node-routeros (or the socket under it) rejected with into a coded error a shop
 * owner can act on. `phase` matters: a `!trap` while logging in means the credentials were
 * refused, a `!trap` afterwards means the router rejected that command.
 */

export type RosPhase = 'connect' | 'command';

const UNREACHABLE = new Set(['ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'EHOSTDOWN', 'ENOTFOUND', 'EAI_AGAIN', 'ENETDOWN', 'EADDRNOTAVAIL']);
const CONNECTION_LOST = new Set(['ECONNRESET', 'EPIPE', 'ECONNABORTED']);

function errnoOf(e: unknown): string | undefined {
  if (typeof e !== 'object' || e === null) return undefined;
  const o = e as { errno?: unknown; code?: unknown };
  if (typeof o.errno === 'string') return o.errno;
  if (typeof o.code === 'string') return o.code;
  return undefined;
}

function isRosException(e: unknown): boolean {
  return typeof e === 'object' && e !== null && (e as { name?: unknown }).name === 'RosException';
}

export function routerError(code: ErrorCode, label: string, detail: string): AppError {
  return new AppError(code, `${label}: ${detail}`, { router: label });
}

export function mapRosError(e: unknown, phase: RosPhase, label: string, command?: string): AppError {
  if (e instanceof AppError) return e;
  const errno = errnoOf(e);
  const raw = e instanceof Error ? e.message : typeof e === 'string' ? e : 'unknown error';

  if (errno === 'CANTLOGIN') return routerError('ROUTER_AUTH_FAILED', label, 'the router refused the API user name or password.');
  if (errno === 'ECONNREFUSED') {
    return routerError('ROUTER_API_DISABLED', label, 'connection refused: the api/api-ssl service is disabled, or the port is wrong (IP > Services).');
  }
  if (errno && UNREACHABLE.has(errno)) return routerError('ROUTER_UNREACHABLE', label, `the router did not answer (${errno}).`);
  if (errno && CONNECTION_LOST.has(errno)) {
    return phase === 'connect'
      ? routerError('ROUTER_API_DISABLED', label, `the router dropped the API connection (${errno}); check IP > Services > api "available from".`)
      : routerError('ROUTER_UNREACHABLE', label, `the connection to the router was lost (${errno}).`);
  }
  if (errno === 'SOCKTMOUT') return routerError('ROUTER_TIMEOUT', label, 'the router stopped answering.');
  if (errno === 'UNKNOWNREPLY') return routerError('ROUTER_UNREACHABLE', label, `the router ended the API session unexpectedly (${raw}).`);
  if (errno === 'EPROTO' || (errno?.startsWith('ERR_SSL') ?? false) || /ssl|tls|handshake/i.test(raw)) {
    return routerError('ROUTER_API_DISABLED', label, 'the TLS handshake with api-ssl failed; give the api-ssl service a certificate or use plain api.');
  }
  // A plain Error from node-routeros is a `!trap` (its message is the router's text).
  if (!isRosException(e) && e instanceof Error) {
    if (phase === 'connect') return routerError('ROUTER_AUTH_FAILED', label, `the router refused the login (${raw}).`);
    const hint = /not enough permissions/i.test(raw) ? ' The API user needs a group with the write policy.' : '';
    return new AppError('ROUTER_TRAP', `${label}: the router rejected ${command ?? 'the command'}: ${raw}.${hint}`, {
      router: label,
      routerMessage: raw,
    });
  }
  return routerError('ROUTER_UNREACHABLE', label, `${raw || 'connection failed'}${errno ? ` (${errno})` : ''}.`);
}

/** Errors that say nothing about the router being reachable (it answered, but said no). */
export function isAnsweredError(e: AppError): boolean {
  return e.code === 'ROUTER_TRAP';
}
