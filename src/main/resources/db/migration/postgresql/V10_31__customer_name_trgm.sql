-- PostgreSQL only: the customer list's text filter (name or short name containing the text, Chinese included)
-- through trigram indexes, one per column so that the alternatives combine as a bitmap OR. Credit codes are only
-- searched for text that can be part of one (see CustomerManagement.listCondition).
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE INDEX customers_name_trgm_idx ON customers USING gin (name gin_trgm_ops);
CREATE INDEX customers_short_name_trgm_idx ON customers USING gin (short_name gin_trgm_ops);
