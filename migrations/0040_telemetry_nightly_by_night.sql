-- The province's trap map reads one month of nights across every trap: by night first, not by device.
CREATE INDEX telemetry_nightly_night ON telemetry_nightly (night, device_id, key);
