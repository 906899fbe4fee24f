import crypto from 'node:crypto';
import type { Db } from '../../db';
import type { Clock } from '../../clock';
import type { Role } from '../../../src-shared/api';
import type { StaffUser } from '../../../src-shared/api/users';
import { formatDateTime } from '../../../src-shared/format';
import { AppError, errorMessages } from '../../errors';
import { hashSecret, verifySecret } from '../../secrets';
import { afterWrongPassword, isLocked, LOCK_MS, MAX_FAILED_LOGINS } from './lockout';

/** The account auth.setup makes, and the one `auth.login` without a name signs in to. */
export const OWNER_ACCOUNT = 'owner';
/** Names the audit log uses for callers without an account: an account may not take them. */
const RESERVED_NAMES = new Set(['token', 'desktop', 'anonymous']);
/** A browser session lasts this long after its last use. */
export const SESSION_IDLE_MS = 12 * 3600_000;
// Extending a session on every call would write on every read; once a minute is plenty.
const SESSION_REFRESH_MS = 60_000;

interface UserRow {
  id: number;
  username: string;
  password_hash: string;
  role: string;
  status: string;
  created_at: number;
  failed_logins: number;
  locked_until: number | null;
  last_login_at: number | null;
}

export interface SessionUser {
  userId: number;
  name: string;
  role: Role;
  expiresAt: number;
}

export interface NewSession extends SessionUser {
  /** The session token for the cookie; only its hash is stored. */
  token: string;
}

export interface AccountsDeps {
  db: Db;
  clock: Clock;
  /** The shop's time zone, for "locked until 14:35" in the shop's own wall-clock time. */
  timeZone(): string;
}

function toRole(r: string): Role {
  return r === 'cashier' ? 'cashier' : 'owner';
}

function toStaff(r: UserRow, now: number): StaffUser {
  return {
    id: r.id,
    name: r.username,
    role: toRole(r.role),
    status: r.status === 'disabled' ? 'disabled' : 'active',
    createdAt: r.created_at,
    lastLoginAt: r.last_login_at,
    lockedUntil: r.locked_until !== null && r.locked_until > now ? r.locked_until : null,
  };
}

const sha256 = (s: string) => crypto.createHash('sha256').update(s).digest('hex');

/**
 * Admin accounts and their browser sessions (tables admin_users, admin_sessions): scrypt
 * password hashes, the five-tries lockout per account, and the last-owner rule. Passwords never
 * leave this module except as hashes, and no error message repeats one.
 */
