-- PostgreSQL only: name substring search (ILIKE '%…%', Chinese included) through trigrams, and the board's per-stage
-- counts and sums read from the index alone. H2 answers the same queries without these indexes.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE INDEX opportunities_name_trgm_idx ON opportunities USING gin (name gin_trgm_ops);
CREATE INDEX opportunities_board_totals_idx ON opportunities (pipeline_id, status, stage_id) INCLUDE (owner_id, amount);
