import { z } from 'zod';
import { command, query, type Role } from './def';

/** An admin password: long enough that five guesses every 15 minutes get nowhere. */
export const adminPassword = z.string().min(8, 'must be at least 8 characters').max(200, 'must be at most 200 characters');
/** A staff member's sign-in name ("Rina"); matched without regard to case. */
export const staffName = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(40, 'must be at most 40 characters')
  .regex(/^[\p{L}\p{N}][\p{L}\p{N} ._-]*$/u, 'may hold letters, digits, spaces, dots, dashes and underscores');

/** How the caller reached the admin API. */
export type SignInVia = 'session' | 'token' | 'desktop';

export interface SignedInUser {
  /** The staff member's name; 'token' (the admin-token file) or 'desktop' (the app's own window). */
  name: string;
  role: Role;
  via: SignInVia;
}

export interface AuthStatus {
  /** Whether an owner password exists (false until auth.setup). */
  passwordSet: boolean;
  /** Whether this caller may set the first password now: none exists and it is on this PC. */
  canSetUp: boolean;
  /** Who is signed in, or null. */
  user: SignedInUser | null;
}

export interface SignedIn {
  name: string;
  role: Role;
  /** When the session ends unless used again (epoch ms); null for the desktop window and the token. */
  expiresAt: number | null;
}

/** Signing in to the admin app: the owner's first password, staff sign-in, changing a password. */
export const authApi = {
  'auth.status': query<AuthStatus>()(z.strictObject({}), { role: 'public' }),
  // Only while no password exists, and only from this PC (checked by the handler: loopback or IPC).
  'auth.setup': command<SignedIn>()(z.strictObject({ password: adminPassword }), { secret: ['password'], role: 'public' }),
  // No name: the owner account made by auth.setup.
  'auth.login': command<SignedIn>()(z.strictObject({ name: staffName.optional(), password: z.string().min(1, 'must not be empty').max(200) }), {
    secret: ['password'],
    role: 'public',
  }),
  'auth.logout': command<{ signedOut: true }>()(z.strictObject({}), { role: 'cashier' }),
  // Anyone signed in changes their own password (the owner account for the token and the desktop).
  'auth.changePassword': command<{ changed: true }>()(z.strictObject({ current: z.string().min(1, 'must not be empty').max(200), next: adminPassword }), {
    secret: ['current', 'next'],
    role: 'cashier',
  }),
};
