-- PostgreSQL only: the customer list's text filter (name or short name containing the text, Chinese included)
-- through trigram indexes, one per column so that the alternatives combine as a bitmap OR. Credit codes are only
-- searched for text that can be part of one (see CustomerManagement.listCondition).
-- The operator class is named with the schema pg_trgm lives in, so the migration also runs when Lantern's schema is
-- not the one the extension was first created in (another schema on the search path, or a database shared by schemas).
CREATE EXTENSION IF NOT EXISTS pg_trgm;
DO $$
DECLARE
    trgm text := (SELECT n.nspname FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace
                  WHERE e.extname = 'pg_trgm');
BEGIN
    EXECUTE format('CREATE INDEX customers_name_trgm_idx ON customers USING gin (name %I.gin_trgm_ops)', trgm);
    EXECUTE format('CREATE INDEX customers_short_name_trgm_idx ON customers USING gin (short_name %I.gin_trgm_ops)', trgm);
END $$;
