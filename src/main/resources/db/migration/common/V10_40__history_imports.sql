-- history imports (issue 15): an import is of one kind (customers, opportunities, stage-history, activities); the stage
-- values of its file are mapped to pipeline stages in the mapping step; a row's outcome names the record it created or
-- updated in the kind's own table (a customer, an opportunity, an activity)
ALTER TABLE customer_imports ADD COLUMN kind VARCHAR(20) NOT NULL DEFAULT 'customers';
ALTER TABLE customer_imports ADD COLUMN stage_mapping TEXT;
ALTER TABLE customer_import_rows RENAME COLUMN customer_id TO record_id;

-- the id a customer has in the system it was exported from, so that deals and activities can name it (ADR 0009)
ALTER TABLE customers ADD COLUMN external_id VARCHAR(100);
CREATE INDEX customers_external_id_idx ON customers (external_id);
