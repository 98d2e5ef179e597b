-- activity: the back-fill thresholds an admin sets (one row); flags are recomputed from them
CREATE TABLE activity_backfill_settings (
    id                   INT PRIMARY KEY,
    late_after_hours     INT NOT NULL,
    burst_size           INT NOT NULL,
    burst_window_minutes INT NOT NULL,
    version              INT NOT NULL DEFAULT 0,
    updated_at           TIMESTAMP WITH TIME ZONE,
    updated_by           BIGINT REFERENCES users (id)
);
INSERT INTO activity_backfill_settings (id, late_after_hours, burst_size, burst_window_minutes) VALUES (1, 48, 5, 60);
