import { writeStamp, type Db } from './database.js';

/**
 * A read from the database that, on the embedded database, is answered again from memory while none of its tables
 * was written since it was made (writeStamp): a long import holds PGlite's one connection, and the screens that need
 * only this still answer. On PostgreSQL it reads every time, since other processes commit at any moment.
 */
export function whileUnwritten<T>(tables: readonly string[], read: (db: Db) => Promise<T>): (db: Db) => Promise<T> {
  const remembered = new WeakMap<Db, { epoch: number; value: T }>();
  return async (db) => {
    const epoch = writeStamp(db, tables);
    const known = remembered.get(db);
    if (epoch !== null && known?.epoch === epoch) return known.value;
    const value = await read(db);
    if (epoch !== null) remembered.set(db, { epoch, value });
    return value;
  };
}
