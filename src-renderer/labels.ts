import type { Role } from '../src-shared/api';
import type { AuthLogEntry, KickResult, SessionInfo } from '../src-shared/api/radius';
import type { ConfigureStep, PlanStep, WalledGardenEntry } from '../src-shared/api/routers';
import type { AuthLogReason } from '../src-shared/radiusReasons';
import type { GatewayId } from '../src-shared/payments';
import type { Lang } from '../src-shared/format';

/**
 * Plain words for the codes the RADIUS and RouterOS APIs return, so the shop owner never reads
 * a log keyword. Unknown codes fall back to the code with underscores turned into spaces.
 *
 * Each English Record keeps its name and values (pages import them directly); its Bangla twin is
 * `<NAME>_BN`, typed as the same Record so a code without Bangla words fails to compile, and
 * `<name>For(lang)` picks one. The functions take the language last, defaulting to English.
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

export const REASONS_BN: typeof REASONS = {
  unknown_user: { label: 'অচেনা ব্যবহারকারী', help: 'এই ইউজার নেমে কোনো নিবন্ধিত গ্রাহক নেই।' },
  bad_password: { label: 'ভুল পাসওয়ার্ড', help: 'গ্রাহক বা ডিভাইস ভুল পাসওয়ার্ড পাঠিয়েছে (অথবা অচেনা ডিভাইস থেকে MAC দিয়ে লগইন)।' },
  no_active_package: { label: 'চালু প্যাকেজ নেই', help: 'গ্রাহকের কোনো প্যাকেজ চলছে না। একটি বিক্রি করুন, অথবা পোর্টালে কিনতে দিন।' },
  expired: { label: 'প্যাকেজের মেয়াদ শেষ', help: 'গ্রাহকের প্যাকেজের সময় শেষ হয়ে গেছে।' },
  data_exhausted: { label: 'ডেটা শেষ', help: 'গ্রাহকের প্যাকেজে আর ডেটা বাকি নেই।' },
  device_limit: { label: 'অনেক বেশি ডিভাইস', help: 'প্যাকেজের ডিভাইসের সীমা পূর্ণ: এই প্যাকেজে অন্য একটি ফোন অনলাইনে আছে।' },
  wrong_router: { label: 'এই রাউটারে প্যাকেজটি বিক্রি হয় না', help: 'গ্রাহকের প্যাকেজটি অন্য রাউটার বা এলাকার জন্য।' },
  disabled: { label: 'গ্রাহক বন্ধ', help: 'আপনি এই গ্রাহককে বন্ধ করে রেখেছেন।' },
  unknown_nas: { label: 'অচেনা রাউটার', help: 'রাউটার তালিকায় নেই (অথবা অন্য NAS IP-র) এমন একটি ডিভাইস অনুরোধ পাঠিয়েছে।' },
  bad_authenticator: { label: 'ভুল RADIUS সিক্রেট', help: 'রাউটারের RADIUS সিক্রেট HotspotDesk-এ সেভ করা সিক্রেটের সাথে মেলে না।' },
  missing_message_authenticator: { label: 'Message-Authenticator নেই', help: 'রাউটার অনুরোধে সই করেনি; RouterOS আপডেট করুন অথবা “Require Message-Authenticator” বন্ধ করুন।' },
  malformed: { label: 'নষ্ট অনুরোধ', help: 'অনুরোধটি পড়া যায়নি।' },
  oversized: { label: 'অনুরোধ খুব বড়', help: 'অনুরোধটি RADIUS-এর অনুমতির চেয়ে বড় ছিল।' },
  unexpected_code: { label: 'অপ্রত্যাশিত প্যাকেট', help: 'এই পোর্টে ভুল ধরনের একটি প্যাকেট এসেছে।' },
  db_error: { label: 'ডেটাবেস সমস্যা', help: 'HotspotDesk তার ডেটাবেস পড়তে বা লিখতে পারেনি; লগ দেখুন।' },
  internal_error: { label: 'ভেতরের সমস্যা', help: 'HotspotDesk-এর ভেতরে কিছু একটা ভুল হয়েছে; লগ দেখুন।' },
};

export function reasonsFor(lang: Lang): typeof REASONS {
  return lang === 'bn' ? REASONS_BN : REASONS;
}

/** The reasons the auth log can be filtered by, in the order the owner meets them (REASONS' order). */
export const REASON_ORDER = Object.keys(REASONS) as AuthLogReason[];

// Stored auth-log lines and status counters arrive as plain strings (an older or newer engine may
// know other reasons): look them up only when they are one we label.
function isReason(reason: string): reason is AuthLogReason {
  return Object.prototype.hasOwnProperty.call(REASONS, reason);
}

export function reasonLabel(reason: string | null, lang: Lang = 'en'): string {
  if (!reason) return '—';
  return isReason(reason) ? reasonsFor(lang)[reason].label : fallback(reason);
}