export function createAccounts({ db, clock, timeZone }: AccountsDeps) {
  const q = {
    byName: db.prepare<[string], UserRow>('SELECT * FROM admin_users WHERE username = ? COLLATE NOCASE'),
    byId: db.prepare<[number], UserRow>('SELECT * FROM admin_users WHERE id = ?'),
    list: db.prepare<[], UserRow>('SELECT * FROM admin_users ORDER BY id'),
    activeOwners: db.prepare<[], { n: number }>("SELECT COUNT(*) AS n FROM admin_users WHERE role = 'owner' AND status = 'active'"),
    insert: db.prepare<[string, string, string, number]>('INSERT INTO admin_users (username, password_hash, role, created_at) VALUES (?, ?, ?, ?)'),
    setLock: db.prepare<[number, number | null, number]>('UPDATE admin_users SET failed_logins = ?, locked_until = ? WHERE id = ?'),
    signedIn: db.prepare<[number, number]>('UPDATE admin_users SET failed_logins = 0, locked_until = NULL, last_login_at = ? WHERE id = ?'),
    setHash: db.prepare<[string, number]>('UPDATE admin_users SET password_hash = ? WHERE id = ?'),
    disable: db.prepare<[number]>("UPDATE admin_users SET status = 'disabled' WHERE id = ?"),
    newSession: db.prepare<[string, number, number, number]>('INSERT INTO admin_sessions (token_hash, user_id, created_at, expires_at) VALUES (?, ?, ?, ?)'),
    session: db.prepare<[string], { user_id: number; expires_at: number }>('SELECT user_id, expires_at FROM admin_sessions WHERE token_hash = ?'),
    extend: db.prepare<[number, string]>('UPDATE admin_sessions SET expires_at = ? WHERE token_hash = ?'),
    endSession: db.prepare<[string]>('DELETE FROM admin_sessions WHERE token_hash = ?'),
    endUserSessions: db.prepare<[number]>('DELETE FROM admin_sessions WHERE user_id = ?'),
    endExpired: db.prepare<[number]>('DELETE FROM admin_sessions WHERE expires_at <= ?'),
  };

  // A wrong name costs the same scrypt as a wrong password, so timing does not tell which names exist.
  let dummyHash: string | null = null;

  function lockedError(name: string, until: number): AppError {
    const minutes = Math.max(1, Math.ceil((until - clock.now()) / 60_000));
    return new AppError(
      'AUTH_LOCKED',
      `Too many wrong passwords: sign-in for ${name} is paused until ${formatDateTime(until, timeZone())} (${minutes} minute${minutes === 1 ? '' : 's'}). ` +
        'Wait, or sign in with the admin token on the shop PC.',
    );
  }

  function openSession(u: UserRow): NewSession {
    const now = clock.now();
    const token = crypto.randomBytes(32).toString('base64url');
    const expiresAt = now + SESSION_IDLE_MS;
    db.transaction(() => {
      q.endExpired.run(now);
      q.newSession.run(sha256(token), u.id, now, expiresAt);
      q.signedIn.run(now, u.id);
    })();
    return { token, userId: u.id, name: u.username, role: toRole(u.role), expiresAt };
  }

  function checkName(name: string): void {
    if (RESERVED_NAMES.has(name.toLowerCase())) throw new AppError('invalid_input', `name: "${name}" is reserved; choose another name`, { field: 'name' });
    if (q.byName.get(name)) throw new AppError('conflict', `name: there is already an account called ${name}`, { field: 'name' });
  }

  function insertUser(name: string, role: Role, password: string): UserRow {
    const id = Number(q.insert.run(name, hashSecret(password), role, clock.now()).lastInsertRowid);
    return q.byId.get(id)!;
  }

  const accounts = {
    /** Whether an owner can sign in (auth.setup is offered until then). */
    hasOwner(): boolean {
      return q.activeOwners.get()!.n > 0;
    },

    /** The first owner password: refused once any owner exists. */
    setup(password: string): NewSession {
      const u = db.transaction(() => {
        if (accounts.hasOwner()) throw new AppError('AUTH_ALREADY_SET_UP');
        // Only a cashier made with the admin token before set-up could hold the name.
        if (q.byName.get(OWNER_ACCOUNT)) throw new AppError('conflict', `A cashier account is already called ${OWNER_ACCOUNT}. Create owners with the admin token on the Staff page instead.`);
        return insertUser(OWNER_ACCOUNT, 'owner', password);
      })();
      return openSession(u);
    },

    login(name: string | undefined, password: string): NewSession {
      const account = name ?? OWNER_ACCOUNT;
      const u = q.byName.get(account);
      if (!u) {
        dummyHash ??= hashSecret(crypto.randomBytes(16).toString('hex'));
        verifySecret(password, dummyHash);
        throw new AppError('AUTH_WRONG_PASSWORD', name === undefined ? 'No owner password is set yet. Set one on the shop PC first.' : errorMessages.AUTH_WRONG_PASSWORD);
      }
      const now = clock.now();
      const lock = { failedLogins: u.failed_logins, lockedUntil: u.locked_until };
      // Locked: refuse before looking at the password, so guessing cannot go on during the pause.
      if (isLocked(lock, now)) throw lockedError(u.username, u.locked_until!);
      if (!verifySecret(password, u.password_hash)) {
        const next = afterWrongPassword(lock, now);
        q.setLock.run(next.failedLogins, next.lockedUntil, u.id);
        if (next.lockedUntil !== null) throw lockedError(u.username, next.lockedUntil);
        const left = MAX_FAILED_LOGINS - next.failedLogins;
        throw new AppError(
          'AUTH_WRONG_PASSWORD',
          `${errorMessages.AUTH_WRONG_PASSWORD} ${left} ${left === 1 ? 'try' : 'tries'} left before sign-in pauses for ${LOCK_MS / 60_000} minutes.`,
        );
      }
      // Checked after the password, so "disabled" never tells a guesser that a name exists.
      if (u.status === 'disabled') throw new AppError('USER_DISABLED');
      return openSession(u);
    },

    /** The signed-in user of a session token, or null (unknown, expired, disabled). */
    session(token: string): SessionUser | null {
      const h = sha256(token);
      const s = q.session.get(h);
      const now = clock.now();
      if (!s || s.expires_at <= now) return null;
      const u = q.byId.get(s.user_id);
      if (!u || u.status !== 'active') return null;
      let expiresAt = s.expires_at;
      if (now + SESSION_IDLE_MS - expiresAt >= SESSION_REFRESH_MS) {
        expiresAt = now + SESSION_IDLE_MS;
        q.extend.run(expiresAt, h);
      }
      return { userId: u.id, name: u.username, role: toRole(u.role), expiresAt };
    },

    logout(token: string): void {
      q.endSession.run(sha256(token));
    },

    /** Changes the password of an account (userId null: the owner account) after checking the current one. */
    changePassword(userId: number | null, current: string, next: string): void {
      const u = userId === null ? q.byName.get(OWNER_ACCOUNT) : q.byId.get(userId);
      if (!u) throw new AppError('not_found', 'There is no owner password yet. Set one first.');
      const now = clock.now();
      const lock = { failedLogins: u.failed_logins, lockedUntil: u.locked_until };
      // The same five tries as sign-in: otherwise a left-open session could guess the password here.
      if (isLocked(lock, now)) throw lockedError(u.username, u.locked_until!);
      if (!verifySecret(current, u.password_hash)) {
        const after = afterWrongPassword(lock, now);
        q.setLock.run(after.failedLogins, after.lockedUntil, u.id);
        if (after.lockedUntil !== null) throw lockedError(u.username, after.lockedUntil);
        throw new AppError('invalid_input', 'current: that is not your current password', { field: 'current' });
      }
      db.transaction(() => {
        q.setHash.run(hashSecret(next), u.id);
        q.setLock.run(0, null, u.id);
      })();
    },

    list(): StaffUser[] {
      const now = clock.now();
      return q.list.all().map((r) => toStaff(r, now));
    },

    create(name: string, role: Role, password: string): StaffUser {
      return toStaff(
        db.transaction(() => {
          checkName(name);
          return insertUser(name, role, password);
        })(),
        clock.now(),
      );
    },

    disable(id: number): StaffUser {
      const u = db.transaction(() => {
        const row = q.byId.get(id);
        if (!row) throw new AppError('not_found', `There is no staff account ${id}.`);
        if (row.status === 'active' && row.role === 'owner' && q.activeOwners.get()!.n <= 1) throw new AppError('USER_LAST_OWNER');
        q.disable.run(id);
        // Signed out everywhere at once, not when the session runs out.
        q.endUserSessions.run(id);
        return q.byId.get(id)!;
      })();
      return toStaff(u, clock.now());
    },
  };
  return accounts;
}

export type Accounts = ReturnType<typeof createAccounts>;
