import { describe, expect, it } from 'vitest';
import { namesRead, readsOnly, writtenTables } from './statement-kind.js';

describe('which statements may change committed data', () => {
  it.each([
    ['select "id", "user_id" from "user_session" where "id" = $1', true],
    ['SELECT figures_version() AS v', true],
    ['begin', true],
    ['commit', true],
    ['select count(*) as "n", max("version") from "data_value_year_version"', true],
    ['insert into "notification" ("channel") values ($1)', false],
    ['update "user_session" set "last_seen_at" = $1', false],
    ['with c as (insert into t values (1) returning id) select * from c', false],
    ['SELECT case_open($1::jsonb, $2) AS ids', false],
    ['select nextval(\'data_version_seq\')', false],
    ['COPY data_value FROM STDIN', false],
    ['CREATE TEMP TABLE staging (x int)', false],
    ['SET LOCAL tinhso.restoring = \'on\'', true],
  ])('%s → reads only: %s', (sql, expected) => {
    expect(readsOnly(sql)).toBe(expected);
  });
});

describe('which tables a statement may change', () => {
  it.each([
    ['select * from "user_session"', []],
    ['insert into "import_job" ("created_by") values ($1) returning "id"', ['import_job']],
    ['update "user_session" set "last_seen_at" = $1 where "id" = $2', ['user_session']],
    ['delete from "login_failure" where "username" = $1', ['login_failure']],
    ['COPY data_value_staging (element_id) FROM STDIN', ['data_value_staging']],
    ['SELECT case_open($1::jsonb, $2) AS ids', '*'],
    ['with moved as (delete from "a" returning *) insert into "b" select * from moved', ['a', 'b']],
    ['CREATE TEMP TABLE staging (x int) ON COMMIT DROP', ['staging']],
    ['select 1; delete from "a"', '*'],
    ['ALTER TABLE data_value ADD COLUMN x int', '*'],
  ])('%s → %j', (sql, expected) => {
    expect(writtenTables(sql)).toEqual(expected);
  });

  it('counts what the triggers of a change write in turn, and only the triggers of that kind of change', () => {
    // A value's insert bumps its year's version and total, whose own triggers tell the live stream.
    expect(writtenTables('insert into "data_value" ("value") values ($1)')).toEqual(expect.arrayContaining(['data_value', 'data_value_year_version', 'data_value_year_total', 'live_event']));
    expect(writtenTables('TRUNCATE data_value')).toEqual(expect.arrayContaining(['data_value', 'data_value_year_total']));
    // A unit's deletion runs a check that names its table at run time (%I): it may touch anything.
    expect(writtenTables('delete from "org_unit" where "id" = $1')).toBe('*');
    expect(writtenTables('insert into "org_unit" ("code") values ($1)')).toEqual(expect.arrayContaining(['org_unit', 'org_unit_version']));
  });
});

describe('what a read may be answered between another holder\'s statements', () => {
  it('names the tables a plain read uses, and those of the routines it calls', () => {
    expect(namesRead('select "id" from "case_record" where "unit_id" = $1')!.has('case_record')).toBe(true);
    expect(namesRead('SELECT figures_version() AS v')!.has('data_value_year_version')).toBe(true);
    expect(namesRead('WITH RECURSIVE below AS (SELECT id FROM org_unit WHERE id = $1) SELECT id FROM below')!.has('org_unit')).toBe(true);
    // A comment's ';' or a literal's verb is no second statement and no write.
    expect(namesRead("select 1 -- one; two\n from \"inbox\" where subject <> 'update x'")).not.toBeNull();
  });

  it.each([
    ['select * from "inbox" for update', 'locks rows'],
    ['select pg_advisory_lock(hashtext($1))', 'takes a session lock'],
    ['select nextval(\'data_version_seq\')', 'writes a sequence'],
    ['SELECT case_open($1::jsonb, $2) AS ids', 'calls a writing routine'],
    ['select 1; delete from "inbox"', 'is two statements'],
    ['with x as (insert into "a" values (1) returning *) select * from x', 'changes a table in a WITH'],
  ])('%s: never a guest (it %s)', (sql) => {
    expect(namesRead(sql)).toBeNull();
  });
});
