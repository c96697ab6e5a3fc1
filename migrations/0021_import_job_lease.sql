-- An import job is running only while its process says so: the process renews heartbeat_at while it works, and a job
-- whose heartbeat has lapsed (its process was killed) is marked failed and its spooled upload removed.
ALTER TABLE import_job ADD COLUMN heartbeat_at timestamptz NOT NULL DEFAULT now();
ALTER TABLE import_job ADD COLUMN spool_file text;
