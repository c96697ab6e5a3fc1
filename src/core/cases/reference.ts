import crypto from 'node:crypto';
import type { Selectable } from 'kysely';
import type { Db } from '../../db/database.js';
import type { ApiTokenTable, CaseCategoryTable, CaseRoutingRuleTable } from '../../db/schema.js';
import type { Actor } from '../access/index.js';
import { loadWorkingCalendar, type WorkingCalendar } from '../calendar/index.js';
import type { Subscriber } from '../notify/index.js';

export interface ReferenceUnit { id: number; code: string; name: string; level: string; parentId: number | null; validFrom: string | null; validTo: string | null }

const inForceOn = (u: ReferenceUnit, date: string) => (u.validFrom === null || u.validFrom <= date) && (u.validTo === null || u.validTo >= date);

/**
 * Everything a case's intake reads, loaded at once at one committed version of case_reference_version (migration
 * 0011): categories, routing rules, the working calendar, units, the officers of each unit, webhooks and API tokens.
 */
export class CaseReference {
  private readonly unitsById = new Map<number, ReferenceUnit>();
  private readonly unitsByCode = new Map<string, ReferenceUnit[]>();
  private readonly officersByUnit = new Map<number, { id: number; email: string | null }[]>();
  private readonly categories = new Map<string, Selectable<CaseCategoryTable>>();
  private readonly rules = new Map<string, Selectable<CaseRoutingRuleTable>[]>();
  private readonly tokens = new Map<string, Selectable<ApiTokenTable>>();

  private constructor(readonly version: string, readonly calendar: WorkingCalendar, readonly webhooks: Subscriber[]) {}

  static async load(db: Db): Promise<CaseReference> {
    // One snapshot: every table is read in one transaction, so the version matches what was read.
    const read = async (trx: Db) => {
      const version = await trx.selectFrom('case_reference_version').select('version').executeTakeFirstOrThrow();
      const ref = new CaseReference(String(version.version), await loadWorkingCalendar(trx),
        await trx.selectFrom('webhook').select(['id', 'url', 'events']).where('active', '=', true).execute());
      const units = await trx.selectFrom('org_unit').select(['id', 'code', 'name', 'level', 'parent_id as parentId', 'valid_from as validFrom', 'valid_to as validTo']).execute();
      for (const u of units) {
        ref.unitsById.set(u.id, u);
        ref.unitsByCode.set(u.code, [...(ref.unitsByCode.get(u.code) ?? []), u]);
      }
      const officers = await trx.selectFrom('app_user').select(['id', 'email', 'org_unit_id']).where('role', 'in', ['officer', 'reviewer']).where('active', '=', true).orderBy('id').execute();
      for (const o of officers) ref.officersByUnit.set(o.org_unit_id, [...(ref.officersByUnit.get(o.org_unit_id) ?? []), { id: o.id, email: o.email }]);
      for (const c of await trx.selectFrom('case_category').selectAll().execute()) ref.categories.set(`${c.kind}:${c.code}`, c);
      for (const r of await trx.selectFrom('case_routing_rule').selectAll().orderBy('position').execute()) ref.rules.set(r.kind, [...(ref.rules.get(r.kind) ?? []), r]);
      for (const t of await trx.selectFrom('api_token').selectAll().where('revoked_at', 'is', null).execute()) ref.tokens.set(t.token_hash, t);
      return ref;
    };
    return db.isTransaction ? read(db) : db.transaction().setIsolationLevel('repeatable read').execute(read);
  }

  unit(id: number): ReferenceUnit | undefined {
    return this.unitsById.get(id);
  }

  unitInForce(id: number, date: string): ReferenceUnit | undefined {
    const u = this.unitsById.get(id);
    return u && inForceOn(u, date) ? u : undefined;
  }

  /** The province-level unit in force on a day: the one that triages what has no place yet. */
  provinceInForce(date: string): ReferenceUnit | undefined {
    return [...this.unitsById.values()].find((u) => u.level === 'province' && u.parentId === null && inForceOn(u, date));
  }

  unitByCode(code: string, date: string): ReferenceUnit | undefined {
    return this.unitsByCode.get(code)?.find((u) => inForceOn(u, date));
  }

  officersOf(unitId: number | null): { id: number; email: string | null }[] {
    return unitId === null ? [] : this.officersByUnit.get(unitId) ?? [];
  }

  /** An active category of a kind. */
  category(kind: string, code: string): Selectable<CaseCategoryTable> | undefined {
    const c = this.categories.get(`${kind}:${code}`);
    return c?.active ? c : undefined;
  }

  routingRules(kind: string): Selectable<CaseRoutingRuleTable>[] {
    return this.rules.get(kind) ?? [];
  }

  /** An API token by its secret: unknown, revoked and expired ones are null. */
  token(secret: string, now: Date): Extract<Actor, { kind: 'token' }> | null {
    const row = this.tokens.get(crypto.createHash('sha256').update(secret).digest('hex'));
    if (!row || (row.expires_at && row.expires_at <= now)) return null;
    return { kind: 'token', id: row.id, name: row.name, scopes: row.scopes, orgUnitId: row.org_unit_id };
  }
}

/** Returned by an attempt whose guarded write found the reference changed: reload and try again. */
export const STALE = Symbol('stale reference');

class ReferenceHolder {
  private current?: CaseReference;
  private loading?: Promise<CaseReference>;

  constructor(private readonly db: Db) {}

  /** The reference as last loaded, without asking the database (for writes guarded by its version). */
  async snapshot(): Promise<{ ref: CaseReference; checked: boolean }> {
    if (this.current) return { ref: this.current, checked: false };
    return { ref: await this.reload(), checked: true };
  }

  /** The reference at the committed version: one small query, and a reload when anything changed. */
  async fresh(): Promise<CaseReference> {
    const row = await this.db.selectFrom('case_reference_version').select('version').executeTakeFirstOrThrow();
    if (this.current && this.current.version === String(row.version)) return this.current;
    return this.reload();
  }

  private reload(): Promise<CaseReference> {
    this.loading ??= CaseReference.load(this.db).then((ref) => {
      this.current = ref;
      return ref;
    }).finally(() => {
      this.loading = undefined;
    });
    return this.loading;
  }
}

const holders = new WeakMap<Db, ReferenceHolder>();
const holderFor = (db: Db) => {
  let h = holders.get(db);
  if (!h) holders.set(db, (h = new ReferenceHolder(db)));
  return h;
};

/** The reference at the committed version (one query), for reads that are not guarded by a write. */
export const freshReference = (db: Db) => holderFor(db).fresh();

/**
 * Runs an intake against the cached reference. The attempt's write is guarded by the reference's version; when it
 * reports STALE, or refuses something on a reference not yet checked (a token or unit created a moment ago by
 * another process), it runs again on the committed reference.
 */
export async function withReference<T>(db: Db, attempt: (ref: CaseReference) => Promise<T | typeof STALE>): Promise<T> {
  const holder = holderFor(db);
  let { ref, checked } = await holder.snapshot();
  for (let tries = 0; tries < 5; tries++) {
    try {
      const result = await attempt(ref);
      if (result !== STALE) return result;
    } catch (err) {
      if (checked) throw err;
      const committed = await holder.fresh();
      if (committed === ref) throw err;
      ref = committed;
      checked = true;
      continue;
    }
    ref = await holder.fresh();
    checked = true;
  }
  throw new Error('the case reference kept changing during an intake');
}
