ALTER TABLE reports ADD COLUMN reply_to TEXT;
