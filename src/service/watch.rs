//! Reload triggers: file changes under the fact directory and the intents
//! file (debounced), and SIGHUP. Each trigger runs [`Service::reload`] on a
//! blocking thread, so answering never waits for a reload.

use std::sync::Arc;
use std::time::Duration;

use notify::{RecursiveMode, Watcher};
use tokio::sync::mpsc;

use super::Service;

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
