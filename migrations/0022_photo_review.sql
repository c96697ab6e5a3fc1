-- A citizen's photo is shown to the public only once an officer has looked at it (it may show a face, a number plate,
-- a house number), unless its category says photos of that kind may be shown on receipt. New photos arrive hidden;
-- reviewed_at records when an officer published, blurred or hid it.
ALTER TABLE case_category ADD COLUMN photos_public boolean NOT NULL DEFAULT false;
ALTER TABLE case_media ADD COLUMN reviewed_at timestamptz;

-- Photos that an officer already handled keep their state and count as reviewed; the rest were shown without review
-- and are hidden until an officer reviews them.
UPDATE case_media m SET reviewed_at = r.at
  FROM (SELECT (e.data->>'mediaId')::bigint AS media_id, max(e.at) AS at FROM case_event e WHERE e.action = 'redact_photo' GROUP BY 1) r
  WHERE r.media_id = m.id;
UPDATE case_media SET hidden = true WHERE reviewed_at IS NULL;
