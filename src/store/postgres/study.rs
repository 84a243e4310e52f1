//! [`StudyStore`] on PostgreSQL. Starting a round and recording an answer
//! are single statements guarded by the open-round index and the round's
//! step, so replicas sharing the database agree.

use postgres::Row;

use super::{dollars, PostgresStore};
use crate::store::study::{ended_at, round_body, round_from, sql, Begun, DailyPost, NewAnswer, Recorded, Standing, StoredAnswer, StudyStore};
use crate::store::{signed, unsigned, StoreError};
use crate::study::leitner::Card;
use crate::study::round::Round;

fn stored(row: &Row) -> Result<StoredAnswer, StoreError> {
    Ok(StoredAnswer {
        round: unsigned(row.try_get(0)?)?,
        question: unsigned(row.try_get(1)?)? as usize,
        player: row.try_get(2)?,
        name: row.try_get(3)?,
        choice: unsigned(row.try_get(4)?)? as usize,
        correct: row.try_get::<_, i64>(5)? != 0,
        entry: row.try_get(6)?,
        at: unsigned(row.try_get(7)?)?,
    })
}

fn round_of(row: &Row) -> Result<Round, StoreError> {
    round_from(row.try_get(0)?, row.try_get(1)?)
}

impl StudyStore for PostgresStore {
    fn begin_round(&self, round: &Round) -> Result<Begun, StoreError> {
        let body = round_body(round)?;
        let (step, started) = (signed(round.step)?, signed(round.started)?);
        self.with(|client| {
            let mut transaction = client.transaction()?;
            let inserted = transaction.query_opt(
                &dollars(sql::BEGIN_ROUND),
                &[&round.place.key, &round.place.scope, &round.place.platform, &round.starter.id, &body, &step, &started],
            )?;
            let begun = match inserted {
                Some(row) => Begun::Started(Box::new(Round { id: unsigned(row.try_get(0)?)?, ..round.clone() })),
                None => Begun::Busy(Box::new(round_of(&transaction.query_one(&dollars(sql::ACTIVE_ROUND), &[&round.place.key])?)?)),
            };
            transaction.commit()?;
            Ok(begun)
        })
    }

    fn quiz_round(&self, id: u64) -> Result<Option<Round>, StoreError> {
        let id = signed(id)?;
        self.with(|client| client.query_opt(&dollars(sql::ROUND), &[&id])?.as_ref().map(round_of).transpose())
    }

    fn active_round(&self, place: &str) -> Result<Option<Round>, StoreError> {
        self.with(|client| client.query_opt(&dollars(sql::ACTIVE_ROUND), &[&place])?.as_ref().map(round_of).transpose())
    }

    fn active_rounds(&self) -> Result<Vec<Round>, StoreError> {
        self.with(|client| client.query(sql::ACTIVE_ROUNDS, &[])?.iter().map(round_of).collect())
    }

    fn save_round(&self, round: &Round, from_step: u64, now: u64) -> Result<bool, StoreError> {
        let ended = ended_at(round, now).map(signed).transpose()?;
        let (body, step, id, from) = (round_body(round)?, signed(round.step)?, signed(round.id)?, signed(from_step)?);
        self.with(|client| Ok(client.execute(&dollars(sql::SAVE_ROUND), &[&body, &step, &ended, &id, &from])? == 1))
    }

    fn record_answer(&self, answer: &NewAnswer) -> Result<Recorded, StoreError> {
        let (round, question, choice, at, step) =
            (signed(answer.round)?, signed(answer.question as u64)?, signed(answer.choice as u64)?, signed(answer.at)?, signed(answer.step)?);
        let correct = i64::from(answer.correct);
        self.with(|client| {
            let mut transaction = client.transaction()?;
            let inserted = transaction.execute(
                "INSERT INTO quiz_answers (round, question, player, name, choice, correct, entry, scope, answered)
                 SELECT $1::BIGINT, $2::BIGINT, $3::TEXT, $4::TEXT, $5::BIGINT, $6::BIGINT, $7::TEXT, $8::TEXT, $9::BIGINT
                 WHERE EXISTS (SELECT 1 FROM quiz_rounds WHERE id = $1 AND step = $10 AND ended IS NULL)
                 ON CONFLICT (round, question, player) DO NOTHING",
                &[&round, &question, &answer.player, &answer.name, &choice, &correct, &answer.entry, &answer.scope, &at, &step],
            )?;
            let recorded = if inserted == 1 {
                Recorded::Recorded
            } else {
                match transaction.query_opt(&dollars(sql::EXISTING_ANSWER), &[&round, &question, &answer.player])? {
                    Some(row) => Recorded::Already { choice: unsigned(row.try_get(0)?)? as usize },
                    None => Recorded::Closed,
                }
            };
            transaction.commit()?;
            Ok(recorded)
        })
    }

