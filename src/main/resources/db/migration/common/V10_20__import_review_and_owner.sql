-- rows imported as new customers and put on the duplicate review list (疑似重复) are counted apart from plain imports;
-- the importer chooses a default owner for rows without (or with an unusable) owner column
ALTER TABLE customer_imports ADD COLUMN review INT NOT NULL DEFAULT 0;
ALTER TABLE customer_imports ADD COLUMN default_owner_id BIGINT REFERENCES users (id);
-- row messages are stored as message keys with their arguments and put into words in the reader's language
ALTER TABLE customer_import_rows ALTER COLUMN message SET DATA TYPE VARCHAR(2000);
