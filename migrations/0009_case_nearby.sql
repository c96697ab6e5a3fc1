-- Nearby duplicates: same kind and category, recent, inside a small box around a point. The index narrows by
-- category and time; the box and the exact distance are computed on the few rows left.
CREATE INDEX case_record_nearby ON case_record (kind, category_code, received_at) WHERE lat IS NOT NULL;
