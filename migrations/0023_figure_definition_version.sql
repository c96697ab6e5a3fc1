-- A version number of what figures are computed from besides the values themselves: indicators (their formulas),
-- their baselines and targets, and the data elements they name. Bumped in the same transaction as any change, so a
-- process that caches a computed scorecard compares it (with the values' and the units' versions) before serving
-- it, and a change made through any process is seen by all at once. Bookkeeping: only grows, not in backups.
CREATE TABLE figure_definition_version (
  id integer PRIMARY KEY DEFAULT 1 CHECK (id = 1),
  version bigint NOT NULL
);
INSERT INTO figure_definition_version (id, version) VALUES (1, 0);

CREATE FUNCTION bump_figure_definition_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE figure_definition_version SET version = version + 1 WHERE id = 1;
  RETURN NULL;
END $$;
CREATE TRIGGER figure_definition_indicator AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON indicator
  FOR EACH STATEMENT EXECUTE FUNCTION bump_figure_definition_version();
CREATE TRIGGER figure_definition_target AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON indicator_target
  FOR EACH STATEMENT EXECUTE FUNCTION bump_figure_definition_version();
CREATE TRIGGER figure_definition_element AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON data_element
  FOR EACH STATEMENT EXECUTE FUNCTION bump_figure_definition_version();

-- Everything a computed figure depends on, in one statement a cache asks before each use: the values' largest version
-- (they come from one sequence, so it grows with any write), the definitions' version and the units' version.
CREATE INDEX data_value_year_version_latest ON data_value_year_version (version);
CREATE FUNCTION figures_version() RETURNS text LANGUAGE sql STABLE AS $$
  SELECT concat_ws('.',
    (SELECT coalesce(max(version), 0) FROM data_value_year_version),
    (SELECT version FROM figure_definition_version WHERE id = 1),
    (SELECT version FROM org_unit_version WHERE id = 1))
$$;
