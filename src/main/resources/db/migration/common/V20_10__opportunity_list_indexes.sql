-- pipeline at a million deals: every list and board query has an index matching its filter and order
-- list, default order (updated_at DESC, id DESC): the whole base (executive) and one owner (rep) read in index order;
-- a manager's team (owner_id IN …) walks the first one and stops after the page
CREATE INDEX opportunities_updated_idx ON opportunities (updated_at DESC, id DESC);
CREATE INDEX opportunities_owner_updated_idx ON opportunities (owner_id, updated_at DESC, id DESC);
-- Kanban: the first cards of one stage, closest expected close first
CREATE INDEX opportunities_board_idx ON opportunities (stage_id, status, expected_close, id);
-- funnel: the stage entries of a period, found by date instead of read in full
CREATE INDEX opportunity_stage_history_entered_idx ON opportunity_stage_history (entered_at, opportunity_id);
