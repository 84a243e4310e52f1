//! Reload triggers: file changes under the fact directory and the intents
//! file (debounced), and SIGHUP. Each trigger runs [`Service::reload`] on a
//! blocking thread, so answering never waits for a reload.
//!
//! Every reload loads on a thread of its own and is given
//! [`RELOAD_TIMEOUT`] (10 seconds): a load that takes longer (a read that
//! hangs) is abandoned with a warning and the `reload-timeout` rule, the last
//! good base keeps serving, and the next reload starts afresh.

use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc::{sync_channel, RecvTimeoutError};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use notify::{RecursiveMode, Watcher};
use tokio::sync::mpsc;

use super::{load_engine, Service, StartError};
use crate::ask::Engine;
use crate::facts::Diagnostic;

/// How long a reload may take to read and check the files before it is
/// abandoned and the last good base keeps serving.
pub const RELOAD_TIMEOUT: Duration = Duration::from_secs(10);

/// How many abandoned loads may still be running before reloads are refused
/// outright (a thread blocked in a read cannot be stopped, only left behind).
const MAX_ABANDONED_LOADS: usize = 4;

/// The loads abandoned by this process that have not finished yet.
static ABANDONED_LOADS: Abandoned = Abandoned::new();

/// Keeps the watcher alive; dropping it stops watching.
pub struct WatchGuard {
    _watcher: notify::RecommendedWatcher,
}

/// Watch the files and reload on change. Returns `None` (and logs why) when
/// the platform cannot watch; SIGHUP and `reload` still work then.
pub fn watch_files(service: Arc<Service>, debounce: Duration) -> Option<WatchGuard> {
    let (sender, mut receiver) = mpsc::unbounded_channel::<()>();
    let handler = move |event: notify::Result<notify::Event>| {
        if let Ok(event) = event {
            if !matches!(event.kind, notify::EventKind::Access(_)) {
                let _ = sender.send(());
            }
        }
    };
    let mut watcher = match notify::recommended_watcher(handler) {
        Ok(watcher) => watcher,
        Err(error) => {
            tracing::warn!(%error, "cannot watch the fact files; use SIGHUP or `reload`");
            return None;
        }
    };
    if let Err(error) = watcher.watch(service.facts_dir(), RecursiveMode::Recursive) {
        tracing::warn!(%error, dir = %service.facts_dir().display(), "cannot watch the fact directory");
        return None;
    }
    if let Some(parent) = service.intents_path().parent().filter(|p| !p.as_os_str().is_empty()) {
        if let Err(error) = watcher.watch(parent, RecursiveMode::NonRecursive) {
            tracing::warn!(%error, "cannot watch the intents file");
        }
    }
    let dir = service.facts_dir().display().to_string();
    tokio::spawn(async move {
        while receiver.recv().await.is_some() {
            // Debounce: wait until the files have been quiet for a while.
            loop {
                match tokio::time::timeout(debounce, receiver.recv()).await {
                    Ok(Some(())) => continue,
                    Ok(None) => return,
                    Err(_) => break,
                }
            }
            reload_in_background(service.clone(), "file change").await;
        }
    });
    tracing::info!(%dir, "watching the fact files for changes");
    Some(WatchGuard { _watcher: watcher })
}

/// Reload on SIGHUP (Unix only).
pub fn reload_on_sighup(service: Arc<Service>) {
    #[cfg(unix)]
    tokio::spawn(async move {
        let Ok(mut hangups) = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::hangup()) else {
            tracing::warn!("cannot listen for SIGHUP");
            return;
        };
        while hangups.recv().await.is_some() {
            reload_in_background(service.clone(), "SIGHUP").await;
        }
    });
}

async fn reload_in_background(service: Arc<Service>, reason: &'static str) {
    tracing::info!(reason, "reloading the fact base");
    if let Err(error) = tokio::task::spawn_blocking(move || service.reload()).await {
        tracing::error!(%error, "the reload task failed");
    }
}

/// Load the fact base and intents as [`load_engine`] does, on a thread of its
/// own, waiting at most `timeout`. A load that overruns becomes a
/// `reload-timeout` error for the caller to reject.
pub fn load_within(facts: &Path, intents: &Path, timeout: Duration) -> Result<Engine, StartError> {
    let (facts_dir, intents_path) = (facts.to_path_buf(), intents.to_path_buf());
    match run_within(&ABANDONED_LOADS, timeout, move || load_engine(&facts_dir, &intents_path)) {
        Ok(result) => result,
        Err(why) => {
            let diagnostic = Diagnostic::error("reload-timeout", facts, "", None)
                .message(why.to_string())
                .help("look for a file in the fact directory that cannot be read (a pipe, a device, a stalled network mount) and remove it; the last good base keeps serving");
            Err(StartError::Facts { dir: facts.display().to_string(), diagnostics: vec![diagnostic] })
        }
    }
}

