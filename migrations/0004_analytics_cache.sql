-- Analytics answers are cached in the database and stay valid only while the data they were computed from is
-- unchanged: each data element carries a version that triggers bump in the same transaction as any change to its
-- values, and the unit structure has its own version (migration 0002). A cached answer whose versions differ from
-- the current ones is never used, so a change is visible at once, through every process, with no batch job.
-- Like org_unit_version, the versions are bookkeeping, kept out of backups, and only ever grow.
CREATE TABLE data_element_version (
  element_id bigint PRIMARY KEY,
  version bigint NOT NULL
);

CREATE FUNCTION bump_element_version_new() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO data_element_version (element_id, version)
    SELECT DISTINCT element_id, 1 FROM new_rows
    ON CONFLICT (element_id) DO UPDATE SET version = data_element_version.version + 1;
  RETURN NULL;
END $$;
CREATE FUNCTION bump_element_version_old() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO data_element_version (element_id, version)
    SELECT DISTINCT element_id, 1 FROM old_rows
    ON CONFLICT (element_id) DO UPDATE SET version = data_element_version.version + 1;
  RETURN NULL;
END $$;
CREATE TRIGGER data_value_version_insert AFTER INSERT ON data_value
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION bump_element_version_new();
CREATE TRIGGER data_value_version_update AFTER UPDATE ON data_value
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION bump_element_version_new();
CREATE TRIGGER data_value_version_delete AFTER DELETE ON data_value
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION bump_element_version_old();

CREATE TABLE analytics_cache (
  key text PRIMARY KEY,            -- element id | disaggregation | unit id | period code
  element_id bigint NOT NULL,
  element_version bigint NOT NULL,
  unit_version bigint NOT NULL,
  value double precision,
  computed_at timestamptz NOT NULL DEFAULT now()
);
