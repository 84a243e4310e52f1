//! `histbot run [--config FILE]` (and a bare `histbot`): start every enabled
//! front end, or the console when none is enabled, and stop like a service.
//!
//! On SIGTERM or SIGINT: every front end stops accepting (the HTTP endpoint
//! closes its listener, the gateway its shards, Matrix its sync, the console
//! its input), the answers in flight are finished for at most
//! [`DRAIN_LIMIT`], the report queue is flushed, a line is logged, and the
//! process exits 0.

use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;
use std::time::Duration;

use anyhow::Context;
use histbot::config::Config;
use histbot::service::shutdown::DRAIN_LIMIT;
use histbot::service::{watch, Service};
use tokio::task::JoinSet;

/// Front ends run as tasks; each returns when it stops.
type FrontEnds = JoinSet<anyhow::Result<()>>;

#[derive(Debug, Clone, clap::Args)]
pub struct Args {
    /// The configuration file.
    #[arg(long, default_value = "config/histbot.toml")]
    pub config: PathBuf,
}

/// Why the bot stopped.
enum Stop {
    /// SIGTERM or SIGINT.
    Signal(&'static str),
    /// A front end ended on its own (the console at end of input, or an error).
    Ended(anyhow::Result<()>),
}

/// Which front ends a config starts.
fn front_ends(config: &Config) -> Vec<&'static str> {
    let mut names = Vec::new();
    if config.discord.enabled {
        names.push("discord");
    }
    if config.matrix.enabled {
        names.push("matrix");
    }
    names
}

pub fn run(args: Args, console_only: bool) -> anyhow::Result<ExitCode> {
    let (config, configured) = load_config(&args.config)?;
    if !console_only {
        if let Some(missing) = missing_front_end(&config) {
            anyhow::bail!("{missing}");
        }
    }
    // The data directory the config names, or the platform's when there is no config.
    let history = super::console::history_file(configured.then_some(config.data_dir.as_path()));
    let runtime = tokio::runtime::Builder::new_multi_thread().enable_all().build().context("cannot start the async runtime")?;
    let result = runtime.block_on(serve(config, console_only, history));
    // A reload still running on a blocking thread must not hold the exit up.
    runtime.shutdown_timeout(Duration::from_secs(1));
    super::console::restore_terminal();
    result
}

/// The config, and whether it came from a file (the default config, used
/// when `config/histbot.toml` is missing, did not).
fn load_config(path: &std::path::Path) -> anyhow::Result<(Config, bool)> {
    if !path.exists() && path == std::path::Path::new("config/histbot.toml") {
        tracing::warn!("config/histbot.toml not found; using defaults (facts in ./facts)");
        return Ok((Config::default(), false));
    }
    Ok((Config::load(path)?, true))
}

/// Each front end's cargo feature, its name, and whether this binary has it.
const FEATURES: &[(&str, &str, bool)] = &[("discord", "Discord", cfg!(feature = "discord")), ("matrix", "Matrix", cfg!(feature = "matrix"))];

/// What to do about a front end the config enables but this binary was
/// built without, naming the cargo feature that brings it in.
fn missing_front_end(config: &Config) -> Option<String> {
    let enabled = front_ends(config);
    let (feature, name, _) = FEATURES.iter().find(|(feature, _, built)| !built && enabled.contains(feature))?;
    Some(format!(
        "[{feature}] is enabled in the config, but this histbot was built without the {name} front end. \
         Build it in with the `{feature}` cargo feature (`cargo run --features {feature} -- run`, or leave out \
         `--no-default-features`), or set `enabled = false` under [{feature}] to use the console."
    ))
}

async fn serve(config: Config, console_only: bool, history: Option<PathBuf>) -> anyhow::Result<ExitCode> {
    // Before anything else, so that a signal during start-up is handled too.
    let mut signals = Signals::new().context("cannot listen for SIGTERM and SIGINT")?;
    let service = match Service::start(&config) {
        Ok(service) => service,
        Err(error) => {
            eprintln!("error: {error}");
            return Ok(ExitCode::from(2));
        }
    };
    let _watch = config.reload.watch.then(|| watch::watch_files(service.clone(), Duration::from_millis(config.reload.debounce_ms))).flatten();
    watch::reload_on_sighup(service.clone());
    let mut tasks = FrontEnds::new();
    let enabled = if console_only { Vec::new() } else { front_ends(&config) };
    if enabled.is_empty() {
        spawn_console(&mut tasks, &service, super::console::Options { locale: config.default_locale.clone(), history });
    } else {
        tracing::info!(front_ends = ?enabled, "starting");
        service.moderation().log_scope(config.matrix.enabled && config.matrix.moderator_room.is_some());
        for name in &enabled {
            service.readiness().expect(name);
        }
        spawn_front_ends(&mut tasks, &service, &config)?;
    }
    spawn_metrics_listener(&mut tasks, &service, &config)?;
    let stop = tokio::select! {
        signal = signals.recv() => Stop::Signal(signal),
        Some(result) = tasks.join_next() => Stop::Ended(result.unwrap_or_else(|error| Err(anyhow::anyhow!("a front end crashed: {error}")))),
    };
    if let Stop::Signal(signal) = &stop {
        tracing::info!(signal, "stopping: no new questions; finishing the answers in flight");
    }
    let clean = stop_service(&service, tasks).await;
    match stop {
        Stop::Signal(signal) => {
            if clean {
                tracing::info!(signal, "shut down cleanly");
            } else {
                tracing::warn!(signal, "shut down; not everything could be finished (see above)");
            }
            Ok(ExitCode::SUCCESS)
        }
        Stop::Ended(result) => result.map(|()| ExitCode::SUCCESS),
    }
}

