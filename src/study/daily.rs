//! The daily fact: once a day, at a local time in an IANA time zone, one
//! fact with its verbatim excerpt: an anniversary when an entry's
//! day-precise date falls on today's month and day, else the fact posted
//! least recently (never posted first).
//!
//! Platform-free and clock-free: every function takes `now` (Unix seconds).
//! What was posted lives in the store ([`crate::store::study::DailyPost`],
//! one row per target and local day), claimed before it is sent and marked
//! when it was, so a restart neither posts a day twice nor skips it: a day
//! whose time has passed and that is not marked is posted late, the same
//! local day; a claim whose sender died is taken over after
//! [`CLAIM_LEASE_SECS`].

use std::collections::HashMap;

use jiff::civil::{Date, Time};
use jiff::tz::TimeZone;
use jiff::Timestamp;

use super::rng::Rng;
use crate::ask::cmd::when;
use crate::ask::evidence::Focus;
use crate::ask::{Answer, Engine};
use crate::facts::date::Precision;
use crate::facts::{Entry, FactBase, Kind};
use crate::store::study::DailyPost;
use crate::store::{Store, StoreError};
use crate::text::lexicon::Asks;

/// A claim not marked sent after this long is taken to have died with its
/// sender, and the day is claimed again.
pub const CLAIM_LEASE_SECS: u64 = 10 * 60;

/// Why a schedule could not be made.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ScheduleError {
    #[error("`{0}` is not a time of day (HH:MM, 24-hour)")]
    Time(String),
    #[error("`{0}` is not a time zone in the tz database")]
    Zone(String),
}

/// `HH:MM`, 24-hour (`9:05` too).
pub fn parse_time(text: &str) -> Result<Time, ScheduleError> {
    let bad = || ScheduleError::Time(crate::text::echo::echo(text));
    let (hour, minute) = text.trim().split_once(':').ok_or_else(bad)?;
    let number = |part: &str, max: i8| -> Result<i8, ScheduleError> {
        let digits = (1..=2).contains(&part.len()) && part.bytes().all(|b| b.is_ascii_digit());
        part.parse::<i8>().ok().filter(|n| digits && (0..=max).contains(n)).ok_or_else(bad)
    };
    if minute.len() != 2 {
        return Err(bad());
    }
    Time::new(number(hour, 23)?, number(minute, 59)?, 0, 0).map_err(|_| bad())
}

/// An IANA time zone name (`Europe/Belgrade`, `UTC`).
pub fn parse_zone(name: &str) -> Result<TimeZone, ScheduleError> {
    let name = name.trim();
    // An offset or an abbreviation is not a zone: it has no DST rules.
    if name.is_empty() || name.starts_with(['+', '-']) {
        return Err(ScheduleError::Zone(crate::text::echo::echo(name)));
    }
    TimeZone::get(name).map_err(|_| ScheduleError::Zone(crate::text::echo::echo(name)))
}

/// When the daily fact is posted: a local time of day in a time zone.
#[derive(Debug, Clone)]
pub struct Schedule {
    time: Time,
    zone: TimeZone,
}

impl Schedule {
    pub fn new(time: &str, zone: &str) -> Result<Schedule, ScheduleError> {
        Ok(Schedule { time: parse_time(time)?, zone: parse_zone(zone)? })
    }

    /// The local day at `now`.
    pub fn today(&self, now: u64) -> Date {
        self.zone.to_datetime(instant(now)).date()
    }

    /// The instant of `day`'s post. A time skipped by a DST change
    /// (02:30 on the spring-forward day) is taken as the same time after the
    /// change (03:30); a time that happens twice, as its first occurrence.
    pub fn post_time(&self, day: Date) -> u64 {
        let at = self.zone.to_timestamp(day.to_datetime(self.time));
        at.map_or(0, |at| u64::try_from(at.as_second()).unwrap_or(0))
    }

    /// The first post time after `now`.
    pub fn next_post(&self, now: u64) -> u64 {
        let today = self.today(now);
        let at = self.post_time(today);
        if at > now {
            return at;
        }
        today.tomorrow().map_or(u64::MAX, |day| self.post_time(day))
    }

    /// The local day whose post is due at `now`: today, once its time has come.
    pub fn due(&self, now: u64) -> Option<Date> {
        let today = self.today(now);
        (self.post_time(today) <= now).then_some(today)
    }
}

fn instant(now: u64) -> Timestamp {
    i64::try_from(now).ok().and_then(|s| Timestamp::from_second(s).ok()).unwrap_or(Timestamp::UNIX_EPOCH)
}

/// A day as stored, `YYYY-MM-DD`.
pub fn day_key(day: Date) -> String {
    format!("{:04}-{:02}-{:02}", day.year(), day.month(), day.day())
}

/// The entries a daily fact can be about: dated events and treaties (their
/// `/when` answer quotes the sentence that states the date).
pub fn candidates(base: &FactBase) -> Vec<&Entry> {
    base.entries().iter().filter(|e| matches!(e.kind, Kind::Event | Kind::Treaty) && e.date.is_some() && !e.quotes.is_empty()).collect()
}

