-- Three changes that let data values be written by the million and read back fast, after a change or from nothing.
--
-- 1. References checked per statement, not per row. A foreign key checks every inserted row with its own lookup:
--    three of them (element, unit, disaggregation) plus the history's made a million-row import spend more time in
--    checks than in writing. The same guarantees now come from one set-based check per statement over the distinct
--    ids written (locking them against deletion, as a foreign key does) and from triggers refusing to delete a
--    referenced row. Values are never deleted (a value is deleted by marking it), so history keeps its value.
--
-- 2. Data versions per element and year instead of per element. A cached analytics answer is valid while the
--    versions of the years its period covers are unchanged, so one value written for 2024 leaves every cached answer
--    about other years of that element valid: a dashboard stays fast right after a change. Versions come from one
--    sequence, so the largest version over a cell's years changes whenever any of those years changes.
--
-- 3. Year totals of the stored values, kept by the same statement that writes the values. A year is the period the
--    scorecard reads most; summing an element's year for a unit from its monthly values read 144 rows (12 months ×
--    12 disaggregations) where its year total reads 12, so answers computed from nothing (a first view, a change of
--    the unit structure) come an order of magnitude faster. Totals are exact (numeric) and kept by deltas: a write
--    adds its new values and takes away the values it replaced, so concurrent writers never recount. Only values
--    inside one calendar year are totalled (a week from 30 December to 5 January lies in no year cell either), per
--    period type, so that "months and a quarter of the same unit" is still told apart.

ALTER TABLE data_value DROP CONSTRAINT data_value_element_id_fkey;
ALTER TABLE data_value DROP CONSTRAINT data_value_org_unit_id_fkey;
ALTER TABLE data_value DROP CONSTRAINT data_value_coc_id_fkey;
ALTER TABLE data_value_history DROP CONSTRAINT data_value_history_data_value_id_fkey;

DROP TRIGGER data_value_version_insert ON data_value;
DROP TRIGGER data_value_version_update ON data_value;
DROP TRIGGER data_value_version_delete ON data_value;
DROP FUNCTION bump_element_version_new();
DROP FUNCTION bump_element_version_old();
DROP TABLE data_element_version;
-- Answers cached under element versions are answers of no version now.
DELETE FROM analytics_cache;
ALTER TABLE analytics_cache RENAME COLUMN element_version TO data_version;

CREATE SEQUENCE data_version_seq;
CREATE TABLE data_value_year_version (
  element_id bigint NOT NULL,
  year integer NOT NULL,
  version bigint NOT NULL,
  PRIMARY KEY (element_id, year)
);

-- The element ids, unit ids and disaggregation ids of the rows a statement wrote must exist; they are locked
-- FOR KEY SHARE so that a concurrent delete waits for this transaction and then sees its rows. During a restore
-- (tables arrive in alphabetical order) the check runs once at the end instead: check_data_value_references().
CREATE FUNCTION check_data_value_ids(elements bigint[], units bigint[], cocs bigint[]) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  found integer;
  missing bigint;
BEGIN
  SELECT count(*) INTO found FROM (SELECT 1 FROM data_element WHERE id = ANY (elements) ORDER BY id FOR KEY SHARE) s;
  IF found < cardinality(elements) THEN
    SELECT min(x) INTO missing FROM unnest(elements) x WHERE NOT EXISTS (SELECT 1 FROM data_element WHERE id = x);
    RAISE EXCEPTION 'data_value: no data element %', missing USING ERRCODE = 'foreign_key_violation';
  END IF;
  SELECT count(*) INTO found FROM (SELECT 1 FROM org_unit WHERE id = ANY (units) ORDER BY id FOR KEY SHARE) s;
  IF found < cardinality(units) THEN
    SELECT min(x) INTO missing FROM unnest(units) x WHERE NOT EXISTS (SELECT 1 FROM org_unit WHERE id = x);
    RAISE EXCEPTION 'data_value: no organisation unit %', missing USING ERRCODE = 'foreign_key_violation';
  END IF;
  SELECT count(*) INTO found FROM (SELECT 1 FROM category_option_combo WHERE id = ANY (cocs) ORDER BY id FOR KEY SHARE) s;
  IF found < cardinality(cocs) THEN
    SELECT min(x) INTO missing FROM unnest(cocs) x WHERE NOT EXISTS (SELECT 1 FROM category_option_combo WHERE id = x);
    RAISE EXCEPTION 'data_value: no category option combo %', missing USING ERRCODE = 'foreign_key_violation';
  END IF;
