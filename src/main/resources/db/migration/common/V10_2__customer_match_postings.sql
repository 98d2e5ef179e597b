-- blocking keys as one BIGINT per (key, customer): the key's 32-bit bucket (a hash, top bit set for strong keys) above
-- the customer id. A key's customers are one range of the primary key and adding a customer's keys touches a single
-- index, where (match_key, customer_id) rows cost three indexes and a foreign-key check each (an import of 100,000
-- rows writes ~3 million of them). Two keys sharing a bucket only add candidates, which the matcher scores anyway.
CREATE TABLE customer_match_postings (
    posting BIGINT PRIMARY KEY
);

-- the buckets a customer's keys were written under (comma-separated), to take its postings out when it changes
CREATE TABLE customer_match_buckets (
    customer_id BIGINT PRIMARY KEY REFERENCES customers (id),
    buckets     TEXT   NOT NULL
);

-- rebuilt from the customers in the background at start-up (MatchKeyRebuild: V10_3 leaves the key scheme behind)
DROP TABLE customer_match_keys;