/// The year of `entry`'s anniversary on `day`: its date starts on a known
/// day with `day`'s month and day, in an earlier year.
pub fn anniversary(entry: &Entry, day: Date) -> Option<i32> {
    let start = entry.date.as_ref()?.start;
    let same_day = start.precision == Precision::Day
        && !start.approximate
        && start.month == u8::try_from(day.month()).ok()
        && start.day == u8::try_from(day.day()).ok();
    (same_day && start.year < i32::from(day.year())).then_some(start.year)
}

/// The fact for `day`: among the anniversaries if there are any, else
/// among all candidates, the one posted least recently (never first), ties
/// broken by a hash of the day so the rotation is not alphabetical.
/// `last_days` maps an entry to the last day (`YYYY-MM-DD`) it was posted.
pub fn choose<'b>(base: &'b FactBase, day: Date, last_days: &HashMap<String, String>) -> Option<&'b Entry> {
    let all = candidates(base);
    let anniversaries: Vec<&Entry> = all.iter().copied().filter(|e| anniversary(e, day).is_some()).collect();
    let pool = if anniversaries.is_empty() { all } else { anniversaries };
    let key = day_key(day);
    pool.into_iter().min_by_key(|entry| {
        let last = last_days.get(&entry.id).cloned().unwrap_or_default();
        (last, Rng::for_parts(0, &[&key, &entry.id]).next_u64())
    })
}

/// The post: the entry's `/when` answer (its summary and the excerpt that
/// states its date, verbatim) under a headline saying why today.
pub fn message(engine: &Engine, entry: &Entry, day: Date, locale: &str) -> Answer {
    let mut answer = when::answer(engine, entry, &Focus::asserting(Asks::When), locale);
    let headline = crate::ask::engine::headline(entry);
    answer.intent = "daily".into();
    answer.headline = match anniversary(entry, day) {
        Some(year) => {
            let years = i32::from(day.year()) - year;
            format!("On this day, {years} year{} ago: {headline}", if years == 1 { "" } else { "s" })
        }
        None => format!("Fact of the day: {headline}"),
    };
    answer
}

/// A day's post that this process holds the claim to send.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Claimed {
    pub target: String,
    pub day: Date,
    pub entry: String,
}

/// The daily fact over a store, for one schedule.
pub struct Daily<'a> {
    pub store: &'a dyn Store,
    pub schedule: &'a Schedule,
}

impl Daily<'_> {
    /// At `now`: the post `target` must send, if today's is due and nobody
    /// has sent it or is sending it. Every target posts the same entry on
    /// a day (the first to claim chooses).
    pub fn claim(&self, base: &FactBase, target: &str, now: u64) -> Result<Option<Claimed>, StoreError> {
        let Some(day) = self.schedule.due(now) else { return Ok(None) };
        let key = day_key(day);
        let today = self.store.daily_posts_of(&key)?;
        let stale_before = now.saturating_sub(CLAIM_LEASE_SECS);
        let mine = today.iter().find(|post| post.target == target);
        if mine.is_some_and(|post| post.posted.is_some() || post.claimed >= stale_before) {
            return Ok(None);
        }
        let chosen = match today.iter().map(|post| post.entry.as_str()).find(|id| base.get(id).is_some()) {
            Some(id) => id.to_string(),
            None => {
                let last_days: HashMap<String, String> = self.store.daily_last_days()?.into_iter().collect();
                match choose(base, day, &last_days) {
                    Some(entry) => entry.id.clone(),
                    None => return Ok(None),
                }
            }
        };
        let post = DailyPost { target: target.to_string(), day: key, entry: chosen, claimed: now, posted: None };
        Ok(self.store.claim_daily(&post, stale_before)?.map(|entry| Claimed { target: target.to_string(), day, entry }))
    }

    /// Mark a claimed post sent.
    pub fn sent(&self, claimed: &Claimed, now: u64) -> Result<(), StoreError> {
        self.store.daily_sent(&claimed.target, &day_key(claimed.day), now)
    }

    /// How long to wait after `now` before looking again: until the next
    /// post time, but at most `recheck` (a claim that may have gone stale, a
    /// clock that jumped).
    pub fn wait_after(&self, now: u64, recheck: u64) -> u64 {
        self.schedule.next_post(now).saturating_sub(now).clamp(1, recheck.max(1))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn times_of_day() {
        assert_eq!(parse_time("09:00"), Ok(Time::constant(9, 0, 0, 0)));
        assert_eq!(parse_time("9:05"), Ok(Time::constant(9, 5, 0, 0)));
        assert_eq!(parse_time("23:59"), Ok(Time::constant(23, 59, 0, 0)));
        for bad in ["24:00", "9", "09:60", "9am", "09:5", "-1:00", "09:00:00", ""] {
            assert!(parse_time(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn zones() {
        assert!(parse_zone("Europe/Belgrade").is_ok());
        assert!(parse_zone("UTC").is_ok());
        for bad in ["Europe/Belgrad", "+01:00", "", "Mars/Olympus"] {
            assert!(parse_zone(bad).is_err(), "{bad}");
        }
    }
}
