//! `tracing` setup: the level comes from `RUST_LOG` (default `info`, with
//! matrix-sdk's chatty internals at `warn`), output goes to stderr, as text
//! or as JSON lines.
//!
//! With the Discord front end built in, serenity's gateway reader is never
//! written as is (it logs unreadable payloads whole, interaction tokens
//! included); [`histbot::discord::gateway_log`] reports those events instead.

use tracing_subscriber::layer::SubscriberExt;
use tracing_subscriber::util::SubscriberInitExt;
use tracing_subscriber::{EnvFilter, Layer};

/// The log filter when `RUST_LOG` is unset: a healthy bot logs nothing above
/// INFO, so three matrix-sdk targets that are loud about normal operation are
/// quieter still (none has a setting that stops it at the source):
/// - `matrix_sdk_crypto::backups` warns after every sync that there is no
///   backup key; histbot keeps its keys in its own store and configures no
///   server-side key backup.
/// - `matrix_sdk::http_client` logs every failed request at ERROR, expected
///   404s included (account data that was never set, the encryption state of
///   an unencrypted room). Failures that matter are reported, with context,
///   by whoever made the request: histbot's sync, send, join and paging, and
///   matrix-sdk's own tasks (key uploads, backups).
/// - `matrix_sdk_crypto::identities::manager` warns "Our own device might
///   have been deleted" when, on a first login, matrix-sdk's query of our own
///   keys (sent at the same time as their upload) returns first. A device
///   that really was deleted shows up as a rejected access token, which
///   histbot handles and logs itself.
const DEFAULT_FILTER: &str = "info,matrix_sdk=warn,matrix_sdk_crypto=warn,matrix_sdk_base=warn,\
    matrix_sdk_crypto::backups=error,matrix_sdk::http_client=off,matrix_sdk_crypto::identities::manager=error";

pub fn init(json: bool) {
    let filter = EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new(DEFAULT_FILTER));
    let format = tracing_subscriber::fmt::layer().with_writer(std::io::stderr);
    let format = if json { format.json().boxed() } else { format.with_target(false).boxed() };
    let registry = tracing_subscriber::registry().with(format.with_filter(filter).with_filter(tracing_subscriber::filter::filter_fn(writable)));
    #[cfg(feature = "discord")]
    let registry = registry.with(histbot::discord::gateway_log::UnreadableFrames.with_filter(tracing_subscriber::filter::filter_fn(histbot::discord::gateway_log::is_raw_payload_log)));
    // A second init (tests) is harmless.
    drop(registry.try_init());
}

/// Whether a log event may be written as it is.
fn writable(metadata: &tracing::Metadata<'_>) -> bool {
    #[cfg(feature = "discord")]
    if histbot::discord::gateway_log::is_raw_payload_log(metadata) {
        return false;
    }
    let _ = metadata;
    true
}
