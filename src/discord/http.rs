//! HTTP interactions endpoint mode (`[discord] mode = "http"`).
//!
//! Discord POSTs each interaction here, signed with Ed25519 over
//! `X-Signature-Timestamp` + body. Anything not signed by the application's
//! public key gets 401, and so does a timestamp that is not a number or is
//! more than `timestamp_window_secs` (default 300) from the local clock, so a
//! captured request cannot be replayed later; a body that is not an
//! interaction gets 400 (and a warning in the log); one over
//! `max_body_bytes` gets 413. A PING gets a PONG; everything else is answered
//! in the response body. Slow answers are acknowledged and edited in through
//! the REST API (which needs the bot token).
//!
//! When the service stops, the listener closes, requests under way are
//! answered, and deferred answers still being edited in are waited for
//! (through the service's shutdown drain).
//!
//! The endpoint keeps no state between requests and holds no gateway
//! connection, so any number of replicas can run behind a load balancer.

use std::sync::Arc;
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use axum::body::Bytes;
use axum::extract::{DefaultBodyLimit, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::post;
use axum::{Json, Router};
use ed25519_dalek::{Signature, VerifyingKey};
use serenity::http::Http;
use serenity::http::{LightMethod, Request, Route};
use serenity::model::id::ApplicationId;
use tokio::net::TcpListener;

use super::commands::{self, Locales};
use super::interaction::{self, Incoming, Kind, Outgoing};
use super::quiz::{self, Quizzes};
use super::{redact_error, DiscordError};
use crate::config::{secret, DiscordConfig};
use crate::service::daily::Clock;
use crate::service::rendered::{Rendered, RenderedAnswers};
use crate::service::{measure, Service};

/// The front end's name in [`Service::readiness`].
const READINESS: &str = "discord";

/// Everything one request needs; shared by all requests.
pub struct Endpoint {
    pub service: Arc<Service>,
    pub public_key: VerifyingKey,
    /// For editing in deferred answers; `None` without a bot token.
    pub rest: Option<Arc<Http>>,
    pub defer_after: Duration,
    pub max_body_bytes: usize,
    /// How far `X-Signature-Timestamp` may be from the local clock.
    pub timestamp_window: Duration,
    /// Quiz rounds (posted through `rest`); [`serve`] runs their clock.
    pub quizzes: Arc<Quizzes>,
    /// The JSON of answers to commands that only read the fact base, kept
    /// until it changes (`answer_cache_entries`).
    pub rendered: RenderedAnswers<Rendered<Bytes>>,
    /// The JSON of autocompletions, kept the same way.
    pub completions: RenderedAnswers<Bytes>,
}

/// Why a request was refused before its body was read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refusal {
    /// `X-Signature-Ed25519` or `X-Signature-Timestamp` is missing.
    Unsigned,
    /// The timestamp is not a Unix time in seconds.
    BadTimestamp,
    /// The timestamp is outside the window (a replay, or a wrong clock).
    Stale,
    /// The signature is not our key's over timestamp + body.
    BadSignature,
}

impl std::fmt::Debug for Endpoint {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Endpoint").field("rest", &self.rest.is_some()).field("defer_after", &self.defer_after).finish_non_exhaustive()
    }
}

/// Read a hex public key.
pub fn parse_public_key(hex_key: &str) -> Result<VerifyingKey, DiscordError> {
    let bytes: [u8; 32] = hex::decode(hex_key.trim()).ok().and_then(|b| b.try_into().ok()).ok_or(DiscordError::BadPublicKey)?;
    VerifyingKey::from_bytes(&bytes).map_err(|_| DiscordError::BadPublicKey)
}

impl Endpoint {
    /// Build the endpoint from the config: the public key from `public_key`
    /// or its environment variable; the REST client when there is a token.
    pub fn new(service: Arc<Service>, config: &DiscordConfig, token: Option<&str>) -> Result<Endpoint, DiscordError> {
        let key_text = config
            .public_key
            .clone()
            .filter(|k| !k.trim().is_empty())
            .or_else(|| secret(&config.public_key_env, None))
            .ok_or_else(|| DiscordError::MissingPublicKey { env: config.public_key_env.clone() })?;
        let rest = token.map(|token| Arc::new(super::rest_client(config, token)));
        Ok(Endpoint {
            quizzes: Quizzes::for_service(&service, rest.clone()),
            service,
            public_key: parse_public_key(&key_text)?,
            rest,
            defer_after: super::defer_after(config),
            max_body_bytes: config.max_body_bytes.max(1024),
            timestamp_window: Duration::from_secs(config.timestamp_window_secs.max(1)),
            rendered: RenderedAnswers::new(config.answer_cache_entries),
            completions: RenderedAnswers::new(config.answer_cache_entries),
        })
    }

