-- A restore loads tables in the order of its file and the rows of a table in any order (a device before its gateway,
-- an alert before its type), with its constraints deferred to the end of its transaction: only a deferrable foreign
-- key can wait. The earlier migrations declared theirs so; those of 0019–0041 that did not are made so here.
DO $$
DECLARE c record;
BEGIN
  FOR c IN
    SELECT con.conname, cls.relname FROM pg_constraint con JOIN pg_class cls ON cls.oid = con.conrelid
    WHERE con.contype = 'f' AND NOT con.condeferrable AND con.connamespace = current_schema()::regnamespace
  LOOP
    EXECUTE format('ALTER TABLE %I ALTER CONSTRAINT %I DEFERRABLE INITIALLY IMMEDIATE', c.relname, c.conname);
  END LOOP;
END $$;
