import { queryOptions } from '@tanstack/react-query';
import type { TokenScope, TokenView } from '../../../src/core/tokens/index.js';
import { api } from './client';
import type { Json } from './json';

export type { TokenScope };
/** A token as administrators see it, as the server's schema says (never its secret). */
export type Token = Json<TokenView>;
/** The secret is in this answer only, once. */
export interface CreatedToken { token: string; view: Token }

export const tokenKeys = {
  all: ['tokens'] as const,
  list: () => [...tokenKeys.all, 'list'] as const,
};

export const tokensQuery = () => queryOptions({ queryKey: tokenKeys.list(), queryFn: () => api<Token[]>('/api/tokens') });

export const createToken = (body: { name: string; scopes: TokenScope[] }) => api<CreatedToken>('/api/tokens', { method: 'POST', body });
export const revokeToken = (id: number) => api(`/api/tokens/${id}`, { method: 'DELETE' });