    /// Time quiz rounds by `clock` (tests move theirs by hand).
    pub fn with_clock(mut self, clock: Arc<dyn Clock>) -> Endpoint {
        self.quizzes = Quizzes::new(self.rest.clone(), clock, self.service.study().question_secs);
        self
    }

    /// Accept a request only if its timestamp is a Unix time within the
    /// window and `X-Signature-Ed25519` (hex) signs timestamp + `body` with our key.
    pub fn verify(&self, headers: &HeaderMap, body: &[u8]) -> Result<(), Refusal> {
        let header = |name: &str| headers.get(name).and_then(|v| v.to_str().ok()).map(str::trim).filter(|v| !v.is_empty());
        let (Some(signature), Some(timestamp)) = (header("x-signature-ed25519"), header("x-signature-timestamp")) else { return Err(Refusal::Unsigned) };
        self.check_timestamp(timestamp)?;
        let signature = hex::decode(signature).ok().and_then(|b| <[u8; 64]>::try_from(b).ok()).ok_or(Refusal::BadSignature)?;
        let signature = Signature::from_bytes(&signature);
        let mut message = Vec::with_capacity(timestamp.len() + body.len());
        message.extend_from_slice(timestamp.as_bytes());
        message.extend_from_slice(body);
        self.public_key.verify_strict(&message, &signature).map_err(|_| Refusal::BadSignature)
    }

    /// The timestamp must be digits (Unix seconds) within the window of now.
    fn check_timestamp(&self, timestamp: &str) -> Result<(), Refusal> {
        if !timestamp.bytes().all(|b| b.is_ascii_digit()) {
            return Err(Refusal::BadTimestamp);
        }
        let sent = timestamp.parse::<u64>().map_err(|_| Refusal::BadTimestamp)?;
        let now = SystemTime::now().duration_since(UNIX_EPOCH).map_or(0, |d| d.as_secs());
        if now.abs_diff(sent) > self.timestamp_window.as_secs() {
            return Err(Refusal::Stale);
        }
        Ok(())
    }
}

/// The endpoint's routes: `POST /` and `POST /interactions` for Discord,
/// and for probes `GET /healthz`, with the `ops` feature also `/readyz` and
/// `/metrics` (the same as on `metrics_listen`).
pub fn router(endpoint: Arc<Endpoint>) -> Router {
    let limit = endpoint.max_body_bytes;
    let interactions = Router::new()
        .route("/", post(interactions))
        .route("/interactions", post(interactions))
        .layer(DefaultBodyLimit::max(limit))
        .with_state(endpoint.clone());
    #[cfg(feature = "ops")]
    return interactions.merge(crate::ops::router(endpoint.service.clone()));
    #[cfg(not(feature = "ops"))]
    interactions.route("/healthz", axum::routing::get(|| async { "ok\n" }))
}

/// Serve on `listener` until the service stops: then the listener closes and
/// the requests under way are answered before this returns. Quiz rounds
/// are moved on by the clock meanwhile ([`quiz::drive`]; without a bot
/// token there are none).
pub async fn serve(listener: TcpListener, endpoint: Arc<Endpoint>) -> Result<(), DiscordError> {
    let stopped = endpoint.service.shutdown().stopped();
    let _driver = quiz::spawn_driver(endpoint.quizzes.clone(), endpoint.service.clone());
    axum::serve(listener, router(endpoint)).with_graceful_shutdown(stopped).await.map_err(DiscordError::Serve)
}

/// HTTP mode: register the commands (with a token), then serve.
pub async fn run(service: Arc<Service>, config: DiscordConfig, token: Option<String>, clock: Arc<dyn Clock>) -> Result<(), DiscordError> {
    let endpoint = Arc::new(Endpoint::new(service.clone(), &config, token.as_deref())?.with_clock(clock));
    match &endpoint.rest {
        Some(http) => {
            let locales = Locales::load(&config.locales);
            match application_id(http).await {
                Some(application_id) => {
                    if let Err(error) = commands::register(http, application_id, &config.guilds, &locales).await {
                        tracing::error!(%error, "could not register the slash commands; the ones Discord already has stay");
                    }
                }
                None => tracing::error!("no application id (set application_id in [discord]); slash commands not registered"),
            }
            super::forward_notices(&service, http.clone(), config.moderator_channel);
            super::post_daily(&service, http.clone());
        }
        None => {
            tracing::warn!(env = %config.token_env, "no bot token: slash commands are not registered, slow answers cannot be deferred and quiz rounds cannot be played");
            if service.study().daily.as_ref().and_then(|daily| daily.channel_id()).is_some() {
                tracing::warn!(env = %config.token_env, "no bot token: the daily fact cannot be posted in its Discord channel");
            }
        }
    }
    let listener = TcpListener::bind(&config.listen).await.map_err(|source| DiscordError::Listen { addr: config.listen.clone(), source })?;
    tracing::info!(listen = %config.listen, "Discord interactions endpoint listening");
    let address = listener.local_addr().map_or_else(|_| config.listen.clone(), |address| address.to_string());
    service.readiness().set(READINESS, true, format!("HTTP endpoint listening on {address}"));
    let served = serve(listener, endpoint).await;
    service.readiness().set(READINESS, false, "HTTP endpoint closed");
    served
}