/// Stop every front end, wait for the answers in flight (at most
/// [`DRAIN_LIMIT`]), and flush the report queue. Whether all of it went well.
async fn stop_service(service: &Service, mut tasks: FrontEnds) -> bool {
    service.shutdown().begin();
    let front_ends_done = async {
        while let Some(result) = tasks.join_next().await {
            match result {
                Ok(Ok(())) => {}
                Ok(Err(error)) => tracing::warn!("while stopping: {error:#}"),
                Err(error) => tracing::warn!(%error, "a front end crashed while stopping"),
            }
        }
    };
    let mut clean = true;
    if tokio::time::timeout(DRAIN_LIMIT, front_ends_done).await.is_err() {
        tracing::warn!(after = ?DRAIN_LIMIT, "a front end did not stop in time; leaving it");
        clean = false;
    }
    match service.shutdown().drained().await {
        0 => {}
        unfinished => {
            tracing::warn!(unfinished, after = ?DRAIN_LIMIT, "answers still in flight were dropped");
            clean = false;
        }
    }
    tasks.abort_all();
    if let Err(error) = service.flush() {
        tracing::error!(%error, "could not flush the report queue");
        clean = false;
    }
    clean
}

/// The console reads stdin on a thread of its own (a blocking read cannot
/// be cancelled; the process does not wait for that thread). Its task ends
/// at end of input, or as soon as the service stops: an answer being
/// written then is waited for through the service's drain.
fn spawn_console(tasks: &mut FrontEnds, service: &Arc<Service>, options: super::console::Options) {
    let (done, finished) = tokio::sync::oneshot::channel();
    let console = service.clone();
    std::thread::spawn(move || {
        let _ = done.send(super::console::chat(console, options));
    });
    let stopped = service.shutdown().stopped();
    tasks.spawn(async move {
        tokio::select! {
            result = finished => result.context("the console thread ended")?.context("the console's input or output failed"),
            () = stopped => Ok(()),
        }
    });
}

fn spawn_front_ends(tasks: &mut FrontEnds, service: &Arc<Service>, config: &Config) -> anyhow::Result<()> {
    if config.discord.enabled {
        #[cfg(feature = "discord")]
        {
            let (service, discord) = (service.clone(), config.discord.clone());
            tasks.spawn(async move { histbot::discord::run(service, discord).await.context("the Discord front end stopped") });
        }
        #[cfg(not(feature = "discord"))]
        anyhow::bail!(missing_front_end(config).unwrap_or_default());
    }
    if config.matrix.enabled {
        #[cfg(feature = "matrix")]
        {
            let (service, matrix, store) = (service.clone(), config.matrix.clone(), config.matrix_store());
            tasks.spawn(async move { histbot::matrix::run(service, matrix, store).await.context("the Matrix front end stopped") });
        }
        #[cfg(not(feature = "matrix"))]
        anyhow::bail!(missing_front_end(config).unwrap_or_default());
    }
    let _ = (tasks, service);
    Ok(())
}

/// `/healthz`, `/readyz` and `/metrics` on `metrics_listen`, whatever the
/// front ends (the console included).
fn spawn_metrics_listener(tasks: &mut FrontEnds, service: &Arc<Service>, config: &Config) -> anyhow::Result<()> {
    let Some(addr) = config.metrics_listen.clone().filter(|addr| !addr.trim().is_empty()) else { return Ok(()) };
    #[cfg(feature = "ops")]
    {
        let service = service.clone();
        tasks.spawn(async move { histbot::ops::run(service, &addr).await.context("the metrics listener stopped") });
        Ok(())
    }
    #[cfg(not(feature = "ops"))]
    {
        let _ = (tasks, service);
        anyhow::bail!("metrics_listen is set to {addr}, but this histbot was built without the `ops` feature")
    }
}

/// SIGTERM (what systemd, Docker and Kubernetes send) and SIGINT (Ctrl-C).
struct Signals {
    #[cfg(unix)]
    terminate: tokio::signal::unix::Signal,
    #[cfg(unix)]
    interrupt: tokio::signal::unix::Signal,
}

impl Signals {
    #[cfg(unix)]
    fn new() -> std::io::Result<Signals> {
        use tokio::signal::unix::{signal, SignalKind};
        Ok(Signals { terminate: signal(SignalKind::terminate())?, interrupt: signal(SignalKind::interrupt())? })
    }

    #[cfg(not(unix))]
    fn new() -> std::io::Result<Signals> {
        Ok(Signals {})
    }

    /// The name of the next signal received.
    #[cfg(unix)]
    async fn recv(&mut self) -> &'static str {
        tokio::select! {
            _ = self.terminate.recv() => "SIGTERM",
            _ = self.interrupt.recv() => "SIGINT",
        }
    }

    #[cfg(not(unix))]
    async fn recv(&mut self) -> &'static str {
        match tokio::signal::ctrl_c().await {
            Ok(()) => "Ctrl-C",
            Err(_) => std::future::pending().await,
        }
    }
}
