-- the id an activity has in the system it was exported from: re-importing it updates instead of duplicating (ADR 0009)
ALTER TABLE activities ADD COLUMN external_id VARCHAR(100);
CREATE UNIQUE INDEX activities_external_id_idx ON activities (external_id);
