//! [`StudyStore`] on SQLite.

use rusqlite::{params, OptionalExtension, Row, TransactionBehavior};

use super::SqliteStore;
use crate::store::study::{ended_at, round_body, round_from, sql, Begun, DailyPost, NewAnswer, Recorded, Standing, StoredAnswer, StudyStore};
use crate::store::{signed, unsigned, StoreError};
use crate::study::leitner::Card;
use crate::study::round::Round;

fn answer_from(row: &Row<'_>) -> rusqlite::Result<(i64, i64, String, String, i64, i64, String, i64)> {
    Ok((row.get(0)?, row.get(1)?, row.get(2)?, row.get(3)?, row.get(4)?, row.get(5)?, row.get(6)?, row.get(7)?))
}

fn stored((round, question, player, name, choice, correct, entry, at): (i64, i64, String, String, i64, i64, String, i64)) -> Result<StoredAnswer, StoreError> {
    Ok(StoredAnswer {
        round: unsigned(round)?,
        question: unsigned(question)? as usize,
        player,
        name,
        choice: unsigned(choice)? as usize,
        correct: correct != 0,
        entry,
        at: unsigned(at)?,
    })
}

impl SqliteStore {
    fn rounds(&self, sql: &str, parameters: impl rusqlite::Params) -> Result<Vec<Round>, StoreError> {
        let connection = self.lock();
        let mut statement = connection.prepare_cached(sql)?;
        let rows = statement.query_map(parameters, |row| Ok((row.get::<_, i64>(0)?, row.get::<_, String>(1)?)))?;
        rows.map(|row| {
            let (id, body) = row?;
            round_from(id, &body)
        })
        .collect()
    }

    fn answers(&self, sql: &str, parameters: impl rusqlite::Params) -> Result<Vec<StoredAnswer>, StoreError> {
        let connection = self.lock();
        let mut statement = connection.prepare_cached(sql)?;
        let rows = statement.query_map(parameters, answer_from)?;
        rows.map(|row| stored(row?)).collect()
    }
}

impl StudyStore for SqliteStore {
    fn begin_round(&self, round: &Round) -> Result<Begun, StoreError> {
        let mut connection = self.lock();
        let transaction = connection.transaction_with_behavior(TransactionBehavior::Immediate)?;
        let body = round_body(round)?;
        let id: Option<i64> = transaction
            .query_row(
                sql::BEGIN_ROUND,
                params![round.place.key, round.place.scope, round.place.platform, round.starter.id, body, signed(round.step)?, signed(round.started)?],
                |row| row.get(0),
            )
            .optional()?;
        let begun = match id {
            Some(id) => Begun::Started(Box::new(Round { id: unsigned(id)?, ..round.clone() })),
            None => {
                let (id, body): (i64, String) = transaction.query_row(sql::ACTIVE_ROUND, [&round.place.key], |row| Ok((row.get(0)?, row.get(1)?)))?;
                Begun::Busy(Box::new(round_from(id, &body)?))
            }
        };
        transaction.commit()?;
        Ok(begun)
    }

    fn quiz_round(&self, id: u64) -> Result<Option<Round>, StoreError> {
        Ok(self.rounds(sql::ROUND, params![signed(id)?])?.pop())
    }

    fn active_round(&self, place: &str) -> Result<Option<Round>, StoreError> {
        Ok(self.rounds(sql::ACTIVE_ROUND, params![place])?.pop())
    }

    fn active_rounds(&self) -> Result<Vec<Round>, StoreError> {
        self.rounds(sql::ACTIVE_ROUNDS, [])
    }

    fn save_round(&self, round: &Round, from_step: u64, now: u64) -> Result<bool, StoreError> {
        let ended = ended_at(round, now).map(signed).transpose()?;
        let changed = self.lock().execute(sql::SAVE_ROUND, params![round_body(round)?, signed(round.step)?, ended, signed(round.id)?, signed(from_step)?])?;
        Ok(changed == 1)
    }

    fn record_answer(&self, answer: &NewAnswer) -> Result<Recorded, StoreError> {
        let mut connection = self.lock();
        let transaction = connection.transaction_with_behavior(TransactionBehavior::Immediate)?;
        let (round, question) = (signed(answer.round)?, signed(answer.question as u64)?);
        let inserted = transaction.execute(
            "INSERT INTO quiz_answers (round, question, player, name, choice, correct, entry, scope, answered)
             SELECT ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9 WHERE EXISTS (SELECT 1 FROM quiz_rounds WHERE id = ?1 AND step = ?10 AND ended IS NULL)
             ON CONFLICT (round, question, player) DO NOTHING",
            params![
                round,
                question,
                answer.player,
                answer.name,
                signed(answer.choice as u64)?,
                i64::from(answer.correct),
                answer.entry,
                answer.scope,
                signed(answer.at)?,
                signed(answer.step)?
            ],
        )?;
        let recorded = if inserted == 1 {
            Recorded::Recorded
        } else {
            let existing: Option<i64> = transaction.query_row(sql::EXISTING_ANSWER, params![round, question, answer.player], |row| row.get(0)).optional()?;
            match existing {
                Some(choice) => Recorded::Already { choice: unsigned(choice)? as usize },
                None => Recorded::Closed,
            }
        };
        transaction.commit()?;
        Ok(recorded)
    }

