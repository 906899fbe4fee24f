import type { authApi, AuthStatus, SignedIn } from '../../../src-shared/api/auth';
import { AppError } from '../../errors';
import type { Accounts, NewSession } from '../auth/accounts';
import type { AreaHandlers, CallContext } from './types';

function signedIn(s: NewSession, ctx: CallContext): SignedIn {
  // Over HTTP the token goes into the HttpOnly cookie, never into the reply body.
  ctx.caller.cookie?.set(s.token, s.expiresAt);
  ctx.auditActor = s.name;
  return { name: s.name, role: s.role, expiresAt: s.expiresAt };
}

/** Handlers for `auth.*`: the owner's first password, sign-in and out, changing a password. */
export function authHandlers({ accounts }: { accounts: Accounts }) {
  return {
    'auth.status': (_input, { caller }): AuthStatus => {
      const passwordSet = accounts.hasOwner();
      return {
        passwordSet,
        canSetUp: !passwordSet && caller.local,
        user: caller.role && caller.via ? { name: caller.actor, role: caller.role, via: caller.via } : null,
      };
    },
    'auth.setup': ({ password }, ctx) => {
      // Whoever reaches the admin port first would own the shop: only someone at the PC may.
      if (!ctx.caller.local) throw new AppError('AUTH_NOT_LOCAL');
      const s = accounts.setup(password);
      // The desktop window and the token are the owner already; only a browser needs the session.
      return signedIn(s, ctx);
    },
    'auth.login': ({ name, password }, ctx) => signedIn(accounts.login(name, password), ctx),
    'auth.logout': (_input, { caller }) => {
      if (caller.sessionToken) accounts.logout(caller.sessionToken);
      caller.cookie?.clear();
      return { signedOut: true as const };
    },
    'auth.changePassword': ({ current, next }, { caller }) => {
      accounts.changePassword(caller.userId, current, next);
      return { changed: true as const };
    },
  } satisfies AreaHandlers<typeof authApi>;
}
