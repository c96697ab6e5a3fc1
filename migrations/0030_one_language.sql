-- One language at a time (issue 13, point 8).
--
-- An in-app notice keeps its English wording beside the Vietnamese one, and each reader sees theirs; older notices
-- (NULL) read as written. E-mails carry both languages in subject and body, so these stay NULL for them.
ALTER TABLE notification ADD COLUMN subject_en text, ADD COLUMN body_en text;

-- A citizen's rating is now an event of its own with the figures in its data (each reader's screen words them); the
-- closings and reopenings written before keep their Vietnamese notes: case_event is append-only, history is not
-- rewritten.

-- case_open of migration 0025, which now writes a notice's English wording too.
CREATE OR REPLACE FUNCTION case_open(docs jsonb, expected_version bigint) RETURNS bigint[] LANGUAGE plpgsql AS $$
DECLARE
  ids bigint[];
BEGIN
  PERFORM 1 FROM case_reference_version WHERE id = 1 AND version = expected_version;
  IF NOT FOUND THEN
    RETURN NULL;
  END IF;
  WITH input AS (
    SELECT d.value AS doc, d.ordinality AS n FROM jsonb_array_elements(docs) WITH ORDINALITY d
  ), c AS (
    INSERT INTO case_record (kind, tracking_code, category_code, state, title, description, channel, place_unit_id, unit_id, priority, lat, lon, received_at, due_date, data, client_ref)
      SELECT r.kind, r.tracking_code, r.category_code, r.state, r.title, r.description, r.channel, r.place_unit_id, r.unit_id, r.priority, r.lat, r.lon, r.received_at, r.due_date, coalesce(r.data, '{}'), r.client_ref
      FROM input, jsonb_populate_record(NULL::case_record, input.doc->'case') r
      ORDER BY input.n
      ON CONFLICT (client_ref) DO NOTHING
      RETURNING id, tracking_code
  ), m AS (
    SELECT c.id, input.doc, input.n FROM c JOIN input ON input.doc->'case'->>'tracking_code' = c.tracking_code
  ), e AS (
    INSERT INTO case_event (case_id, at, actor_kind, actor_name, action, from_state, to_state, unit_id, data)
      SELECT m.id, e.at, e.actor_kind, e.actor_name, e.action, e.from_state, e.to_state, e.unit_id, coalesce(e.data, '{}')
      FROM m, jsonb_populate_recordset(NULL::case_event, m.doc->'events') e
  ), a AS (
    INSERT INTO audit_log (at, actor_kind, actor_id, actor_name, action, entity, entity_id, before, after, ip, request_id)
      SELECT coalesce(a.at, now()), a.actor_kind, a.actor_id, a.actor_name, a.action, a.entity, m.id::text, a.before, a.after, a.ip, a.request_id
      FROM m, jsonb_populate_record(NULL::audit_log, m.doc->'audit') a
  ), o AS (
    INSERT INTO notification (channel, recipient, user_id, webhook_id, event, case_id, subject, body, subject_en, body_en, payload, state)
      SELECT o.channel, o.recipient, o.user_id, o.webhook_id, o.event, m.id, o.subject, o.body, o.subject_en, o.body_en, coalesce(o.payload, '{}'), coalesce(o.state, 'pending')
      FROM m, jsonb_populate_recordset(NULL::notification, m.doc->'notifications') o
  )
  SELECT array_agg(coalesce(m.id, 0) ORDER BY input.n) INTO ids FROM input LEFT JOIN m ON m.n = input.n;
  -- A later statement sees what this one and concurrent transactions committed: the cases the skipped ids name.
  SELECT array_agg(coalesce(nullif(x.id, 0), -(SELECT r.id FROM case_record r WHERE r.client_ref = (docs->(x.n::int - 1)->'case'->>'client_ref')::uuid)) ORDER BY x.n)
    INTO ids FROM unnest(ids) WITH ORDINALITY x(id, n);
  RETURN ids;
END $$;
