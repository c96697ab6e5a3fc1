import type { Db } from '../../db/database.js';
import type { CaseState } from './state-machine.js';

/** A kind's cases still being handled past their deadline (escalated or not), with the unit that holds each. */
export function casesPastDeadline(db: Db, kind: string, handling: CaseState[], today: string) {
  return db.selectFrom('case_record').select(['id', 'tracking_code', 'category_code', 'unit_id', 'place_unit_id', 'due_date', 'lat', 'lon'])
    .where('kind', '=', kind).where('state', 'in', handling).where('due_date', '<', today).orderBy('id').execute();
}