export function reasonHelp(reason: string | null, lang: Lang = 'en'): string | undefined {
  return reason && isReason(reason) ? reasonsFor(lang)[reason].help : undefined;
}

export const RESULT_LABEL: Record<AuthLogEntry['result'], string> = { accept: 'Accepted', reject: 'Refused', drop: 'Ignored' };
export const RESULT_LABEL_BN: typeof RESULT_LABEL = { accept: 'গৃহীত', reject: 'প্রত্যাখ্যাত', drop: 'উপেক্ষিত' };
export function resultLabelFor(lang: Lang): typeof RESULT_LABEL {
  return lang === 'bn' ? RESULT_LABEL_BN : RESULT_LABEL;
}
export const RESULT_TONE: Record<AuthLogEntry['result'], string> = { accept: 'green', reject: 'red', drop: 'amber' };

export const SESSION_STATUS_LABEL: Record<SessionInfo['status'], string> = { online: 'Online', stopped: 'Ended', stale: 'No news' };
export const SESSION_STATUS_LABEL_BN: typeof SESSION_STATUS_LABEL = { online: 'অনলাইন', stopped: 'শেষ', stale: 'খবর নেই' };
export function sessionStatusLabelFor(lang: Lang): typeof SESSION_STATUS_LABEL {
  return lang === 'bn' ? SESSION_STATUS_LABEL_BN : SESSION_STATUS_LABEL;
}
export const SESSION_STATUS_TONE: Record<SessionInfo['status'], string> = { online: 'green', stopped: 'grey', stale: 'amber' };