END $$;

CREATE FUNCTION check_data_value_references() RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  elements bigint[];
  units bigint[];
  cocs bigint[];
BEGIN
  WITH k AS (SELECT DISTINCT element_id, org_unit_id, coc_id FROM data_value)
  SELECT coalesce(array_agg(DISTINCT element_id), '{}'), coalesce(array_agg(DISTINCT org_unit_id), '{}'), coalesce(array_agg(DISTINCT coc_id), '{}')
    INTO elements, units, cocs FROM k;
  PERFORM check_data_value_ids(elements, units, cocs);
  IF EXISTS (SELECT 1 FROM data_value_history h WHERE NOT EXISTS (SELECT 1 FROM data_value d WHERE d.id = h.data_value_id)) THEN
    RAISE EXCEPTION 'data_value_history: a history row of no data value' USING ERRCODE = 'foreign_key_violation';
  END IF;
END $$;

CREATE TABLE data_value_year_total (
  element_id bigint NOT NULL,
  org_unit_id bigint NOT NULL,
  year integer NOT NULL,
  coc_id bigint NOT NULL,
  period_type text NOT NULL,
  total numeric NOT NULL,
  n integer NOT NULL,
  PRIMARY KEY (element_id, org_unit_id, year, coc_id, period_type)
);

INSERT INTO data_value_year_total (element_id, org_unit_id, year, coc_id, period_type, total, n)
  SELECT element_id, org_unit_id, extract(year FROM start_date)::int, coc_id, period_type, sum(numeric_value::numeric), count(*)
  FROM data_value
  WHERE NOT deleted AND numeric_value IS NOT NULL AND extract(year FROM start_date) = extract(year FROM end_date)
  GROUP BY 1, 2, 3, 4, 5;

-- One function for inserts, updates and deletes: the rows a statement changed, each signed +1 (written) or -1
-- (replaced or removed), bump the versions of their years and move the totals by their difference. The transition
-- tables differ by operation, so the signed rows are named in the SQL text (EXECUTE sees transition tables too).
-- Versions and totals are taken in key order so that two writers of the same values cannot deadlock (see 0014).
CREATE FUNCTION data_value_written() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  elements bigint[];
  units bigint[];
  cocs bigint[];
  columns constant text := 'element_id, org_unit_id, coc_id, period_type, start_date, end_date, numeric_value, deleted';
  changed text;
BEGIN
  IF TG_OP <> 'DELETE' AND coalesce(current_setting('tinhso.restoring', true), '') <> 'on' THEN
    WITH k AS (SELECT DISTINCT element_id, org_unit_id, coc_id FROM new_rows)
    SELECT array_agg(DISTINCT element_id), array_agg(DISTINCT org_unit_id), array_agg(DISTINCT coc_id) INTO elements, units, cocs FROM k;
    IF elements IS NOT NULL THEN
      PERFORM check_data_value_ids(elements, units, cocs);
    END IF;
  END IF;
  changed := CASE TG_OP
    WHEN 'INSERT' THEN format('SELECT %s, 1 AS sign FROM new_rows', columns)
    WHEN 'DELETE' THEN format('SELECT %s, -1 AS sign FROM old_rows', columns)
    ELSE format('SELECT %s, 1 AS sign FROM new_rows UNION ALL SELECT %s, -1 FROM old_rows', columns, columns)
  END;
  EXECUTE format($sql$
    INSERT INTO data_value_year_version (element_id, year, version)
      SELECT element_id, y, nextval('data_version_seq')
      FROM (SELECT DISTINCT element_id, extract(year FROM start_date)::int AS a, extract(year FROM end_date)::int AS b FROM (%s) c) r,
        generate_series(a, b) AS y
      GROUP BY element_id, y ORDER BY element_id, y
    ON CONFLICT (element_id, year) DO UPDATE SET version = excluded.version$sql$, changed);
  EXECUTE format($sql$
    INSERT INTO data_value_year_total AS t (element_id, org_unit_id, year, coc_id, period_type, total, n)
      SELECT element_id, org_unit_id, extract(year FROM start_date)::int, coc_id, period_type, sum(sign * numeric_value::numeric), sum(sign)
      FROM (%s) c
      WHERE NOT deleted AND numeric_value IS NOT NULL AND extract(year FROM start_date) = extract(year FROM end_date)
      GROUP BY 1, 2, 3, 4, 5 HAVING sum(sign) <> 0 OR sum(sign * numeric_value::numeric) <> 0 ORDER BY 1, 2, 3, 4, 5
    ON CONFLICT (element_id, org_unit_id, year, coc_id, period_type) DO UPDATE SET total = t.total + excluded.total, n = t.n + excluded.n$sql$, changed);
  RETURN NULL;
