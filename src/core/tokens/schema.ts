import { z } from 'zod';
import { instant, nameText } from '../validation/index.js';

/** Scopes a machine can be granted; each capability names the scope its endpoints accept. */
export const TOKEN_SCOPES = ['read', 'open311', 'devices', 'data-exchange', 'reports', 'alerts', 'wall'] as const;
export type TokenScope = (typeof TOKEN_SCOPES)[number];

/** A token as administrators see it: never its secret, which is shown once when it is created. */
export const ZTokenView = z.object({
  id: z.number(),
  name: z.string(),
  prefix: z.string(),
  scopes: z.array(z.string()),
  orgUnitId: z.number().nullable(),
  createdBy: z.string(),
  createdAt: z.date(),
  expiresAt: z.date().nullable(),
  lastUsedAt: z.date().nullable(),
  revokedAt: z.date().nullable(),
});
export type TokenView = z.infer<typeof ZTokenView>;

export const ZCreateTokenBody = z.object({
  name: nameText(100),
  scopes: z.array(z.enum(TOKEN_SCOPES)).min(1),
  /** The units the token may act for (that unit and below); every unit when absent. */
  orgUnitId: z.number().int().positive().nullable().optional(),
  expiresAt: instant().nullable().optional(),
}).strict();
export type CreateTokenInput = z.infer<typeof ZCreateTokenBody>;

export const ZCreatedToken = z.object({ token: z.string(), view: ZTokenView });
export const ZTokenParams = z.object({ id: z.coerce.number().int().positive() });
