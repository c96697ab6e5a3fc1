-- A live event takes its place in the stream when its transaction commits, not when it is written: a deferred
-- trigger, run at commit after every other statement of the transaction, takes one lock, numbers the event from a
-- sequence and sends it with pg_notify. Numbers therefore follow commit order, so a client that reconnects with the
-- last number it saw misses nothing; and the lock is held only from that moment to the commit, after the
-- transaction took every other lock it needs, so publishing anywhere in a use case cannot deadlock with another.
ALTER TABLE live_event ADD COLUMN seq bigint;
CREATE SEQUENCE live_event_seq;
CREATE UNIQUE INDEX live_event_seq_order ON live_event (seq);

CREATE FUNCTION live_event_committed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  n bigint;
BEGIN
  PERFORM pg_advisory_xact_lock(hashtext(current_schema() || ':live'));
  n := nextval('live_event_seq');
  UPDATE live_event SET seq = n WHERE id = NEW.id;
  -- pg_notify carries less than 8000 bytes: a larger event goes by its number, and listeners read it.
  PERFORM pg_notify(
    'tinhso_live_' || regexp_replace(lower(current_schema()), '[^a-z0-9_]', '_', 'g'),
    CASE WHEN length(NEW.payload::text) < 6000
      THEN json_build_object('id', n, 'at', NEW.at, 'topic', NEW.topic, 'unitIds', NEW.unit_ids, 'userIds', NEW.user_ids, 'payload', NEW.payload)::text
      ELSE json_build_object('id', n)::text
    END);
  RETURN NULL;
END $$;

CREATE CONSTRAINT TRIGGER live_event_commit AFTER INSERT ON live_event
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION live_event_committed();