const TERMINATE_CAUSE = {
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
const TERMINATE_CAUSE_BN: typeof TERMINATE_CAUSE = {
  'User-Request': 'লগ আউট করেছে',
  'Idle-Timeout': 'অনেকক্ষণ অলস ছিল',
  'Session-Timeout': 'সময় শেষ',
  'Admin-Reset': 'দোকান বিচ্ছিন্ন করেছে',
  'Lost-Carrier': 'ওয়াইফাইয়ের সীমার বাইরে গেছে',
  'Lost-Service': 'সংযোগ হারিয়েছে',
  'NAS-Reboot': 'রাউটার রিস্টার্ট হয়েছে',
  'NAS-Request': 'রাউটার শেষ করেছে',
  'Port-Error': 'লিংকে সমস্যা',
};

/** RADIUS Acct-Terminate-Cause in words (an unknown cause as the router sent it). */
export function terminateCause(cause: string | null, lang: Lang = 'en'): string | null {
  if (!cause) return null;
  const words: Record<string, string> = lang === 'bn' ? TERMINATE_CAUSE_BN : TERMINATE_CAUSE;
  return words[cause] ?? cause;
}

export function kickOutcome(r: KickResult, lang: Lang = 'en'): { ok: boolean; text: string } {
  if (lang === 'bn') return kickOutcomeBn(r);
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

function kickOutcomeBn(r: KickResult): { ok: boolean; text: string } {
  switch (r.outcome) {
    case 'ack':
      return { ok: true, text: 'বিচ্ছিন্ন হয়েছে: রাউটার নিশ্চিত করেছে।' };
    case 'api_removed':
      return { ok: true, text: 'RouterOS API দিয়ে বিচ্ছিন্ন করা হয়েছে (রাউটার RADIUS বিচ্ছিন্ন করার অনুরোধের উত্তর দেয়নি)।' };
    case 'not_online':
      return { ok: true, text: 'ডিভাইসটি আর অনলাইনে ছিল না।' };
    case 'nak':
      return { ok: false, text: `রাউটার এটি বিচ্ছিন্ন করতে রাজি হয়নি${r.detail ? ` (${r.detail})` : ''}। এই রাউটারের “Router sync” দেখুন।` };
    case 'timeout':
      return { ok: false, text: `রাউটার বিচ্ছিন্ন করার অনুরোধের উত্তর দেয়নি${r.detail ? ` (${r.detail})` : ''}। CoA পোর্ট দেখুন, আর RADIUS incoming চালু আছে কি না দেখুন।` };
    default:
      return { ok: false, text: `বিচ্ছিন্ন করা গেল না${r.detail ? `: ${r.detail}` : '।'}` };
  }
}

export const PLAN_STATUS: Record<PlanStep['status'], { label: string; tone: string }> = {
  ok: { label: 'Already set', tone: 'green' },
  change: { label: 'Will change', tone: 'blue' },
  blocked: { label: 'Cannot apply', tone: 'amber' },
};

export const PLAN_STATUS_BN: typeof PLAN_STATUS = {
  ok: { label: 'আগেই ঠিক আছে', tone: 'green' },
  change: { label: 'বদলানো হবে', tone: 'blue' },
  blocked: { label: 'করা যাবে না', tone: 'amber' },
};
export function planStatusFor(lang: Lang): typeof PLAN_STATUS {
  return lang === 'bn' ? PLAN_STATUS_BN : PLAN_STATUS;
}

export const STEP_RESULT: Record<ConfigureStep['result'], { label: string; tone: string }> = {
  applied: { label: 'Applied', tone: 'green' },
  unchanged: { label: 'No change needed', tone: 'grey' },
  failed: { label: 'Failed', tone: 'red' },
  skipped: { label: 'Skipped', tone: 'amber' },
};

export const STEP_RESULT_BN: typeof STEP_RESULT = {
  applied: { label: 'করা হয়েছে', tone: 'green' },
  unchanged: { label: 'বদলানোর দরকার নেই', tone: 'grey' },
  failed: { label: 'হয়নি', tone: 'red' },
  skipped: { label: 'বাদ দেওয়া হয়েছে', tone: 'amber' },
};
export function stepResultFor(lang: Lang): typeof STEP_RESULT {
  return lang === 'bn' ? STEP_RESULT_BN : STEP_RESULT;
}

/** Each payment gateway's name as its customers know it (one per src-shared/payments.ts GATEWAYS). */
export const GATEWAY_NAMES: Record<GatewayId, string> = { bkash: 'bKash', nagad: 'Nagad', sslcommerz: 'SSLCommerz' };

/** The names Bangla speakers know them by (the portal's words: বিকাশ, নগদ). */
export const GATEWAY_NAMES_BN: typeof GATEWAY_NAMES = { bkash: 'বিকাশ', nagad: 'নগদ', sslcommerz: 'SSLCommerz' };
export function gatewayNamesFor(lang: Lang): typeof GATEWAY_NAMES {
  return lang === 'bn' ? GATEWAY_NAMES_BN : GATEWAY_NAMES;
}

export function gardenSourceLabel(e: WalledGardenEntry, lang: Lang = 'en'): string {
  if (e.source === 'portal') return lang === 'bn' ? 'পোর্টাল' : 'Portal';
  if (e.source === 'custom') return lang === 'bn' ? 'আপনার দেওয়া' : 'Your entry';
  const names = gatewayNamesFor(lang);
  return Object.prototype.hasOwnProperty.call(names, e.label) ? names[e.label as GatewayId] : fallback(e.label);
}

/** A short headline for each RouterOS error code; the API's message follows it. */
const ROUTER_ERROR_TITLE_EN = {
  ROUTER_UNREACHABLE: 'The router is not reachable',
  ROUTER_AUTH_FAILED: 'Wrong API user name or password',
  ROUTER_TIMEOUT: 'The router took too long to answer',
  ROUTER_API_DISABLED: 'The router’s API service is off',
  ROUTER_TRAP: 'The router refused the command',
  ROUTER_NOT_CONFIGURED: 'The router’s API is not set up in HotspotDesk',
  ROUTER_CERT_CHANGED: 'The router’s certificate changed',
};
/** Looked up by any error code (only RouterOS codes have a headline). */
export const ROUTER_ERROR_TITLE: Record<string, string> = ROUTER_ERROR_TITLE_EN;

export const ROUTER_ERROR_TITLE_BN: Record<keyof typeof ROUTER_ERROR_TITLE_EN, string> = {
  ROUTER_UNREACHABLE: 'রাউটারে পৌঁছানো যাচ্ছে না',
  ROUTER_AUTH_FAILED: 'API ইউজার নেম বা পাসওয়ার্ড ভুল',
  ROUTER_TIMEOUT: 'রাউটার উত্তর দিতে অনেক দেরি করেছে',
  ROUTER_API_DISABLED: 'রাউটারের API সার্ভিস বন্ধ',
  ROUTER_TRAP: 'রাউটার কমান্ডটি মানেনি',
  ROUTER_NOT_CONFIGURED: 'HotspotDesk-এ রাউটারের API সেট করা হয়নি',
  ROUTER_CERT_CHANGED: 'রাউটারের সার্টিফিকেট বদলে গেছে',
};
export function routerErrorTitlesFor(lang: Lang): Record<string, string> {
  return lang === 'bn' ? ROUTER_ERROR_TITLE_BN : ROUTER_ERROR_TITLE;
}

/** Errors the owner fixes in the router's settings form (an "Edit settings" link helps). */
export const SETTINGS_ERRORS = new Set(['ROUTER_AUTH_FAILED', 'ROUTER_NOT_CONFIGURED', 'ROUTER_API_DISABLED', 'ROUTER_UNREACHABLE']);

/** Staff roles in words (the sidebar, Staff, My account). */
export const ROLE_LABEL: Record<Role, string> = { owner: 'Owner', cashier: 'Cashier' };
export const ROLE_LABEL_BN: typeof ROLE_LABEL = { owner: 'মালিক', cashier: 'ক্যাশিয়ার' };
export function roleLabelFor(lang: Lang): typeof ROLE_LABEL {
  return lang === 'bn' ? ROLE_LABEL_BN : ROLE_LABEL;
}
