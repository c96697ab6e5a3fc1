import { describe, expect, it } from 'vitest';
import { readsOnly, writtenTables } from './statement-kind.js';

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
    ['with moved as (delete from "a" returning *) insert into "b" select * from moved', '*'],
    ['TRUNCATE data_value', '*'],
    ['CREATE TEMP TABLE staging (x int)', '*'],
  ])('%s → %j', (sql, expected) => {
    expect(writtenTables(sql)).toEqual(expected);
  });
});
