-- Who enters an element: the unit levels that report it (NULL: any level), and whether the platform computes it
-- (a module's figures: feedback received, reports expected), in which case nobody enters it by hand.
ALTER TABLE data_element ADD COLUMN reported_by jsonb;
ALTER TABLE data_element ADD COLUMN computed boolean NOT NULL DEFAULT false;
