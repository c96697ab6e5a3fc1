import { z } from 'zod';
import type { Role } from '../../db/schema.js';
import { nameText } from '../validation/index.js';

/** The platform's own staff; the roles an administrator gives here. */
export const ROLES = ['admin', 'leader', 'officer', 'reviewer'] as const satisfies readonly Role[];
/** Every account, with the producers' people, whose accounts the traceability module makes (with their organisation). */
export const ACCOUNT_ROLES = [...ROLES, 'producer'] as const satisfies readonly Role[];

export const ZUserView = z.object({
  id: z.number(),
  username: z.string(),
  displayName: z.string(),
  email: z.string().nullable(),
  role: z.enum(ACCOUNT_ROLES),
  orgUnitId: z.number(),
  orgUnitCode: z.string(),
  orgUnitName: z.string(),
  locale: z.enum(['vi', 'en']),
  active: z.boolean(),
  lockedUntil: z.date().nullable(),
  createdAt: z.date(),
});
export type UserView = z.infer<typeof ZUserView>;


export const ZUserCreate = z
  .object({
    username: z.string().trim().min(3).max(50).regex(/^[a-z0-9._-]+$/i, 'identifier_chars'),
    displayName: nameText(120),
    email: z.string().trim().email().max(200).nullable().optional(),
    role: z.enum(ROLES),
    orgUnitId: z.number().int().positive(),
    locale: z.enum(['vi', 'en']).optional(),
    password: z.string().min(1).max(200),
  })
  .strict();
export const ZUserUpdate = z
  .object({
    displayName: nameText(120).optional(),
    email: z.string().trim().email().max(200).nullable().optional(),
    role: z.enum(ROLES).optional(),
    orgUnitId: z.number().int().positive().optional(),
    locale: z.enum(['vi', 'en']).optional(),
    active: z.boolean().optional(),
  })
  .strict();
export type UserCreate = z.infer<typeof ZUserCreate>;
export type UserUpdate = z.infer<typeof ZUserUpdate>;

export const ZUserParams = z.object({ id: z.coerce.number().int().positive() });
export const ZUserListQuery = z.object({
  q: z.string().max(100).optional(),
  role: z.enum(ACCOUNT_ROLES).optional(),
  orgUnitId: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});
export const ZUserPage = z.object({ items: z.array(ZUserView), total: z.number() });
export const ZPasswordBody = z.object({ password: z.string().min(1).max(200) }).strict();
