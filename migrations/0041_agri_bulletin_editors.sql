-- Everyone who changed a draft (its drafter first): none of them may approve it (four eyes on what farmers follow).
ALTER TABLE agri_bulletin ADD COLUMN editors jsonb NOT NULL DEFAULT '[]';
UPDATE agri_bulletin SET editors = jsonb_build_array(drafted_by);
