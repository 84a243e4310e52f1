//! Running the daily fact ([`crate::study::daily`]) for one front end: a
//! task that wakes at the configured local time (and every few minutes in
//! between, so a clock change or a claim left by a dead replica is noticed),
//! claims the day in the store, and hands the post to the front end's
//! [`Poster`]. The clock is injected ([`Clock`]); the platform is not known
//! here.

use std::future::Future;
use std::sync::Arc;
use std::time::Duration;

use super::Service;
use crate::ask::{Answer, Engine};
use crate::store::Store;
use crate::study::daily::{message, Claimed, Daily, Schedule};

/// The longest the task sleeps between two looks.
pub const RECHECK_SECS: u64 = 5 * 60;

/// Where the time comes from (tests pass their own).
pub trait Clock: Send + Sync {
    /// Unix seconds.
    fn now(&self) -> u64;
}

/// The system's clock.
#[derive(Debug, Clone, Copy, Default)]
pub struct SystemClock;

impl Clock for SystemClock {
    fn now(&self) -> u64 {
        crate::store::unix_now()
    }
}

/// A front end's way to post the daily fact.
pub trait Poster: Send + Sync {
    /// The target's key in the store: `discord:<channel id>`, `matrix:<room id>`.
    fn target(&self) -> String;
    /// Send one post; the error is logged.
    fn post(&self, answer: Answer) -> impl Future<Output = Result<(), String>> + Send;
}

/// What one look came to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Looked {
    /// Not yet time, or today's post is sent (or being sent elsewhere).
    Nothing,
    /// Today's post was sent.
    Posted(Claimed),
    /// It was claimed but could not be sent; it is tried again once the
    /// claim goes stale.
    Failed(Claimed, String),
}

/// One look at `now`: post today's fact if it is due and unsent.
pub async fn post_due<P: Poster>(service: &Service, schedule: &Schedule, poster: &P, now: u64) -> Looked {
    look(&service.engine(), service.store().as_ref(), &service.default_locale, schedule, poster, now).await
}

/// [`post_due`] with its parts named: the engine, the store and the locale.
pub async fn look<P: Poster>(engine: &Engine, store: &dyn Store, locale: &str, schedule: &Schedule, poster: &P, now: u64) -> Looked {
    let daily = Daily { store, schedule };
    let target = poster.target();
    let claimed = match daily.claim(engine.base(), &target, now) {
        Ok(Some(claimed)) => claimed,
        Ok(None) => return Looked::Nothing,
        Err(error) => {
            tracing::error!(%error, %target, "the daily fact: the store failed");
            return Looked::Nothing;
        }
    };
    let Some(entry) = engine.base().get(&claimed.entry) else {
        // Removed by a reload since it was chosen: tried again once the claim is stale.
        tracing::warn!(entry = %claimed.entry, "the daily fact's entry is gone from the fact base");
        return Looked::Failed(claimed, "the entry is gone from the fact base".into());
    };
    let answer = message(engine, entry, claimed.day, locale);
    match poster.post(answer).await {
        Ok(()) => {
            if let Err(error) = daily.sent(&claimed, now) {
                tracing::error!(%error, %target, "the daily fact was posted but could not be marked so");
            }
            tracing::info!(%target, entry = %claimed.entry, day = %claimed.day, "posted the daily fact");
            Looked::Posted(claimed)
        }
        Err(error) => {
            tracing::warn!(%target, %error, "could not post the daily fact; trying again later");
            Looked::Failed(claimed, error)
        }
    }
}

/// Post the daily fact when due until the service stops.
pub async fn run<P: Poster>(service: Arc<Service>, schedule: Schedule, poster: P, clock: Arc<dyn Clock>) {
    let stopped = service.shutdown().stopped();
    tokio::pin!(stopped);
    tracing::info!(target = %poster.target(), next_post = schedule.next_post(clock.now()), "the daily fact is scheduled");
    loop {
        if service.shutdown().is_stopping() {
            return;
        }
        post_due(&service, &schedule, &poster, clock.now()).await;
        let daily = Daily { store: service.store().as_ref(), schedule: &schedule };
        let wait = daily.wait_after(clock.now(), RECHECK_SECS);
        tokio::select! {
            () = &mut stopped => return,
            () = tokio::time::sleep(Duration::from_secs(wait)) => {}
        }
    }
}

/// The schedule, when the service's config has a daily fact.
pub fn schedule(service: &Service) -> Option<Schedule> {
    let daily = service.study().daily.as_ref()?;
    match daily.schedule() {
        Ok(schedule) => Some(schedule),
        Err(error) => {
            tracing::error!(%error, "the daily fact is not posted");
            None
        }
    }
}
