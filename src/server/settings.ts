import type { Db } from '../db/database.js';

export async function readSetting<T>(db: Db, key: string): Promise<T | undefined> {
  const row = await db.selectFrom('app_setting').select('value').where('key', '=', key).executeTakeFirst();
  return row?.value as T | undefined;
}

export async function writeSetting(db: Db, key: string, value: unknown): Promise<void> {
  const json = JSON.stringify(value);
  await db
    .insertInto('app_setting')
    .values({ key, value: json })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value: json, updated_at: new Date() }))
    .execute();
}

/** A setting made once and then only read: the first process to need it writes it, every other reads the same. */
export async function ensureSetting<T>(db: Db, key: string, make: () => T): Promise<T> {
  await db.insertInto('app_setting').values({ key, value: JSON.stringify(make()) }).onConflict((oc) => oc.column('key').doNothing()).execute();
  return (await readSetting<T>(db, key))!;
}
