-- Night aggregates of telemetry (modules/devices, issue 15): light traps count by night, 18:00–06:00 Việt Nam time,
-- a night dated by its evening. Kept in step with each write like the hourly and daily aggregates, so that a trap's
-- year of nights and the province's trap map read a few hundred rows, not the hours behind them. Readings of the day
-- (06:00–18:00) are in no night.
CREATE TABLE telemetry_nightly (
  device_id bigint NOT NULL,
  key text NOT NULL,
  night date NOT NULL,
  n integer NOT NULL,
  sum double precision NOT NULL,
  min double precision NOT NULL,
  max double precision NOT NULL,
  PRIMARY KEY (device_id, key, night)
);

INSERT INTO telemetry_nightly (device_id, key, night, n, sum, min, max)
SELECT device_id, key, ((ts AT TIME ZONE 'UTC') - interval '11 hours')::date, count(*), sum(value), min(value), max(value)
FROM telemetry
WHERE extract(hour FROM (ts AT TIME ZONE 'UTC') - interval '11 hours') < 12
GROUP BY 1, 2, 3;
