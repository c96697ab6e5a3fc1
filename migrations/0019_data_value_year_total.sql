-- Year totals of the stored values, kept by the same statement that writes the values. A year is the period the
-- scorecard reads most; summing an element's year for a unit from its monthly values read 144 rows (12 months × 12
-- disaggregations) where its year total reads 12, so answers computed from nothing (a first view, a change of the
-- unit structure) come an order of magnitude faster. Totals are exact (numeric) and kept by deltas: a write adds
-- its new values and takes away the values it replaced, so concurrent writers never recount.
--
-- Only values that lie inside one calendar year are totalled (a week from 30 December to 5 January lies in no year
-- cell either); per period type, so that "months and a quarter of the same unit" is still told apart.
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

CREATE OR REPLACE FUNCTION data_value_written() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  elements bigint[];
  units bigint[];
  cocs bigint[];
BEGIN
  IF TG_OP <> 'DELETE' AND coalesce(current_setting('tinhso.restoring', true), '') <> 'on' THEN
    WITH k AS (SELECT DISTINCT element_id, org_unit_id, coc_id FROM new_rows)
    SELECT array_agg(DISTINCT element_id), array_agg(DISTINCT org_unit_id), array_agg(DISTINCT coc_id) INTO elements, units, cocs FROM k;
    IF elements IS NOT NULL THEN
      PERFORM check_data_value_ids(elements, units, cocs);
    END IF;
  END IF;
  IF TG_OP = 'INSERT' THEN
    INSERT INTO data_value_year_version (element_id, year, version)
      SELECT element_id, y, nextval('data_version_seq')
      FROM (SELECT DISTINCT element_id, extract(year FROM start_date)::int AS a, extract(year FROM end_date)::int AS b FROM new_rows) r,
        generate_series(a, b) AS y
      GROUP BY element_id, y ORDER BY element_id, y
    ON CONFLICT (element_id, year) DO UPDATE SET version = excluded.version;
    INSERT INTO data_value_year_total AS t (element_id, org_unit_id, year, coc_id, period_type, total, n)
      SELECT element_id, org_unit_id, extract(year FROM start_date)::int, coc_id, period_type, sum(numeric_value::numeric), count(*)
      FROM new_rows
      WHERE NOT deleted AND numeric_value IS NOT NULL AND extract(year FROM start_date) = extract(year FROM end_date)
      GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5
    ON CONFLICT (element_id, org_unit_id, year, coc_id, period_type) DO UPDATE SET total = t.total + excluded.total, n = t.n + excluded.n;
  ELSIF TG_OP = 'UPDATE' THEN
    INSERT INTO data_value_year_version (element_id, year, version)
      SELECT element_id, y, nextval('data_version_seq')
      FROM (SELECT DISTINCT element_id, extract(year FROM start_date)::int AS a, extract(year FROM end_date)::int AS b
            FROM (SELECT element_id, start_date, end_date FROM new_rows UNION ALL SELECT element_id, start_date, end_date FROM old_rows) c) r,
        generate_series(a, b) AS y
      GROUP BY element_id, y ORDER BY element_id, y
    ON CONFLICT (element_id, year) DO UPDATE SET version = excluded.version;
    INSERT INTO data_value_year_total AS t (element_id, org_unit_id, year, coc_id, period_type, total, n)
      SELECT element_id, org_unit_id, y, coc_id, period_type, sum(v), sum(c)
      FROM (
        SELECT element_id, org_unit_id, extract(year FROM start_date)::int AS y, coc_id, period_type, numeric_value::numeric AS v, 1 AS c
        FROM new_rows WHERE NOT deleted AND numeric_value IS NOT NULL AND extract(year FROM start_date) = extract(year FROM end_date)
        UNION ALL
        SELECT element_id, org_unit_id, extract(year FROM start_date)::int, coc_id, period_type, -numeric_value::numeric, -1
        FROM old_rows WHERE NOT deleted AND numeric_value IS NOT NULL AND extract(year FROM start_date) = extract(year FROM end_date)
      ) d
      GROUP BY 1, 2, 3, 4, 5 HAVING sum(c) <> 0 OR sum(v) <> 0 ORDER BY 1, 2, 3, 4, 5
    ON CONFLICT (element_id, org_unit_id, year, coc_id, period_type) DO UPDATE SET total = t.total + excluded.total, n = t.n + excluded.n;
  ELSE
    INSERT INTO data_value_year_version (element_id, year, version)
      SELECT element_id, y, nextval('data_version_seq')
      FROM (SELECT DISTINCT element_id, extract(year FROM start_date)::int AS a, extract(year FROM end_date)::int AS b FROM old_rows) r,
        generate_series(a, b) AS y
      GROUP BY element_id, y ORDER BY element_id, y
    ON CONFLICT (element_id, year) DO UPDATE SET version = excluded.version;
    INSERT INTO data_value_year_total AS t (element_id, org_unit_id, year, coc_id, period_type, total, n)
      SELECT element_id, org_unit_id, extract(year FROM start_date)::int, coc_id, period_type, -sum(numeric_value::numeric), -count(*)
      FROM old_rows
      WHERE NOT deleted AND numeric_value IS NOT NULL AND extract(year FROM start_date) = extract(year FROM end_date)
      GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5
    ON CONFLICT (element_id, org_unit_id, year, coc_id, period_type) DO UPDATE SET total = t.total + excluded.total, n = t.n + excluded.n;
  END IF;
  RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION data_value_truncated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE data_value_year_version SET version = nextval('data_version_seq');
  DELETE FROM data_value_year_total;
  RETURN NULL;
END $$;
