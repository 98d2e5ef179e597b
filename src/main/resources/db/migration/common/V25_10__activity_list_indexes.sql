-- activity list at scale: the default order (occurred_at DESC, id DESC) for the whole base and for one owner
CREATE INDEX activities_occurred_idx ON activities (occurred_at DESC, id DESC);
CREATE INDEX activities_owner_occurred_desc_idx ON activities (owner_id, occurred_at DESC, id DESC);
