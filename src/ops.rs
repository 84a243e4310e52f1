//! The operator's listener (feature `ops`, on `metrics_listen`): `GET
//! /healthz` (the process answers), `GET /readyz` (200 when the fact base
//! is loaded and every enabled front end is up, else 503, with one line per
//! check; see [`crate::service::health`]) and `GET /metrics` (the
//! Prometheus text format of what [`crate::service::measure`] records).
//!
//! The same routes are merged into the Discord HTTP interactions endpoint,
//! so an HTTP-mode deployment can be probed on its one port.

use std::sync::{Arc, OnceLock};
use std::time::Duration;

use axum::extract::State;
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use metrics_exporter_prometheus::{Matcher, PrometheusBuilder, PrometheusHandle};
use tokio::net::TcpListener;

use crate::service::{health, measure, Service};

/// Buckets of the latency histograms, in seconds: 10 µs to 2.5 s.
const SECONDS_BUCKETS: &[f64] = &[
    0.00001, 0.000025, 0.00005, 0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05,
    0.1, 0.25, 0.5, 1.0, 2.5,
];

/// Why the listener could not run.
#[derive(Debug, thiserror::Error)]
pub enum OpsError {
    #[error("cannot listen on {addr} (metrics_listen): {source}")]
    Listen {
        addr: String,
        source: std::io::Error,
    },
    #[error("the metrics listener stopped: {0}")]
    Serve(std::io::Error),
}

/// The process's Prometheus recorder, installed the first time it is
/// asked for; `None` if another recorder was installed first.
pub fn recorder() -> Option<&'static PrometheusHandle> {
    static HANDLE: OnceLock<Option<PrometheusHandle>> = OnceLock::new();
    HANDLE
        .get_or_init(|| {
            let builder = PrometheusBuilder::new().set_buckets_for_metric(Matcher::Suffix("_seconds".into()), SECONDS_BUCKETS);
            match builder.and_then(|builder| builder.install_recorder()) {
                Ok(handle) => {
                    keep_up(handle.clone());
                    Some(handle)
                }
                Err(error) => {
                    tracing::error!(%error, "cannot install the Prometheus recorder; /metrics stays empty");
                    None
                }
            }
        })
        .as_ref()
}

/// How often the recorded histogram samples are folded into their buckets.
const UPKEEP_EVERY: Duration = Duration::from_secs(5);

/// Fold the histograms' samples into their buckets every few seconds on a
/// thread of its own: the recorder keeps every sample until then, so
/// without it memory would grow with every request while nobody scrapes
/// `/metrics`.
fn keep_up(handle: PrometheusHandle) {
    let spawned = std::thread::Builder::new().name("metrics-upkeep".into()).spawn(move || loop {
        std::thread::sleep(UPKEEP_EVERY);
        handle.run_upkeep();
    });
    if let Err(error) = spawned {
        tracing::error!(%error, "cannot start the metrics upkeep thread; histograms are folded only when /metrics is read");
    }
}

/// `/healthz`, `/readyz` and `/metrics` over `service`. Installs the
/// recorder, so build this before the first question is answered.
pub fn router(service: Arc<Service>) -> Router {
    // The figures set at start were set before there was a recorder.
    if recorder().is_some() {
        measure::fact_base(service.engine().base(), None);
    }
    Router::new()
        .route("/healthz", get(|| async { "ok\n" }))
        .route("/readyz", get(readyz))
        .route("/metrics", get(metrics))
        .with_state(service)
}

/// Bind `addr`, then serve until the service stops.
pub async fn run(service: Arc<Service>, addr: &str) -> Result<(), OpsError> {
    // The recorder first: a question answered as soon as the line below is
    // logged is counted (it was installed only when serving began, and the
    // console's first answer could go unrecorded).
    let _ = recorder();
    let listener = TcpListener::bind(addr)
        .await
        .map_err(|source| OpsError::Listen {
            addr: addr.to_string(),
            source,
        })?;
    let bound = listener.local_addr().map_or_else(|_| addr.to_string(), |bound| bound.to_string());
    tracing::info!(listen = %bound, "health and metrics listening (/healthz, /readyz, /metrics)");
    serve(listener, service).await
}

/// Serve on `listener` until the service stops.
pub async fn serve(listener: TcpListener, service: Arc<Service>) -> Result<(), OpsError> {
    let stopped = service.shutdown().stopped();
    axum::serve(listener, router(service))
        .with_graceful_shutdown(stopped)
        .await
        .map_err(OpsError::Serve)
}

async fn readyz(State(service): State<Arc<Service>>) -> Response {
    let report = health::report(&service);
    let status = if report.ready {
        StatusCode::OK
    } else {
        StatusCode::SERVICE_UNAVAILABLE
    };
    (status, report.text()).into_response()
}

async fn metrics(State(service): State<Arc<Service>>) -> Response {
    let Some(handle) = recorder() else {
        return (StatusCode::SERVICE_UNAVAILABLE, "no metrics recorder\n").into_response();
    };
    // Counting the open reports asks the store, which may block.
    let rendered = tokio::task::spawn_blocking(move || {
        service.refresh_metrics();
        handle.render()
    })
    .await;
    match rendered {
        Ok(text) => ([(header::CONTENT_TYPE, "text/plain; version=0.0.4")], text).into_response(),
        Err(error) => {
            tracing::error!(%error, "rendering the metrics failed");
            (
                StatusCode::INTERNAL_SERVER_ERROR,
                "rendering the metrics failed\n",
            )
                .into_response()
        }
    }
}
