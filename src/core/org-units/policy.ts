import { ACCESS } from '../access/index.js';
import { TOKEN_SCOPES } from '../tokens/index.js';

/** Units are reference data: every signed-in user and every API token reads them; administrators alone change them. */
export const ORG_UNIT_POLICY = {
  read: ACCESS.readers([...TOKEN_SCOPES]),
  change: ACCESS.admins,
} as const;
