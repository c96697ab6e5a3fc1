import { createContext, useContext, type ReactNode } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ApiError, setCsrfToken, type Me } from './api';
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
    queryKey: ['me'],
    queryFn: async () => {
      try {
        const me = await api<Me>('/api/auth/me');
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
      const me = await api<Me>('/api/auth/login', { method: 'POST', body: { username, password } });
      setCsrfToken(me.csrfToken);
      if (!localStorage.getItem('tinhso.lang')) void i18n.changeLanguage(me.user.locale);
      client.setQueryData(['me'], me);
    },
    async signOut() {
      await api('/api/auth/logout', { method: 'POST' }).catch(() => undefined);
      // Forget everything the user saw, but keep the 'me' query itself: the gate is subscribed to it.
      client.setQueryData(['me'], null);
      client.removeQueries({ predicate: (q) => q.queryKey[0] !== 'me' && q.queryKey[0] !== 'meta' });
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
