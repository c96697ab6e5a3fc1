import { queryOptions } from '@tanstack/react-query';
import { api } from './client';

export interface User {
  id: number; username: string; displayName: string; email: string | null; role: 'admin' | 'leader' | 'officer' | 'reviewer' | 'producer';
  orgUnitId: number; orgUnitCode: string; orgUnitName: string; locale: 'vi' | 'en'; active: boolean; lockedUntil: string | null; createdAt: string;
}
export interface UserInput { displayName: string; email: string | null; role: User['role']; orgUnitId: number }

export const userKeys = {
  all: ['users'] as const,
  list: (q: string) => [...userKeys.all, 'list', q] as const,
};

export const usersQuery = (q: string) => queryOptions({
  queryKey: userKeys.list(q),
  queryFn: () => api<{ items: User[]; total: number }>(`/api/users?limit=200&q=${encodeURIComponent(q)}`),
});

export const createUser = (body: UserInput & { username: string; password: string }) => api<User>('/api/users', { method: 'POST', body });
export const updateUser = (id: number, body: Partial<UserInput> | { active: boolean }) => api<User>(`/api/users/${id}`, { method: 'PATCH', body });
export const unlockUser = (id: number) => api(`/api/users/${id}/unlock`, { method: 'POST' });
export const resetPassword = (id: number, password: string) => api(`/api/users/${id}/password`, { method: 'POST', body: { password } });
