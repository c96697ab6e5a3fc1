import { ACCESS } from '../access/index.js';
import { TOKEN_SCOPES } from '../tokens/index.js';

/** The calendar is reference fact everyone may read (and every token); the year's decisions are recorded by administrators. */
export const CALENDAR_POLICY = {
  read: ACCESS.readers([...TOKEN_SCOPES]),
  decide: ACCESS.admins,
} as const;
