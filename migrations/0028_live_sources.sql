-- What screens follow, published by the database itself on every path that writes it (the case engine's functions
-- and use cases, the report workflow, notifications, every value write): one live event per statement, with the
-- units it concerns and the ids to refetch (at most 50; "count" says how many there were). Numbered and sent at
-- commit by the trigger of migration 0027.

CREATE FUNCTION live_cases_written() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO live_event (topic, unit_ids, payload)
    SELECT 'case', nullif(array_agg(DISTINCT u) FILTER (WHERE u IS NOT NULL), '{}'),
      jsonb_build_object('caseIds', (array_agg(DISTINCT e.case_id))[1:50], 'count', count(DISTINCT e.case_id),
        'actions', (array_agg(DISTINCT e.action))[1:10])
    FROM new_events e JOIN case_record c ON c.id = e.case_id,
      LATERAL unnest(array[c.unit_id, c.place_unit_id, c.escalated_to_unit_id, e.unit_id]) u
    HAVING count(*) > 0;
  RETURN NULL;
END $$;
CREATE TRIGGER case_event_live AFTER INSERT ON case_event
  REFERENCING NEW TABLE AS new_events FOR EACH STATEMENT EXECUTE FUNCTION live_cases_written();

CREATE FUNCTION live_reports_written() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO live_event (topic, unit_ids, payload)
    SELECT 'report', nullif(array_agg(DISTINCT u) FILTER (WHERE u IS NOT NULL), '{}'),
      jsonb_build_object('reportIds', (array_agg(DISTINCT e.report_id))[1:50], 'count', count(DISTINCT e.report_id),
        'actions', (array_agg(DISTINCT e.action))[1:10])
    FROM new_events e JOIN report r ON r.id = e.report_id, LATERAL unnest(array[r.org_unit_id, e.unit_id]) u
    HAVING count(*) > 0;
  RETURN NULL;
END $$;
CREATE TRIGGER report_event_live AFTER INSERT ON report_event
  REFERENCING NEW TABLE AS new_events FOR EACH STATEMENT EXECUTE FUNCTION live_reports_written();

-- A personal event: only the people whose in-app messages arrived hear of it.
CREATE FUNCTION live_notifications_written() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO live_event (topic, user_ids, payload)
    SELECT 'notification', array_agg(DISTINCT n.user_id), jsonb_build_object('count', count(*))
    FROM new_rows n WHERE n.channel = 'in_app' AND n.user_id IS NOT NULL
    HAVING count(*) > 0;
  RETURN NULL;
END $$;
CREATE TRIGGER notification_live AFTER INSERT ON notification
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION live_notifications_written();

-- Values: the elements and years whose data version moved (migration 0017 moves it on every write).
CREATE FUNCTION live_values_written() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO live_event (topic, payload)
    SELECT 'value', jsonb_build_object('elementIds', (array_agg(DISTINCT v.element_id))[1:50], 'years', (array_agg(DISTINCT v.year))[1:20],
      'count', count(DISTINCT v.element_id))
    FROM new_rows v
    HAVING count(*) > 0;
  RETURN NULL;
END $$;
CREATE TRIGGER data_value_year_version_live_insert AFTER INSERT ON data_value_year_version
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION live_values_written();
CREATE TRIGGER data_value_year_version_live_update AFTER UPDATE ON data_value_year_version
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION live_values_written();
