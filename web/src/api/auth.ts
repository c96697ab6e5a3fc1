import { queryOptions } from '@tanstack/react-query';
import { api } from './client';
import type { Capabilities } from '../../../src/core/auth/index.js';
import type { User } from './users';

export type { Capability } from '../../../src/core/auth/index.js';
/** The signed-in user, its CSRF token, and what the interface may offer it (the server derives it from its policies). */
export interface Me { user: User; csrfToken: string; capabilities: Capabilities }
export interface Meta { name: string; version: string; demo: boolean; database: string; boundaryAttribution: string }

/** The signed-in user and the installation: both outlive a sign-out, which forgets every other query. */
export const authKeys = {
  me: ['me'] as const,
  meta: ['meta'] as const,
};
export const KEPT_ON_SIGN_OUT: readonly string[] = [authKeys.me[0], authKeys.meta[0]];

export const metaQuery = () => queryOptions({ queryKey: authKeys.meta, queryFn: () => api<Meta>('/api/meta'), staleTime: 60_000 });

export const fetchMe = () => api<Me>('/api/auth/me');
export const logIn = (username: string, password: string) => api<Me>('/api/auth/login', { method: 'POST', body: { username, password } });
export const logOut = () => api('/api/auth/logout', { method: 'POST' });
export const changePassword = (currentPassword: string, newPassword: string) => api('/api/auth/password', { method: 'POST', body: { currentPassword, newPassword } });
