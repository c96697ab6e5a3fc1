-- A version number of everything a case's intake reads: categories, routing rules, the working calendar, units,
-- officers (who is told), API tokens (who may post) and webhooks. Processes keep that reference in memory and write
-- a case with one statement guarded by this number: when any of it changed, the statement writes nothing and the
-- process reloads and tries again, so a change made anywhere is honoured at once without a read per request.
CREATE TABLE case_reference_version (
  id integer PRIMARY KEY DEFAULT 1 CHECK (id = 1),
  version bigint NOT NULL
);
INSERT INTO case_reference_version (id, version) VALUES (1, 0);

CREATE FUNCTION bump_case_reference_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE case_reference_version SET version = version + 1 WHERE id = 1;
  RETURN NULL;
END $$;

CREATE TRIGGER case_reference_category AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON case_category
  FOR EACH STATEMENT EXECUTE FUNCTION bump_case_reference_version();
CREATE TRIGGER case_reference_routing AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON case_routing_rule
  FOR EACH STATEMENT EXECUTE FUNCTION bump_case_reference_version();
CREATE TRIGGER case_reference_calendar AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON calendar_exception
  FOR EACH STATEMENT EXECUTE FUNCTION bump_case_reference_version();
CREATE TRIGGER case_reference_unit AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON org_unit
  FOR EACH STATEMENT EXECUTE FUNCTION bump_case_reference_version();
CREATE TRIGGER case_reference_webhook AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON webhook
  FOR EACH STATEMENT EXECUTE FUNCTION bump_case_reference_version();
-- Users and tokens change often in columns the intake does not read (logins, last use): only the columns it reads count.
CREATE TRIGGER case_reference_user AFTER INSERT OR DELETE OR TRUNCATE ON app_user
  FOR EACH STATEMENT EXECUTE FUNCTION bump_case_reference_version();
CREATE TRIGGER case_reference_user_update AFTER UPDATE OF role, org_unit_id, active, email ON app_user
  FOR EACH STATEMENT EXECUTE FUNCTION bump_case_reference_version();
CREATE TRIGGER case_reference_token AFTER INSERT OR DELETE OR TRUNCATE ON api_token
  FOR EACH STATEMENT EXECUTE FUNCTION bump_case_reference_version();
CREATE TRIGGER case_reference_token_update AFTER UPDATE OF revoked_at, expires_at, scopes, org_unit_id, token_hash ON api_token
  FOR EACH STATEMENT EXECUTE FUNCTION bump_case_reference_version();

-- Receives cases in one call: for each JSON document, the case, its first timeline events, its audit row and its
-- outbox messages; their ids in order, or NULL (nothing written) when the case reference is no longer at the version
-- the caller computed them from. A function, so that its plans are prepared once per connection; an array, so that
-- the cases arriving together share one round trip and one commit.
CREATE FUNCTION case_open(docs jsonb, expected_version bigint) RETURNS bigint[] LANGUAGE plpgsql AS $$
DECLARE
  ids bigint[];
BEGIN
  PERFORM 1 FROM case_reference_version WHERE id = 1 AND version = expected_version;
  IF NOT FOUND THEN
    RETURN NULL;
  END IF;
  -- Set-based: one insert per table for the whole batch; cases are matched back to their documents by tracking code.
  WITH input AS (
    SELECT d.value AS doc, d.ordinality AS n FROM jsonb_array_elements(docs) WITH ORDINALITY d
  ), c AS (
    INSERT INTO case_record (kind, tracking_code, category_code, state, title, description, channel, place_unit_id, unit_id, priority, lat, lon, received_at, due_date, data)
      SELECT r.kind, r.tracking_code, r.category_code, r.state, r.title, r.description, r.channel, r.place_unit_id, r.unit_id, r.priority, r.lat, r.lon, r.received_at, r.due_date, coalesce(r.data, '{}')
      FROM input, jsonb_populate_record(NULL::case_record, input.doc->'case') r
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
    INSERT INTO notification (channel, recipient, user_id, webhook_id, event, case_id, subject, body, payload, state)
      SELECT o.channel, o.recipient, o.user_id, o.webhook_id, o.event, m.id, o.subject, o.body, coalesce(o.payload, '{}'), coalesce(o.state, 'pending')
      FROM m, jsonb_populate_recordset(NULL::notification, m.doc->'notifications') o
  )
  SELECT array_agg(m.id ORDER BY m.n) INTO ids FROM m;
  RETURN ids;
END $$;
