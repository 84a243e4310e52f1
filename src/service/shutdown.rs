//! Stopping like a service: when the process is told to stop (SIGTERM,
//! SIGINT), every front end stops accepting questions, the answers already
//! accepted are finished (for at most [`DRAIN_LIMIT`]), and the report queue
//! is flushed.
//!
//! One [`Shutdown`] lives in the [`Service`](super::Service), so every front
//! end shares the same state: it [`admit`](Shutdown::admit)s each question
//! (holding the returned [`InFlight`] until the reply is sent) and watches
//! [`stopped`](Shutdown::stopped) to stop listening, syncing or reading.

use std::future::Future;
use std::sync::Arc;
use std::time::Duration;

use tokio::sync::watch;
use tokio::time::Instant;

/// How long answers in flight may take to finish once stopping has begun.
pub const DRAIN_LIMIT: Duration = Duration::from_secs(10);

/// Whether the bot is stopping, and how many answers are in flight.
#[derive(Debug)]
pub struct Shutdown {
    /// `Some(deadline)` once stopping has begun.
    stopping: watch::Sender<Option<Instant>>,
    in_flight: Arc<watch::Sender<usize>>,
    limit: Duration,
}

impl Default for Shutdown {
    fn default() -> Self {
        Shutdown::with_limit(DRAIN_LIMIT)
    }
}

/// One accepted question; the drain waits until it is dropped.
#[derive(Debug)]
#[must_use = "the answer counts as in flight only while this is held"]
pub struct InFlight {
    counter: Arc<watch::Sender<usize>>,
}

impl Drop for InFlight {
    fn drop(&mut self) {
        self.counter.send_modify(|count| *count = count.saturating_sub(1));
    }
}

impl Shutdown {
    /// A shutdown whose drain waits at most `limit`.
    pub fn with_limit(limit: Duration) -> Shutdown {
        Shutdown { stopping: watch::channel(None).0, in_flight: Arc::new(watch::channel(0).0), limit }
    }

    /// Begin stopping (idempotent): front ends stop accepting, and the
    /// drain's deadline is set to the limit from the first call.
    pub fn begin(&self) {
        let limit = self.limit;
        self.stopping.send_if_modified(|stopping| {
            let first = stopping.is_none();
            if first {
                *stopping = Some(Instant::now() + limit);
            }
            first
        });
    }

    /// Whether stopping has begun.
    pub fn is_stopping(&self) -> bool {
        self.stopping.borrow().is_some()
    }

    /// Accept one question: `None` once stopping has begun. Counted before
    /// the check, so a question admitted just as stopping begins is always
    /// waited for.
    pub fn admit(&self) -> Option<InFlight> {
        self.in_flight.send_modify(|count| *count += 1);
        let guard = InFlight { counter: self.in_flight.clone() };
        (!self.is_stopping()).then_some(guard)
    }

    /// Count an answer already under way (e.g. a deferred Discord edit) as
    /// in flight, stopping or not.
    pub fn track(&self) -> InFlight {
        self.in_flight.send_modify(|count| *count += 1);
        InFlight { counter: self.in_flight.clone() }
    }

    /// How many answers are in flight.
    pub fn in_flight(&self) -> usize {
        *self.in_flight.borrow()
    }

    /// Resolves once stopping has begun. Owns what it needs, so it can be
    /// handed to a server's graceful shutdown or moved into a task.
    pub fn stopped(&self) -> impl Future<Output = ()> + Send + 'static {
        let mut stopping = self.stopping.subscribe();
        async move {
            // An error means the service is gone: stop as well.
            let _ = stopping.wait_for(Option::is_some).await;
        }
    }

    /// Wait until no answer is in flight, or the drain's deadline passes
    /// (immediately when stopping has not begun); returns how many are
    /// still in flight.
    pub async fn drained(&self) -> usize {
        let Some(deadline) = *self.stopping.borrow() else { return self.in_flight() };
        let mut count = self.in_flight.subscribe();
        let _ = tokio::time::timeout_at(deadline, count.wait_for(|&n| n == 0)).await;
        self.in_flight()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn answers_in_flight_are_waited_for_and_new_ones_refused() {
        let shutdown = Shutdown::default();
        let first = shutdown.admit().expect("running: admitted");
        assert_eq!(shutdown.in_flight(), 1);
        let stopped = tokio::spawn(shutdown.stopped());
        shutdown.begin();
        stopped.await.unwrap();
        assert!(shutdown.admit().is_none(), "stopping: refused");
        assert_eq!(shutdown.in_flight(), 1, "a refused question is not counted");
        let late = shutdown.track();
        drop(first);
        tokio::spawn(async move {
            tokio::time::sleep(Duration::from_millis(50)).await;
            drop(late);
        });
        assert_eq!(shutdown.drained().await, 0);
    }

    #[tokio::test]
    async fn the_drain_gives_up_after_its_limit() {
        let shutdown = Shutdown::with_limit(Duration::from_millis(100));
        let _stuck = shutdown.admit().expect("admitted");
        shutdown.begin();
        let started = Instant::now();
        assert_eq!(shutdown.drained().await, 1);
        assert!(started.elapsed() >= Duration::from_millis(100));
    }
}
