-- Writers of values of the same elements bump the same version rows; taking those row locks in element order (not
-- in the order DISTINCT happens to yield) keeps two concurrent writers from deadlocking.
CREATE OR REPLACE FUNCTION bump_element_version_new() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO data_element_version (element_id, version)
    SELECT DISTINCT element_id, 1 FROM new_rows ORDER BY element_id
    ON CONFLICT (element_id) DO UPDATE SET version = data_element_version.version + 1;
  RETURN NULL;
END $$;
CREATE OR REPLACE FUNCTION bump_element_version_old() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO data_element_version (element_id, version)
    SELECT DISTINCT element_id, 1 FROM old_rows ORDER BY element_id
    ON CONFLICT (element_id) DO UPDATE SET version = data_element_version.version + 1;
  RETURN NULL;
END $$;
