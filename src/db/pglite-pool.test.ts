import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from './database.js';

// The embedded database's one connection: a read that touches nothing a long transaction may have written is answered
// between its statements, with the committed state; anything else waits for the transaction to end.

let database: Database;
beforeAll(async () => {
  database = await openDatabase({});
  await sql`CREATE TABLE inbox (id int PRIMARY KEY, subject text); CREATE TABLE figure (id int PRIMARY KEY, value int)`.execute(database.db);
  await sql`INSERT INTO inbox VALUES (1, 'họp giao ban'); INSERT INTO figure VALUES (1, 10)`.execute(database.db);
});
afterAll(async () => database?.close());

/** A transaction that writes `figure`, then waits for the test to let it go on. */
function longTransaction(finish: 'commit' | 'fail' = 'commit') {
  let resume!: () => void;
  const paused = new Promise<void>((resolve) => (resume = resolve));
  let wrote!: () => void;
  const written = new Promise<void>((resolve) => (wrote = resolve));
  const done = database.db.transaction().execute(async (trx) => {
    await sql`UPDATE figure SET value = 99 WHERE id = 1`.execute(trx);
    wrote();
    await paused;
    if (finish === 'fail') throw new Error('the import found a bad row');
  });
  return { written, resume, done };
}

const settled = async <T>(p: Promise<T>) => Promise.race([p.then(() => true, () => true), new Promise((r) => setTimeout(() => r(false), 300))]);

describe('reads while a transaction holds the embedded database', () => {
  it('answers a read of another table at once, and a read of what the transaction wrote once it commits', async () => {
    const tx = longTransaction();
    await tx.written;
    const inbox = await database.db.selectFrom('inbox' as never).selectAll().execute();
    expect(inbox).toEqual([{ id: 1, subject: 'họp giao ban' }]);
    expect((await sql`SELECT 1 AS alive`.execute(database.db)).rows).toEqual([{ alive: 1 }]);
    const figure = sql<{ value: number }>`SELECT value FROM figure WHERE id = 1`.execute(database.db);
    expect(await settled(figure)).toBe(false);
    tx.resume();
    await tx.done;
    expect((await figure).rows).toEqual([{ value: 99 }]);
  });

  it('a guest\'s failing read leaves the transaction whole, and a locking read waits its turn', async () => {
    const tx = longTransaction();
    await tx.written;
    await expect(sql`SELECT * FROM no_such_table`.execute(database.db)).rejects.toThrow(/no_such_table/);
    const locking = sql`SELECT subject FROM inbox WHERE id = 1 FOR UPDATE`.execute(database.db);
    expect(await settled(locking)).toBe(false);
    tx.resume();
    await tx.done;
    await locking;
    expect((await sql<{ value: number }>`SELECT value FROM figure WHERE id = 1`.execute(database.db)).rows).toEqual([{ value: 99 }]);
  });

  it('a write waits for the transaction, and nothing a failed transaction wrote stays', async () => {
    await sql`UPDATE figure SET value = 10 WHERE id = 1`.execute(database.db);
    const tx = longTransaction('fail');
    await tx.written;
    const write = sql`INSERT INTO inbox VALUES (2, 'chờ lượt')`.execute(database.db);
    expect(await settled(write)).toBe(false);
    tx.resume();
    await expect(tx.done).rejects.toThrow(/bad row/);
    await write;
    expect((await sql<{ value: number }>`SELECT value FROM figure WHERE id = 1`.execute(database.db)).rows).toEqual([{ value: 10 }]);
    expect((await sql<{ n: number }>`SELECT count(*)::int AS n FROM inbox`.execute(database.db)).rows).toEqual([{ n: 2 }]);
  });
});
