CREATE TABLE quiz_rounds (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    place TEXT NOT NULL,
    scope TEXT,
    platform TEXT NOT NULL,
    starter TEXT NOT NULL,
    body TEXT NOT NULL,
    step BIGINT NOT NULL DEFAULT 0,
    started BIGINT NOT NULL,
    ended BIGINT
);
CREATE UNIQUE INDEX quiz_rounds_one_per_place ON quiz_rounds (place) WHERE ended IS NULL;
CREATE TABLE quiz_answers (
    round BIGINT NOT NULL REFERENCES quiz_rounds (id) ON DELETE CASCADE,
    question BIGINT NOT NULL,
    player TEXT NOT NULL,
    name TEXT NOT NULL,
    choice BIGINT NOT NULL,
    correct BIGINT NOT NULL,
    entry TEXT NOT NULL,
    scope TEXT,
    answered BIGINT NOT NULL,
    PRIMARY KEY (round, question, player)
);
CREATE INDEX quiz_answers_by_scope ON quiz_answers (scope, answered);
CREATE INDEX quiz_answers_by_player ON quiz_answers (player, answered);
CREATE TABLE quiz_cards (
    player TEXT NOT NULL,
    entry TEXT NOT NULL,
    level BIGINT NOT NULL,
    due BIGINT NOT NULL,
    seen BIGINT NOT NULL,
    misses BIGINT NOT NULL,
    PRIMARY KEY (player, entry)
);
