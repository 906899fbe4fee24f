import type { AuthLogEntry, KickResult, SessionInfo } from '../src-shared/api/radius';
import type { ConfigureStep, PlanStep, WalledGardenEntry } from '../src-shared/api/routers';
import type { AuthLogReason } from '../src-shared/radiusReasons';
import type { GatewayId } from '../src-shared/payments';

/**
 * Plain words for the codes the RADIUS and RouterOS APIs return, so the shop owner never reads
 * a log keyword. Unknown codes fall back to the code with underscores turned into spaces.
 */

function fallback(code: string): string {
  const s = code.replace(/_/g, ' ');
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/**
 * Why a login was refused (reject) or a packet ignored (drop): short label + what it means.
 * Keyed by every reason in src-shared/radiusReasons.ts, so a reason without a label fails to compile.
 */
export const REASONS: Record<AuthLogReason, { label: string; help: string }> = {
  unknown_user: { label: 'Unknown user', help: 'The user name is not a registered customer.' },
  bad_password: { label: 'Wrong password', help: 'The customer or device sent a wrong password (or a MAC login from an unknown device).' },
  no_active_package: { label: 'No active package', help: 'The customer has no package running. Sell one or let them buy on the portal.' },
  expired: { label: 'Package expired', help: 'The customer’s package time ran out.' },
  data_exhausted: { label: 'Data used up', help: 'The customer’s package has no data left.' },
  device_limit: { label: 'Too many devices', help: 'The package’s device limit is reached: another phone is online on it.' },
  wrong_router: { label: 'Package not sold on this router', help: 'The customer’s package is limited to other routers or zones.' },
  disabled: { label: 'Customer disabled', help: 'You disabled this customer.' },
  unknown_nas: { label: 'Unknown router', help: 'A device not added under Routers (or with another NAS IP) sent a request.' },
  bad_authenticator: { label: 'Wrong RADIUS secret', help: 'The router’s RADIUS secret differs from the one saved in HotspotDesk.' },
  missing_message_authenticator: { label: 'No Message-Authenticator', help: 'The router did not sign the request; update RouterOS or untick “Require Message-Authenticator”.' },
  malformed: { label: 'Damaged request', help: 'The request could not be read.' },
  oversized: { label: 'Request too large', help: 'The request was larger than RADIUS allows.' },
  unexpected_code: { label: 'Unexpected packet', help: 'A packet of the wrong kind arrived on this port.' },
  db_error: { label: 'Database error', help: 'HotspotDesk could not read or write its database; see the log.' },
  internal_error: { label: 'Internal error', help: 'Something went wrong inside HotspotDesk; see the log.' },
};

/** The reasons the auth log can be filtered by, in the order the owner meets them (REASONS' order). */
export const REASON_ORDER = Object.keys(REASONS) as AuthLogReason[];

// Stored auth-log lines and status counters arrive as plain strings (an older or newer engine may
// know other reasons): look them up only when they are one we label.
function isReason(reason: string): reason is AuthLogReason {
  return Object.prototype.hasOwnProperty.call(REASONS, reason);
}

export function reasonLabel(reason: string | null): string {
  if (!reason) return '—';
  return isReason(reason) ? REASONS[reason].label : fallback(reason);
}

export function reasonHelp(reason: string | null): string | undefined {
  return reason && isReason(reason) ? REASONS[reason].help : undefined;
}

export const RESULT_LABEL: Record<AuthLogEntry['result'], string> = { accept: 'Accepted', reject: 'Refused', drop: 'Ignored' };
export const RESULT_TONE: Record<AuthLogEntry['result'], string> = { accept: 'green', reject: 'red', drop: 'amber' };

export const SESSION_STATUS_LABEL: Record<SessionInfo['status'], string> = { online: 'Online', stopped: 'Ended', stale: 'No news' };
export const SESSION_STATUS_TONE: Record<SessionInfo['status'], string> = { online: 'green', stopped: 'grey', stale: 'amber' };

/** RADIUS Acct-Terminate-Cause in words. */
export function terminateCause(cause: string | null): string | null {
  if (!cause) return null;
  const words: Record<string, string> = {
    'User-Request': 'logged out',
    'Idle-Timeout': 'idle too long',
    'Session-Timeout': 'time used up',
    'Admin-Reset': 'disconnected by the shop',
    'Lost-Carrier': 'left WiFi range',
    'Lost-Service': 'connection lost',
    'NAS-Reboot': 'router restarted',
    'NAS-Request': 'ended by the router',
    'Port-Error': 'link error',
  };
  return words[cause] ?? cause;
}

export function kickOutcome(r: KickResult): { ok: boolean; text: string } {
  switch (r.outcome) {
    case 'ack':
      return { ok: true, text: 'Disconnected: the router confirmed.' };
    case 'api_removed':
      return { ok: true, text: 'Disconnected through the RouterOS API (the router did not answer the RADIUS disconnect).' };
    case 'not_online':
      return { ok: true, text: 'That device was not online any more.' };
    case 'nak':
      return { ok: false, text: `The router refused to disconnect it${r.detail ? ` (${r.detail})` : ''}. Check “Router sync” for this router.` };
    case 'timeout':
      return { ok: false, text: `The router did not answer the disconnect${r.detail ? ` (${r.detail})` : ''}. Check the CoA port and that RADIUS incoming is on.` };
    default:
      return { ok: false, text: `Could not disconnect it${r.detail ? `: ${r.detail}` : '.'}` };
  }
}

export const PLAN_STATUS: Record<PlanStep['status'], { label: string; tone: string }> = {
  ok: { label: 'Already set', tone: 'green' },
  change: { label: 'Will change', tone: 'blue' },
  blocked: { label: 'Cannot apply', tone: 'amber' },
};

export const STEP_RESULT: Record<ConfigureStep['result'], { label: string; tone: string }> = {
  applied: { label: 'Applied', tone: 'green' },
  unchanged: { label: 'No change needed', tone: 'grey' },
  failed: { label: 'Failed', tone: 'red' },
  skipped: { label: 'Skipped', tone: 'amber' },
};

/** Each payment gateway's name as its customers know it (one per src-shared/payments.ts GATEWAYS). */
export const GATEWAY_NAMES: Record<GatewayId, string> = { bkash: 'bKash', nagad: 'Nagad', sslcommerz: 'SSLCommerz' };

export function gardenSourceLabel(e: WalledGardenEntry): string {
  if (e.source === 'portal') return 'Portal';
  if (e.source === 'custom') return 'Your entry';
  return Object.prototype.hasOwnProperty.call(GATEWAY_NAMES, e.label) ? GATEWAY_NAMES[e.label as GatewayId] : fallback(e.label);
}

/** A short headline for each RouterOS error code; the API's message follows it. */
export const ROUTER_ERROR_TITLE: Record<string, string> = {
  ROUTER_UNREACHABLE: 'The router is not reachable',
  ROUTER_AUTH_FAILED: 'Wrong API user name or password',
  ROUTER_TIMEOUT: 'The router took too long to answer',
  ROUTER_API_DISABLED: 'The router’s API service is off',
  ROUTER_TRAP: 'The router refused the command',
  ROUTER_NOT_CONFIGURED: 'The router’s API is not set up in HotspotDesk',
  ROUTER_CERT_CHANGED: 'The router’s certificate changed',
};

/** Errors the owner fixes in the router's settings form (an "Edit settings" link helps). */
export const SETTINGS_ERRORS = new Set(['ROUTER_AUTH_FAILED', 'ROUTER_NOT_CONFIGURED', 'ROUTER_API_DISABLED', 'ROUTER_UNREACHABLE']);