END $$;
CREATE TRIGGER data_value_written_insert AFTER INSERT ON data_value
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION data_value_written();
CREATE TRIGGER data_value_written_update AFTER UPDATE ON data_value
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION data_value_written();
CREATE TRIGGER data_value_written_delete AFTER DELETE ON data_value
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION data_value_written();

-- Emptying the table (a restore does) changes every year of every element.
CREATE FUNCTION data_value_truncated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE data_value_year_version SET version = nextval('data_version_seq');
  DELETE FROM data_value_year_total;
  RETURN NULL;
END $$;
CREATE TRIGGER data_value_truncated AFTER TRUNCATE ON data_value FOR EACH STATEMENT EXECUTE FUNCTION data_value_truncated();

-- What the foreign keys refused: deleting a row that values (or a value that history) still refer to.
CREATE FUNCTION refuse_delete_while_referenced() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  used boolean;
BEGIN
  EXECUTE format('SELECT EXISTS (SELECT 1 FROM %I WHERE %I = $1)', TG_ARGV[0], TG_ARGV[1]) INTO used USING OLD.id;
  IF used THEN
    RAISE EXCEPTION '% % is still referred to by %', TG_TABLE_NAME, OLD.id, TG_ARGV[0] USING ERRCODE = 'foreign_key_violation';
  END IF;
  RETURN OLD;
END $$;
CREATE TRIGGER data_element_referenced BEFORE DELETE ON data_element
  FOR EACH ROW EXECUTE FUNCTION refuse_delete_while_referenced('data_value', 'element_id');
CREATE TRIGGER org_unit_referenced_by_values BEFORE DELETE ON org_unit
  FOR EACH ROW EXECUTE FUNCTION refuse_delete_while_referenced('data_value', 'org_unit_id');
CREATE TRIGGER category_option_combo_referenced BEFORE DELETE ON category_option_combo
  FOR EACH ROW EXECUTE FUNCTION refuse_delete_while_referenced('data_value', 'coc_id');
CREATE TRIGGER data_value_referenced BEFORE DELETE ON data_value
  FOR EACH ROW EXECUTE FUNCTION refuse_delete_while_referenced('data_value_history', 'data_value_id');
-- Ids never change; a changed id would leave its references behind.
CREATE FUNCTION refuse_id_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '%: an id never changes', TG_TABLE_NAME USING ERRCODE = 'foreign_key_violation';
END $$;
CREATE TRIGGER data_element_id_fixed BEFORE UPDATE OF id ON data_element FOR EACH ROW WHEN (OLD.id <> NEW.id) EXECUTE FUNCTION refuse_id_change();
CREATE TRIGGER org_unit_id_fixed BEFORE UPDATE OF id ON org_unit FOR EACH ROW WHEN (OLD.id <> NEW.id) EXECUTE FUNCTION refuse_id_change();
CREATE TRIGGER category_option_combo_id_fixed BEFORE UPDATE OF id ON category_option_combo FOR EACH ROW WHEN (OLD.id <> NEW.id) EXECUTE FUNCTION refuse_id_change();
CREATE TRIGGER data_value_id_fixed BEFORE UPDATE OF id ON data_value FOR EACH ROW WHEN (OLD.id <> NEW.id) EXECUTE FUNCTION refuse_id_change();
