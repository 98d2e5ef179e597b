-- PostgreSQL only: the customer list's text filter (name, short name or credit code containing the text) through
-- trigram indexes, one per column so that the three alternatives combine as a bitmap OR
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE INDEX customers_name_trgm_idx ON customers USING gin (name gin_trgm_ops);
CREATE INDEX customers_short_name_trgm_idx ON customers USING gin (short_name gin_trgm_ops);
CREATE INDEX customers_credit_code_trgm_idx ON customers USING gin (credit_code gin_trgm_ops);
