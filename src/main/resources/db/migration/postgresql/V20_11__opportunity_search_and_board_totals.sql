-- PostgreSQL only: name substring search (ILIKE '%…%', Chinese included) through trigrams, and the board's per-stage
-- counts and sums read from the index alone. H2 answers the same queries without these indexes. The operator class is
-- named with pg_trgm's schema (see V10_31).
CREATE EXTENSION IF NOT EXISTS pg_trgm;
DO $$
DECLARE
    trgm text := (SELECT n.nspname FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace
                  WHERE e.extname = 'pg_trgm');
BEGIN
    EXECUTE format('CREATE INDEX opportunities_name_trgm_idx ON opportunities USING gin (name %I.gin_trgm_ops)', trgm);
END $$;
CREATE INDEX opportunities_board_totals_idx ON opportunities (pipeline_id, status, stage_id) INCLUDE (owner_id, amount);
