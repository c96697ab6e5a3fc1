-- Alert types an administrator adds and removes (core/alerts, issue 14). A type is shipped with the platform or added
-- by the province; a shipped type is never removed (the reference loader would add it back, and the platform's
-- modules raise some of them by name), a type the province added is removed while no alert uses it. A type with
-- alerts is retired instead: no new alert of it is accepted, the alerts it has are handled to their end.
ALTER TABLE alert_type ADD COLUMN origin text NOT NULL DEFAULT 'province' CHECK (origin IN ('platform', 'reference', 'province'));
ALTER TABLE alert_type ADD COLUMN retired_at timestamptz;
-- Every type so far came from the reference files; the loader, run after this migration, tells which of them the
-- platform's own modules raise ('platform': never retired either).
UPDATE alert_type SET origin = 'reference';
