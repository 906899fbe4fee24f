import { create } from 'zustand';
import type { Role } from '../../src-shared/api';
import type { AuthStatus } from '../../src-shared/api/auth';
import { call, clearToken, hasToken } from '../api';

interface AuthState {
  status: AuthStatus | null;
  error: string | null;
  load(): Promise<void>;
  signOut(): Promise<void>;
}

/** Who is signed in (auth.status): the app shows sign-in, set-up or the pages this role may open. */
export const useAuthStore = create<AuthState>()((set) => ({
  status: null,
  error: null,
  async load() {
    let r = await call('auth.status', {});
    // A stale token left from an earlier visit: forget it and ask as nobody, to get the sign-in screen.
    if (!r.ok && r.error.code === 'unauthorized' && hasToken()) {
      clearToken();
      r = await call('auth.status', {});
    }
    if (r.ok) set({ status: r.value, error: null });
    else set({ error: r.error.message });
  },
  async signOut() {
    // Ends the session on the server (the cookie is HttpOnly: only the server can drop it).
    await call('auth.logout', {});
    clearToken();
    // A full reload: every store starts empty for whoever signs in next.
    window.location.reload();
  },
}));

/** The signed-in role; the desktop window is the owner. */
export function useRole(): Role | null {
  return useAuthStore((s) => s.status?.user?.role ?? null);
}
