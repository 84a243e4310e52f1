//! `tracing` setup: the level comes from `RUST_LOG` (default `info`, with
//! matrix-sdk's chatty internals at `warn`), output
//! goes to stderr, as text or as JSON lines.

use tracing_subscriber::EnvFilter;

pub fn init(json: bool) {
    let filter = EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new("info,matrix_sdk=warn,matrix_sdk_crypto=warn,matrix_sdk_base=warn"));
    let builder = tracing_subscriber::fmt().with_env_filter(filter).with_writer(std::io::stderr);
    let result = if json { builder.json().try_init() } else { builder.with_target(false).try_init() };
    // A second init (tests) is harmless.
    drop(result);
}
