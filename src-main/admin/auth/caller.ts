import type { Role } from '../../../src-shared/api';
import type { SignInVia } from '../../../src-shared/api/auth';

/** The HTTP bridge's session cookie; absent over IPC, where nobody needs a session. */
export interface SessionCookie {
  set(token: string, expiresAt: number): void;
  clear(): void;
}

/**
 * Who is calling the admin API, as the bridge that received the call established it. The
 * dispatcher checks `role` against the method's declared role and writes `actor` in the audit log.
 */
export interface Caller {
  /** null: nobody signed in (only 'public' methods pass). */
  role: Role | null;
  /** The audit log's "who": a staff member's name, 'token', 'desktop', or 'anonymous'. */
  actor: string;
  via: SignInVia | null;
  /** The signed-in account (a session); null for the token and the desktop window. */
  userId: number | null;
  /** The session's token, so auth.logout can end it. */
  sessionToken: string | null;
  /** On this PC: IPC, or HTTP from a loopback address. The first password is set only from here. */
  local: boolean;
  cookie?: SessionCookie;
}

/** The Electron window: it runs on the shop PC under the owner's login, so it needs no password. */
export const desktopCaller: Caller = { role: 'owner', actor: 'desktop', via: 'desktop', userId: null, sessionToken: null, local: true };

/** Scripts with `<dataDir>/admin-token` act as the owner. */
export function tokenCaller(local: boolean): Caller {
  return { role: 'owner', actor: 'token', via: 'token', userId: null, sessionToken: null, local };
}

export function anonymousCaller(local: boolean, cookie?: SessionCookie): Caller {
  return { role: null, actor: 'anonymous', via: null, userId: null, sessionToken: null, local, cookie };
}

/** Loopback source addresses (IPv4 127/8, IPv6 ::1, and IPv4-mapped loopback). */
export function isLoopback(address: string | undefined): boolean {
  if (!address) return false;
  const a = address.startsWith('::ffff:') ? address.slice(7) : address;
  return a === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(a);
}
