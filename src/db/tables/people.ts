import type { ColumnType, Generated } from 'kysely';
import type { Timestamp, NullableTimestamp } from './columns.js';

// Users, sessions, API tokens and the audit log (core/users, core/auth, core/tokens, core/audit).

export type Role = 'admin' | 'leader' | 'officer' | 'reviewer' | 'producer';

export type Locale = 'vi' | 'en';


export interface AppUserTable {
  id: Generated<number>;
  username: string;
  display_name: string;
  email: string | null;
  password_hash: string;
  role: Role;
  org_unit_id: number;
  locale: ColumnType<Locale, Locale | undefined, Locale>;
  active: ColumnType<boolean, boolean | undefined, boolean>;
  password_changed_at: Timestamp;
  created_at: Timestamp;
  updated_at: Timestamp;
}


/** Failed sign-ins per name typed (lower case), known or not (migration 0020). */
export interface LoginFailureTable {
  username: string;
  failed: ColumnType<number, number | undefined, number>;
  locked_until: NullableTimestamp;
  updated_at: Timestamp;
}

export interface UserSessionTable {
  id: string;
  user_id: number;
  csrf_token: string;
  created_at: Timestamp;
  last_seen_at: Timestamp;
  expires_at: Timestamp;
  ip: string | null;
  user_agent: string | null;
}


export interface ApiTokenTable {
  id: Generated<number>;
  name: string;
  prefix: string;
  token_hash: string;
  scopes: ColumnType<string[], string, string>;
  org_unit_id: number | null;
  created_by: string;
  created_at: Timestamp;
  expires_at: NullableTimestamp;
  last_used_at: NullableTimestamp;
  revoked_at: NullableTimestamp;
}


export type ActorKind = 'user' | 'token' | 'system' | 'cli';


export interface AuditLogTable {
  id: Generated<number>;
  at: Timestamp;
  actor_kind: ActorKind;
  actor_id: string | null;
  actor_name: string;
  action: string;
  entity: string;
  entity_id: string | null;
  before: ColumnType<unknown, string | null, never>;
  after: ColumnType<unknown, string | null, never>;
  ip: string | null;
  request_id: string | null;
}

