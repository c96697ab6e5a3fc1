import type { Insertable } from 'kysely';
import { inTransaction, type Db } from '../../../db/database.js';
import type { CaseCategoryTable, CaseRoutingRuleTable } from '../../../db/schema.js';
import { insertCaseEvent, updateCaseRow, type CaseEventInput } from '../repo.js';
import { hasCategories, insertCategories, insertRuleRows } from '../settings-repo.js';

export interface UpdateCaseDataOptions {
  db: Db;
  kind: string;
  id: number;
  /** The case's whole data: what a capability keeps there (ratings, followers, contact) is its own. */
  data: Record<string, unknown>;
  /** The step on the timeline that goes with it, by whom. */
  event?: CaseEventInput & { by: { kind: string; name: string } };
  now: Date;
}

/** Rewrites a case's data, with its event, in one transaction. */
export async function updateCaseData({ db, kind, id, data, event, now }: UpdateCaseDataOptions): Promise<void> {
  await inTransaction(db, async (trx) => {
    await updateCaseRow(trx, id, { data: JSON.stringify(data) });
    if (event) await insertCaseEvent(trx, id, event.by, kind, event, now);
  });
}

export interface SeedCaseKindOptions {
  db: Db;
  kind: string;
  categories: Omit<Insertable<CaseCategoryTable>, 'kind'>[];
  rules: Omit<Insertable<CaseRoutingRuleTable>, 'kind'>[];
}

/** A kind's categories and routing rules, when it has no category yet; false when it had. */
export async function seedCaseKind({ db, kind, categories, rules }: SeedCaseKindOptions): Promise<boolean> {
  if (await hasCategories(db, kind)) return false;
  await inTransaction(db, async (trx) => {
    await insertCategories(trx, categories.map((c) => ({ ...c, kind })));
    await insertRuleRows(trx, rules.map((r) => ({ ...r, kind })));
  });
  return true;
}
