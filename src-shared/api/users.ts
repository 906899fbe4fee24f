import { z } from 'zod';
import { command, query, id, roles, type Role } from './def';
import { adminPassword, staffName } from './auth';

export interface StaffUser {
  id: number;
  name: string;
  role: Role;
  status: 'active' | 'disabled';
  createdAt: number;
  lastLoginAt: number | null;
  /** Sign-in is refused until then after five wrong passwords (epoch ms), else null. */
  lockedUntil: number | null;
}

/** Staff accounts (owner only): who may sign in to the admin app, and as what. */
export const usersApi = {
  'users.list': query<StaffUser[]>()(z.strictObject({}), { role: 'owner' }),
  'users.create': command<StaffUser>()(z.strictObject({ name: staffName, role: z.enum(roles), password: adminPassword }), { secret: ['password'] }),
  // The last active owner cannot be disabled: nobody could change settings any more.
  'users.disable': command<StaffUser>()(z.strictObject({ id })),
};
