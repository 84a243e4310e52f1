CREATE TABLE daily_posts (
    target TEXT NOT NULL,
    day TEXT NOT NULL,
    entry TEXT NOT NULL,
    claimed BIGINT NOT NULL,
    posted BIGINT,
    PRIMARY KEY (target, day)
);
CREATE INDEX daily_posts_by_entry ON daily_posts (entry, day);