/// The configured application id, or the one the token belongs to.
async fn application_id(http: &Http) -> Option<ApplicationId> {
    if let Some(id) = http.application_id() {
        return Some(id);
    }
    let info = http.fire::<serde_json::Value>(Request::new(Route::Oauth2ApplicationCurrent, LightMethod::Get)).await;
    match info {
        Ok(info) => {
            let id = info.get("id").and_then(|v| v.as_str()).and_then(|s| s.parse::<u64>().ok()).filter(|&id| id != 0)?;
            http.set_application_id(ApplicationId::new(id));
            Some(ApplicationId::new(id))
        }
        Err(error) => {
            tracing::warn!(error = %redact_error(&error), "could not look up the application id");
            None
        }
    }
}

async fn interactions(State(endpoint): State<Arc<Endpoint>>, headers: HeaderMap, body: Bytes) -> Response {
    let received = Instant::now();
    if let Err(refusal) = endpoint.verify(&headers, &body) {
        tracing::debug!(?refusal, "refused an interactions request");
        measure::discord_interaction("http", "unverified", "401");
        let message = if refusal == Refusal::Stale { "request timestamp outside the accepted window" } else { "invalid request signature" };
        return (StatusCode::UNAUTHORIZED, message).into_response();
    }
    let incoming = match read_interaction(&body) {
        Ok(incoming) => incoming,
        Err(response) => {
            measure::discord_interaction("http", "unreadable", "400");
            return response;
        }
    };
    let kind = incoming.kind;
    let Some(in_flight) = endpoint.service.shutdown().admit() else {
        measure::discord_interaction("http", kind.label(), "503");
        return (StatusCode::SERVICE_UNAVAILABLE, "shutting down").into_response();
    };
    // Without a REST client a deferred answer could never be delivered: wait for it.
    let defer_after = endpoint.rest.as_ref().map(|_| endpoint.defer_after);
    let quick = match kind {
        // Quiz rounds are played in the store, never kept.
        _ if quiz::handles(&incoming) => None,
        Kind::Command => interaction::command_json_now(&endpoint.service, &incoming, defer_after, &endpoint.rendered),
        Kind::Autocomplete => Some(interaction::autocomplete_json(&endpoint.service, &incoming, &endpoint.completions)),
        _ => None,
    };
    if let Some(json) = quick {
        drop(in_flight);
        measure::reply("discord", "http", received.elapsed());
        measure::discord_interaction("http", kind.label(), "200");
        return ([(header::CONTENT_TYPE, HeaderValue::from_static("application/json"))], json).into_response();
    }
    let token = incoming.token.clone();
    let application_id = incoming.application_id.clone();
    let outgoing = if quiz::handles(&incoming) {
        quiz::process(endpoint.quizzes.clone(), endpoint.service.clone(), incoming, defer_after).await
    } else {
        interaction::process(endpoint.service.clone(), incoming, defer_after).await
    };
    let response = match outgoing {
        Outgoing::Now(response) => {
            if kind != Kind::Ping {
                measure::reply("discord", "http", received.elapsed());
            }
            Json(response).into_response()
        }
        Outgoing::Deferred { ack, rest } => {
            if let Some(http) = endpoint.rest.clone() {
                let ack = ack.clone();
                tokio::spawn(async move {
                    // Stopping waits for the edit as well.
                    let _in_flight = in_flight;
                    let Ok(data) = rest.await else { return };
                    let Some(application_id) = super::application_id_of(&application_id, &http) else { return };
                    match super::finish_deferred(&http, application_id, &token, &ack, &data).await {
                        Ok(()) => measure::reply("discord", "http", received.elapsed()),
                        Err(error) => tracing::warn!(%error, "could not deliver a deferred answer"),
                    }
                });
            }
            Json(ack).into_response()
        }
    };
    measure::discord_interaction("http", kind.label(), "200");
    response
}

/// A signed body as an interaction; a 400 response (and a warning, which
/// names the problem but never the body or its token) if it is not one.
fn read_interaction(body: &[u8]) -> Result<Incoming, Response> {
    Incoming::from_slice(body).map_err(|error| {
        let problem = error.to_string();
        tracing::warn!(%problem, "a signed request is not an interaction histbot can read; refused");
        (StatusCode::BAD_REQUEST, problem).into_response()
    })
}
