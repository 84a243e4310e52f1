CREATE TABLE gaps (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    question TEXT NOT NULL UNIQUE,
    considered TEXT NOT NULL DEFAULT '[]',
    status TEXT NOT NULL DEFAULT 'open',
    handled_by TEXT,
    handled_at BIGINT
);
CREATE TABLE gap_asks (
    gap BIGINT NOT NULL REFERENCES gaps (id) ON DELETE CASCADE,
    platform TEXT NOT NULL,
    place TEXT,
    asked BIGINT NOT NULL
);
CREATE INDEX gap_asks_by_gap ON gap_asks (gap, asked);
CREATE INDEX gap_asks_by_time ON gap_asks (asked);
INSERT INTO gaps (question) SELECT DISTINCT question FROM unanswered;
INSERT INTO gap_asks (gap, platform, asked) SELECT gaps.id, unanswered.platform, unanswered.asked FROM unanswered JOIN gaps ON gaps.question = unanswered.question;
DROP TABLE unanswered;
ALTER TABLE audit_log ADD COLUMN platform TEXT NOT NULL DEFAULT '';
ALTER TABLE audit_log ADD COLUMN entry TEXT;
ALTER TABLE audit_log ADD COLUMN file TEXT;
ALTER TABLE audit_log ADD COLUMN diff TEXT;
ALTER TABLE audit_log ADD COLUMN before_text TEXT;
ALTER TABLE audit_log ADD COLUMN after_text TEXT;
CREATE INDEX audit_log_by_entry ON audit_log (entry, id);
ALTER TABLE reports ADD COLUMN fixed_by BIGINT;