    fn revise_answer(&self, answer: &NewAnswer) -> Result<Recorded, StoreError> {
        let (round, question, choice, at, step) =
            (signed(answer.round)?, signed(answer.question as u64)?, signed(answer.choice as u64)?, signed(answer.at)?, signed(answer.step)?);
        let correct = i64::from(answer.correct);
        self.with(|client| {
            let mut transaction = client.transaction()?;
            // FOR SHARE holds the round's row: it cannot move on before this commits.
            if transaction.query_opt(&format!("{} FOR SHARE", dollars(sql::ROUND_AT_STEP)), &[&round, &step])?.is_none() {
                return Ok(Recorded::Closed);
            }
            let earlier = transaction.query_opt(&dollars(sql::EXISTING_ANSWER), &[&round, &question, &answer.player])?;
            let earlier: Option<i64> = earlier.map(|row| row.try_get(0)).transpose()?;
            transaction.execute(
                &dollars(sql::UPSERT_ANSWER),
                &[&round, &question, &answer.player, &answer.name, &choice, &correct, &answer.entry, &answer.scope, &at],
            )?;
            transaction.commit()?;
            Ok(match earlier {
                Some(choice) => Recorded::Already { choice: unsigned(choice)? as usize },
                None => Recorded::Recorded,
            })
        })
    }

    fn round_answers(&self, round: u64) -> Result<Vec<StoredAnswer>, StoreError> {
        let round = signed(round)?;
        let sql = format!("SELECT {} FROM quiz_answers WHERE round = $1 ORDER BY question, answered, player", sql::ANSWER_COLUMNS);
        self.with(|client| client.query(&sql, &[&round])?.iter().map(stored).collect())
    }

    fn player_answers(&self, player: &str) -> Result<Vec<StoredAnswer>, StoreError> {
        let sql = format!("SELECT {} FROM quiz_answers WHERE player = $1 ORDER BY answered, round, question", sql::ANSWER_COLUMNS);
        self.with(|client| client.query(&sql, &[&player])?.iter().map(stored).collect())
    }

    fn cards(&self, player: &str) -> Result<Vec<Card>, StoreError> {
        self.with(|client| {
            client
                .query(&dollars(sql::CARDS), &[&player])?
                .iter()
                .map(|row| {
                    let level: i64 = row.try_get(1)?;
                    Ok(Card {
                        entry: row.try_get(0)?,
                        level: u8::try_from(level).map_err(|_| StoreError::Range(level.to_string()))?,
                        due: unsigned(row.try_get(2)?)?,
                        seen: unsigned(row.try_get(3)?)?,
                        misses: unsigned(row.try_get(4)?)?,
                    })
                })
                .collect()
        })
    }

    fn put_card(&self, player: &str, card: &Card) -> Result<(), StoreError> {
        let (level, due, seen, misses) = (i64::from(card.level), signed(card.due)?, signed(card.seen)?, signed(card.misses)?);
        self.with(|client| {
            client.execute(&dollars(sql::PUT_CARD), &[&player, &card.entry, &level, &due, &seen, &misses])?;
            Ok(())
        })
    }

    fn leaderboard(&self, scope: &str, since: u64, limit: u64) -> Result<Vec<Standing>, StoreError> {
        let (since, limit) = (signed(since)?, signed(limit)?);
        self.with(|client| {
            client
                .query(&dollars(sql::LEADERBOARD), &[&scope, &since, &limit])?
                .iter()
                .map(|row| {
                    Ok(Standing { player: row.try_get(0)?, name: row.try_get(1)?, points: unsigned(row.try_get(2)?)?, answered: unsigned(row.try_get(3)?)? })
                })
                .collect()
        })
    }

    fn daily_posts_of(&self, day: &str) -> Result<Vec<DailyPost>, StoreError> {
        self.with(|client| {
            client
                .query(&dollars(sql::DAILY_OF_DAY), &[&day])?
                .iter()
                .map(|row| {
                    Ok(DailyPost {
                        target: row.try_get(0)?,
                        day: row.try_get(1)?,
                        entry: row.try_get(2)?,
                        claimed: unsigned(row.try_get(3)?)?,
                        posted: row.try_get::<_, Option<i64>>(4)?.map(unsigned).transpose()?,
                    })
                })
                .collect()
        })
    }

    fn daily_last_days(&self) -> Result<Vec<(String, String)>, StoreError> {
        self.with(|client| client.query(sql::DAILY_LAST_DAYS, &[])?.iter().map(|row| Ok((row.try_get(0)?, row.try_get(1)?))).collect())
    }

    fn claim_daily(&self, post: &DailyPost, stale_before: u64) -> Result<Option<String>, StoreError> {
        let (claimed, stale_before) = (signed(post.claimed)?, signed(stale_before)?);
        self.with(|client| {
            let row = client.query_opt(&dollars(sql::CLAIM_DAILY), &[&post.target, &post.day, &post.entry, &claimed, &stale_before])?;
            row.map(|row| row.try_get(0)).transpose().map_err(StoreError::from)
        })
    }

    fn daily_sent(&self, target: &str, day: &str, at: u64) -> Result<(), StoreError> {
        let at = signed(at)?;
        self.with(|client| {
            client.execute(&dollars(sql::DAILY_SENT), &[&target, &day, &at])?;
            Ok(())
        })
    }
}
