CREATE TABLE reports (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    entry TEXT NOT NULL,
    text TEXT NOT NULL,
    reporter TEXT NOT NULL,
    reporter_id TEXT NOT NULL,
    platform TEXT NOT NULL,
    place TEXT,
    created BIGINT NOT NULL,
    closed_by TEXT,
    closed_at BIGINT
);
CREATE INDEX reports_open ON reports (id) WHERE closed_at IS NULL;
CREATE INDEX reports_by_reporter ON reports (platform, reporter_id, created);
CREATE TABLE unanswered (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    question TEXT NOT NULL,
    locale TEXT NOT NULL,
    platform TEXT NOT NULL,
    asked BIGINT NOT NULL
);
CREATE TABLE audit_log (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    actor TEXT NOT NULL,
    action TEXT NOT NULL,
    detail TEXT NOT NULL,
    at BIGINT NOT NULL
);
CREATE TABLE kv (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL,
    updated BIGINT NOT NULL
);
CREATE TABLE imports (
    source TEXT PRIMARY KEY,
    items BIGINT NOT NULL,
    at BIGINT NOT NULL
);
