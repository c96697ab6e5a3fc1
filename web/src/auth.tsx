import { createContext, useContext, type ReactNode } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, setCsrfToken } from './api/client';
import { authKeys, fetchMe, KEPT_ON_SIGN_OUT, logIn, logOut, type Capability, type Me } from './api/auth';
import i18n from './i18n';

interface AuthState {
  me: Me | null;
  loading: boolean;
  signIn(username: string, password: string): Promise<void>;
  signOut(): Promise<void>;
}

const AuthContext = createContext<AuthState | null>(null);

export function AuthProvider({ children }: { children: ReactNode }) {
  const client = useQueryClient();
  const query = useQuery({
    queryKey: authKeys.me,
    queryFn: async () => {
      try {
        const me = await fetchMe();
        setCsrfToken(me.csrfToken);
        return me;
      } catch (e) {
        if (e instanceof ApiError && e.status === 401) return null;
        throw e;
      }
    },
    staleTime: Infinity,
  });
  const state: AuthState = {
    me: query.data ?? null,
    loading: query.isLoading,
    async signIn(username, password) {
      const me = await logIn(username, password);
      setCsrfToken(me.csrfToken);
      if (!localStorage.getItem('tinhso.lang')) void i18n.changeLanguage(me.user.locale);
      client.setQueryData(authKeys.me, me);
    },
    async signOut() {
      await logOut().catch(() => undefined);
      // Forget everything the user saw, but keep the 'me' query itself: the gate is subscribed to it.
      client.setQueryData(authKeys.me, null);
      client.removeQueries({ predicate: (q) => !KEPT_ON_SIGN_OUT.includes(String(q.queryKey[0])) });
      // The offline copies of the reporting app (the user, reports) go too: the next person on this machine starts clean.
      if ('caches' in window) for (const key of await caches.keys()) if (key.startsWith('tinhso-reports')) await caches.delete(key);
    },
  };
  return <AuthContext.Provider value={state}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthState {
  const value = useContext(AuthContext);
  if (!value) throw new Error('useAuth outside AuthProvider');
  return value;
}

/**
 * Whether the signed-in user may use a capability: the server's answer, never a guess from the role. Menus, page
 * guards and buttons ask this, so nobody is offered what the server would refuse.
 */
export function useCan(): (capability: Capability) => boolean {
  const { me } = useAuth();
  return (capability) => me?.capabilities?.[capability] === true;
}
