import type { usersApi } from '../../../src-shared/api/users';
import type { Accounts } from '../auth/accounts';
import type { AreaHandlers } from './types';

/** Handlers for `users.*` (staff accounts); the dispatcher has already checked the caller is an owner. */
export function usersHandlers({ accounts }: { accounts: Accounts }) {
  return {
    'users.list': () => accounts.list(),
    'users.create': ({ name, role, password }) => accounts.create(name, role, password),
    'users.disable': ({ id }) => accounts.disable(id),
  } satisfies AreaHandlers<typeof usersApi>;
}
