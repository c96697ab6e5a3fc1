-- A version number of the administrative-unit tables, bumped in the same transaction as any change to them.
-- Processes cache the hierarchy and compare this committed number before each use, so a change made through any
-- process (or by hand in SQL) is seen by all of them at once. It only ever grows and is not part of a backup:
-- a restore bumps it too, so caches never survive one.
CREATE TABLE org_unit_version (
  id integer PRIMARY KEY DEFAULT 1 CHECK (id = 1),
  version bigint NOT NULL
);
INSERT INTO org_unit_version (id, version) VALUES (1, 0);

CREATE FUNCTION bump_org_unit_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE org_unit_version SET version = version + 1 WHERE id = 1;
  RETURN NULL;
END $$;

CREATE TRIGGER org_unit_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON org_unit
  FOR EACH STATEMENT EXECUTE FUNCTION bump_org_unit_version();
CREATE TRIGGER org_unit_event_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON org_unit_event
  FOR EACH STATEMENT EXECUTE FUNCTION bump_org_unit_version();
CREATE TRIGGER org_unit_event_unit_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON org_unit_event_unit
  FOR EACH STATEMENT EXECUTE FUNCTION bump_org_unit_version();
