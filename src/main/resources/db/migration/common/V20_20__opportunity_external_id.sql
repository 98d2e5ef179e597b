-- the id an opportunity has in the system it was exported from: re-importing it updates instead of duplicating (ADR 0009)
ALTER TABLE opportunities ADD COLUMN external_id VARCHAR(100);
CREATE UNIQUE INDEX opportunities_external_id_idx ON opportunities (external_id);
