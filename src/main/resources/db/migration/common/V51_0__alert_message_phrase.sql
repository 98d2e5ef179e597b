-- Numbered above the newest migration (not 35_x beside the alert tables) so that an existing database upgrades without out-of-order.
-- An alert's message as a message key and its arguments (a JSON array of strings), so that every reader sees it in their
-- language; message keeps the Chinese text for the API, the audit log and alerts raised before this column existed.
ALTER TABLE alerts ADD COLUMN message_key VARCHAR(80);
ALTER TABLE alerts ADD COLUMN message_args VARCHAR(2000);
