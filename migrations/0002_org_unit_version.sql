-- A version number of the administrative-unit tables, bumped in the same transaction as any change to them.
-- Processes cache the hierarchy and compare this committed number before each use, so a change made through any
-- process (or by hand in SQL) is seen by all of them at once.
INSERT INTO app_setting (key, value) VALUES ('org_unit_version', '0') ON CONFLICT (key) DO NOTHING;

CREATE FUNCTION bump_org_unit_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE app_setting SET value = to_jsonb((value #>> '{}')::bigint + 1), updated_at = now() WHERE key = 'org_unit_version';
  RETURN NULL;
END $$;

CREATE TRIGGER org_unit_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON org_unit
  FOR EACH STATEMENT EXECUTE FUNCTION bump_org_unit_version();
CREATE TRIGGER org_unit_event_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON org_unit_event
  FOR EACH STATEMENT EXECUTE FUNCTION bump_org_unit_version();
CREATE TRIGGER org_unit_event_unit_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON org_unit_event_unit
  FOR EACH STATEMENT EXECUTE FUNCTION bump_org_unit_version();