/// Why a job run by [`run_within`] gave no result.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum NotFinished {
    #[error("the reload did not finish within {0:?} and was abandoned")]
    TimedOut(Duration),
    #[error("{0} earlier reloads are still stuck reading the files; this one was not started")]
    TooManyStuck(usize),
    #[error("the reload could not run: its thread failed")]
    Failed,
}

/// A count of jobs that were abandoned but have not finished.
#[derive(Debug)]
pub struct Abandoned(AtomicUsize);

impl Abandoned {
    pub const fn new() -> Abandoned {
        Abandoned(AtomicUsize::new(0))
    }

    /// How many abandoned jobs are still running.
    pub fn running(&self) -> usize {
        self.0.load(Ordering::SeqCst)
    }
}

impl Default for Abandoned {
    fn default() -> Abandoned {
        Abandoned::new()
    }
}

/// Whether the waiter is still waiting for a job, gave up on it, or the job is done.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum JobState {
    Waiting,
    Abandoned,
    Done,
}

/// Run `job` on a new thread and wait at most `timeout` for its result. A job
/// that overruns keeps running (a blocked read cannot be cancelled) and is
/// counted in `abandoned` until it ends; while [`MAX_ABANDONED_LOADS`] are
/// counted, no new job starts.
pub fn run_within<T: Send + 'static>(
    abandoned: &'static Abandoned,
    timeout: Duration,
    job: impl FnOnce() -> T + Send + 'static,
) -> Result<T, NotFinished> {
    let stuck = abandoned.running();
    if stuck >= MAX_ABANDONED_LOADS {
        return Err(NotFinished::TooManyStuck(stuck));
    }
    let state = Arc::new(Mutex::new(JobState::Waiting));
    let (sender, receiver) = sync_channel(1);
    let job_state = state.clone();
    let spawned = std::thread::Builder::new().name("histbot-load".into()).spawn(move || {
        let _ = sender.send(job());
        let mut state = job_state.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        if *state == JobState::Abandoned {
            abandoned.0.fetch_sub(1, Ordering::SeqCst);
        }
        *state = JobState::Done;
    });
    if spawned.is_err() {
        return Err(NotFinished::Failed);
    }
    match receiver.recv_timeout(timeout) {
        Ok(value) => Ok(value),
        Err(RecvTimeoutError::Disconnected) => Err(NotFinished::Failed),
        Err(RecvTimeoutError::Timeout) => {
            let mut state = state.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
            // The job may have finished between the timeout and the lock.
            if let Ok(value) = receiver.try_recv() {
                return Ok(value);
            }
            if *state == JobState::Done {
                return Err(NotFinished::Failed);
            }
            *state = JobState::Abandoned;
            abandoned.0.fetch_add(1, Ordering::SeqCst);
            tracing::warn!(timeout_secs = timeout.as_secs_f64(), "a reload did not finish in time; still serving the last good fact base");
            Err(NotFinished::TimedOut(timeout))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Instant;

    #[test]
    fn a_job_within_the_timeout_returns_its_result() {
        static COUNT: Abandoned = Abandoned::new();
        assert_eq!(run_within(&COUNT, Duration::from_secs(5), || 42), Ok(42));
        assert_eq!(COUNT.running(), 0);
    }

    #[test]
    fn a_stuck_job_is_abandoned_in_time_and_counted_until_it_ends() {
        static COUNT: Abandoned = Abandoned::new();
        let (release, wait) = std::sync::mpsc::channel::<()>();
        let started = Instant::now();
        let result = run_within(&COUNT, Duration::from_millis(100), move || wait.recv().is_ok());
        assert_eq!(result, Err(NotFinished::TimedOut(Duration::from_millis(100))));
        assert!(started.elapsed() < Duration::from_secs(5));
        assert_eq!(COUNT.running(), 1);
        release.send(()).expect("the job is waiting");
        let deadline = Instant::now() + Duration::from_secs(5);
        while COUNT.running() > 0 && Instant::now() < deadline {
            std::thread::sleep(Duration::from_millis(10));
        }
        assert_eq!(COUNT.running(), 0, "a finished job is no longer counted");
    }

    #[test]
    fn no_job_starts_while_too_many_are_stuck() {
        static COUNT: Abandoned = Abandoned::new();
        let mut releases = Vec::new();
        for _ in 0..MAX_ABANDONED_LOADS {
            let (release, wait) = std::sync::mpsc::channel::<()>();
            releases.push(release);
            assert!(run_within(&COUNT, Duration::from_millis(20), move || wait.recv().is_ok()).is_err());
        }
        assert_eq!(run_within(&COUNT, Duration::from_secs(5), || 1), Err(NotFinished::TooManyStuck(MAX_ABANDONED_LOADS)));
        drop(releases);
    }
}