    fn revise_answer(&self, answer: &NewAnswer) -> Result<Recorded, StoreError> {
        let mut connection = self.lock();
        let transaction = connection.transaction_with_behavior(TransactionBehavior::Immediate)?;
        let (round, question) = (signed(answer.round)?, signed(answer.question as u64)?);
        let open = transaction.query_row(sql::ROUND_AT_STEP, params![round, signed(answer.step)?], |_| Ok(())).optional()?.is_some();
        if !open {
            return Ok(Recorded::Closed);
        }
        let earlier: Option<i64> = transaction.query_row(sql::EXISTING_ANSWER, params![round, question, answer.player], |row| row.get(0)).optional()?;
        transaction.execute(
            sql::UPSERT_ANSWER,
            params![
                round,
                question,
                answer.player,
                answer.name,
                signed(answer.choice as u64)?,
                i64::from(answer.correct),
                answer.entry,
                answer.scope,
                signed(answer.at)?
            ],
        )?;
        transaction.commit()?;
        Ok(match earlier {
            Some(choice) => Recorded::Already { choice: unsigned(choice)? as usize },
            None => Recorded::Recorded,
        })
    }

    fn round_answers(&self, round: u64) -> Result<Vec<StoredAnswer>, StoreError> {
        self.answers(&format!("SELECT {} FROM quiz_answers WHERE round = ?1 ORDER BY question, answered, player", sql::ANSWER_COLUMNS), params![signed(round)?])
    }

    fn player_answers(&self, player: &str) -> Result<Vec<StoredAnswer>, StoreError> {
        self.answers(&format!("SELECT {} FROM quiz_answers WHERE player = ?1 ORDER BY answered, round, question", sql::ANSWER_COLUMNS), params![player])
    }

    fn cards(&self, player: &str) -> Result<Vec<Card>, StoreError> {
        let connection = self.lock();
        let mut statement = connection.prepare_cached(sql::CARDS)?;
        let rows = statement.query_map([player], |row| {
            Ok((row.get::<_, String>(0)?, row.get::<_, i64>(1)?, row.get::<_, i64>(2)?, row.get::<_, i64>(3)?, row.get::<_, i64>(4)?))
        })?;
        rows.map(|row| {
            let (entry, level, due, seen, misses) = row?;
            Ok(Card {
                entry,
                level: u8::try_from(level).map_err(|_| StoreError::Range(level.to_string()))?,
                due: unsigned(due)?,
                seen: unsigned(seen)?,
                misses: unsigned(misses)?,
            })
        })
        .collect()
    }

    fn put_card(&self, player: &str, card: &Card) -> Result<(), StoreError> {
        self.lock().execute(sql::PUT_CARD, params![player, card.entry, i64::from(card.level), signed(card.due)?, signed(card.seen)?, signed(card.misses)?])?;
        Ok(())
    }

    fn leaderboard(&self, scope: &str, since: u64, limit: u64) -> Result<Vec<Standing>, StoreError> {
        let connection = self.lock();
        let mut statement = connection.prepare_cached(sql::LEADERBOARD)?;
        let rows = statement.query_map(params![scope, signed(since)?, signed(limit)?], |row| {
            Ok((row.get::<_, String>(0)?, row.get::<_, String>(1)?, row.get::<_, i64>(2)?, row.get::<_, i64>(3)?))
        })?;
        rows.map(|row| {
            let (player, name, points, answered) = row?;
            Ok(Standing { player, name, points: unsigned(points)?, answered: unsigned(answered)? })
        })
        .collect()
    }

    fn daily_posts_of(&self, day: &str) -> Result<Vec<DailyPost>, StoreError> {
        let connection = self.lock();
        let mut statement = connection.prepare_cached(sql::DAILY_OF_DAY)?;
        let rows = statement.query_map([day], |row| {
            Ok((row.get::<_, String>(0)?, row.get::<_, String>(1)?, row.get::<_, String>(2)?, row.get::<_, i64>(3)?, row.get::<_, Option<i64>>(4)?))
        })?;
        rows.map(|row| {
            let (target, day, entry, claimed, posted) = row?;
            Ok(DailyPost { target, day, entry, claimed: unsigned(claimed)?, posted: posted.map(unsigned).transpose()? })
        })
        .collect()
    }

    fn daily_last_days(&self) -> Result<Vec<(String, String)>, StoreError> {
        let connection = self.lock();
        let mut statement = connection.prepare_cached(sql::DAILY_LAST_DAYS)?;
        let rows = statement.query_map([], |row| Ok((row.get::<_, String>(0)?, row.get::<_, String>(1)?)))?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    fn claim_daily(&self, post: &DailyPost, stale_before: u64) -> Result<Option<String>, StoreError> {
        let connection = self.lock();
        let parameters = params![post.target, post.day, post.entry, signed(post.claimed)?, signed(stale_before)?];
        Ok(connection.query_row(sql::CLAIM_DAILY, parameters, |row| row.get(0)).optional()?)
    }

    fn daily_sent(&self, target: &str, day: &str, at: u64) -> Result<(), StoreError> {
        self.lock().execute(sql::DAILY_SENT, params![target, day, signed(at)?])?;
        Ok(())
    }
}
