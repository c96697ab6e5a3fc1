-- Year-specific decisions on top of the statutory holiday rules: an extra day off (a swapped day, the chosen day
-- next to 2/9) or a make-up working day (a Saturday worked in exchange), each with the announcement it comes from.
CREATE TABLE calendar_exception (
  date date PRIMARY KEY,
  kind text NOT NULL CHECK (kind IN ('day_off', 'working_day')),
  name_vi text NOT NULL,
  source text,
  created_by text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
