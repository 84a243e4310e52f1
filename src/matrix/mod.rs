//! The Matrix front end (feature `matrix`): a matrix-sdk client on the
//! asking core.
//!
//! - [`session`]: log in once, restore the same session and device (and its
//!   end-to-end encryption keys, in the sqlite store) on every restart.
//! - [`text`]: whether a message is for the bot and which line to run
//!   (prefix commands, mentions, direct rooms, reply fallbacks).
//! - [`sync`]: syncing with no pause between long polls, paging back
//!   through the gap when a room's timeline was limited, and remembering the
//!   last event seen in each room, so that every question is seen once.
//! - [`bot`]: what to do with each sync's messages (and undecryptable
//!   events), invites, the answering worker, moderator notices and the sync
//!   loop.
//!
//! Only this module knows Matrix; the core sees an [`Asker`](crate::service::Asker)
//! and returns an [`Answer`](crate::ask::Answer), which is sent as an
//! `m.notice` reply with an HTML `formatted_body`.

pub mod bot;
pub mod session;
pub mod sync;
pub mod text;

use std::path::PathBuf;
use std::sync::Arc;

use crate::config::MatrixConfig;
use crate::service::Service;

pub use bot::Bot;
pub use sync::SyncTuning;

/// Why the Matrix front end could not start or stopped.
#[derive(Debug, thiserror::Error)]
pub enum MatrixError {
    /// The `[matrix]` section or the credentials are unusable.
    #[error("Matrix configuration: {0}")]
    Config(String),
    /// The homeserver refused to log the bot in.
    #[error("Matrix login: {0}")]
    Login(String),
    /// The store directory or the session file is unusable.
    #[error("Matrix store: {0}")]
    Store(String),
    /// Syncing stopped for good (e.g. the access token was revoked).
    #[error("Matrix sync: {0}")]
    Sync(String),
}

/// Run the Matrix bot until the service stops (or the homeserver revokes
/// its session). Network trouble is retried, never fatal. When the service
/// stops, syncing stops (no new questions), the questions already taken are
/// answered, and this returns.
pub async fn run(service: Arc<Service>, config: MatrixConfig, store_dir: PathBuf) -> Result<(), MatrixError> {
    let stopped = service.shutdown().stopped();
    let bot = tokio::select! {
        bot = Bot::start(service, config, store_dir) => bot?,
        () = stopped => return Ok(()),
    };
    bot.wait().await
}
