-- customer: which version of the blocking-key scheme (MatchKeys.SCHEME) the stored keys were computed with. A newer
-- release rebuilds them in the background at start, chunk by chunk (rebuilt_upto = last customer id done), claimed
-- by one node at a time.
CREATE TABLE customer_match_key_scheme (
    id           INT PRIMARY KEY,
    version      INT NOT NULL,
    rebuilt_upto BIGINT NOT NULL DEFAULT 0,
    claimed_by   VARCHAR(100),
    claimed_at   TIMESTAMP WITH TIME ZONE
);
INSERT INTO customer_match_key_scheme (id, version) VALUES (1, 1);
