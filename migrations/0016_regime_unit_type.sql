-- Reporting units "every unit of a type" (only wards, only communes…), besides a level or a list.
ALTER TABLE report_regime ADD COLUMN reporting_unit_type text;
