-- Cached analytics answers depend on how units roll up (parents, validity, reorganisation events), not on their
-- names, codes or types. They were kept under org_unit_version, which every change of the unit tables bumps, so an
-- administrator correcting a commune's name threw away every cached answer of the province. They are now kept
-- under a second number that only structural changes bump; org_unit_version still tells processes to reload the
-- hierarchy (names included).
ALTER TABLE org_unit_version ADD COLUMN structure_version bigint NOT NULL DEFAULT 0;

CREATE FUNCTION bump_org_unit_structure_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE org_unit_version SET structure_version = structure_version + 1 WHERE id = 1;
  RETURN NULL;
END $$;

-- A statement trigger on UPDATE OF fires when the statement sets one of these columns, whatever the values.
CREATE TRIGGER org_unit_structure_update AFTER UPDATE OF id, parent_id, valid_from, valid_to ON org_unit
  FOR EACH STATEMENT EXECUTE FUNCTION bump_org_unit_structure_version();
CREATE TRIGGER org_unit_structure_change AFTER INSERT OR DELETE OR TRUNCATE ON org_unit
  FOR EACH STATEMENT EXECUTE FUNCTION bump_org_unit_structure_version();
CREATE TRIGGER org_unit_event_structure AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON org_unit_event
  FOR EACH STATEMENT EXECUTE FUNCTION bump_org_unit_structure_version();
CREATE TRIGGER org_unit_event_unit_structure AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON org_unit_event_unit
  FOR EACH STATEMENT EXECUTE FUNCTION bump_org_unit_structure_version();

-- Answers cached under the old number cannot be told apart; they are computed again once.
DELETE FROM analytics_cache;
