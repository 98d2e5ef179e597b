-- customer list at scale: the default order (updated_at DESC, id DESC) for the whole base and for one owner
CREATE INDEX customers_updated_idx ON customers (updated_at DESC, id DESC);
CREATE INDEX customers_owner_updated_desc_idx ON customers (owner_id, updated_at DESC, id DESC);
