//! `histbot run [--config FILE]` (and a bare `histbot`): start every enabled
//! front end, or the console when none is enabled.

use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;
use std::time::Duration;

use anyhow::Context;
use histbot::config::Config;
use histbot::service::{watch, Service};

#[derive(Debug, Clone, clap::Args)]
pub struct Args {
    /// The configuration file.
    #[arg(long, default_value = "config/histbot.toml")]
    pub config: PathBuf,
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
    let config = load_config(&args.config)?;
    let runtime = tokio::runtime::Builder::new_multi_thread().enable_all().build().context("cannot start the async runtime")?;
    runtime.block_on(serve(config, console_only))
}

fn load_config(path: &std::path::Path) -> anyhow::Result<Config> {
    if !path.exists() && path == std::path::Path::new("config/histbot.toml") {
        tracing::warn!("config/histbot.toml not found; using defaults (facts in ./facts)");
        return Ok(Config::default());
    }
    Ok(Config::load(path)?)
}

async fn serve(config: Config, console_only: bool) -> anyhow::Result<ExitCode> {
    let service = match Service::start(&config) {
        Ok(service) => service,
        Err(error) => {
            eprintln!("error: {error}");
            return Ok(ExitCode::from(2));
        }
    };
    let _watch = config.reload.watch.then(|| watch::watch_files(service.clone(), Duration::from_millis(config.reload.debounce_ms))).flatten();
    watch::reload_on_sighup(service.clone());
    let enabled = if console_only { Vec::new() } else { front_ends(&config) };
    if enabled.is_empty() {
        let locale = config.default_locale.clone();
        let console = service.clone();
        tokio::task::spawn_blocking(move || super::console::chat(console, &locale)).await??;
        return Ok(ExitCode::SUCCESS);
    }
    tracing::info!(front_ends = ?enabled, "starting");
    let mut tasks = tokio::task::JoinSet::new();
    spawn_front_ends(&mut tasks, &service, &config)?;
    tokio::select! {
        _ = tokio::signal::ctrl_c() => {
            tracing::info!("interrupted; shutting down");
            Ok(ExitCode::SUCCESS)
        }
        Some(result) = tasks.join_next() => {
            match result {
                Ok(Ok(())) => Ok(ExitCode::SUCCESS),
                Ok(Err(error)) => Err(error),
                Err(error) => Err(anyhow::anyhow!("a front end crashed: {error}")),
            }
        }
    }
}

fn spawn_front_ends(tasks: &mut tokio::task::JoinSet<anyhow::Result<()>>, service: &Arc<Service>, config: &Config) -> anyhow::Result<()> {
    if config.discord.enabled {
        #[cfg(feature = "discord")]
        {
            let (service, discord) = (service.clone(), config.discord.clone());
            tasks.spawn(async move { histbot::discord::run(service, discord).await.context("the Discord front end stopped") });
        }
        #[cfg(not(feature = "discord"))]
        anyhow::bail!("[discord] is enabled, but this histbot was built without the `discord` feature");
    }
    if config.matrix.enabled {
        #[cfg(feature = "matrix")]
        {
            let (service, matrix, store) = (service.clone(), config.matrix.clone(), config.matrix_store());
            tasks.spawn(async move { histbot::matrix::run(service, matrix, store).await.context("the Matrix front end stopped") });
        }
        #[cfg(not(feature = "matrix"))]
        anyhow::bail!("[matrix] is enabled, but this histbot was built without the `matrix` feature");
    }
    let _ = (tasks, service);
    Ok(())
}
