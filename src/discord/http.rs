//! HTTP interactions endpoint mode (`[discord] mode = "http"`).
//!
//! Discord POSTs each interaction here, signed with Ed25519 over
//! `X-Signature-Timestamp` + body. Anything not signed by the application's
//! public key gets 401; a body that is not an interaction gets 400; one over
//! `max_body_bytes` gets 413. A PING gets a PONG; everything else is answered
//! in the response body. Slow answers are acknowledged and edited in through
//! the REST API (which needs the bot token).
//!
//! The endpoint keeps no state between requests and holds no gateway
//! connection, so any number of replicas can run behind a load balancer.

use std::sync::Arc;
use std::time::Duration;

use axum::body::Bytes;
use axum::extract::{DefaultBodyLimit, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use ed25519_dalek::{Signature, VerifyingKey};
use serenity::http::Http;
use serenity::http::{LightMethod, Request, Route};
use serenity::model::id::ApplicationId;
use tokio::net::TcpListener;

use super::commands::{self, Locales};
use super::interaction::{self, Incoming, Outgoing};
use super::{redact_error, DiscordError};
use crate::config::{secret, DiscordConfig};
use crate::service::Service;

/// Everything one request needs; shared by all requests.
pub struct Endpoint {
    pub service: Arc<Service>,
    pub public_key: VerifyingKey,
    /// For editing in deferred answers; `None` without a bot token.
    pub rest: Option<Arc<Http>>,
    pub defer_after: Duration,
    pub max_body_bytes: usize,
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
        Ok(Endpoint {
            service,
            public_key: parse_public_key(&key_text)?,
            rest: token.map(|token| Arc::new(super::rest_client(config, token))),
            defer_after: super::defer_after(config),
            max_body_bytes: config.max_body_bytes.max(1024),
        })
    }

    /// Whether `signature` (hex) signs `timestamp` + `body` with our key.
    pub fn verify(&self, headers: &HeaderMap, body: &[u8]) -> bool {
        let header = |name: &str| headers.get(name).and_then(|v| v.to_str().ok()).map(str::trim);
        let (Some(signature), Some(timestamp)) = (header("x-signature-ed25519"), header("x-signature-timestamp")) else { return false };
        if timestamp.is_empty() {
            return false;
        }
        let Some(signature) = hex::decode(signature).ok().and_then(|b| <[u8; 64]>::try_from(b).ok()) else { return false };
        let signature = Signature::from_bytes(&signature);
        let mut message = Vec::with_capacity(timestamp.len() + body.len());
        message.extend_from_slice(timestamp.as_bytes());
        message.extend_from_slice(body);
        self.public_key.verify_strict(&message, &signature).is_ok()
    }
}

/// The endpoint's routes: `POST /` and `POST /interactions` for Discord,
/// `GET /healthz` for load balancers.
pub fn router(endpoint: Arc<Endpoint>) -> Router {
    let limit = endpoint.max_body_bytes;
    Router::new()
        .route("/", post(interactions))
        .route("/interactions", post(interactions))
        .route("/healthz", get(|| async { "ok" }))
        .layer(DefaultBodyLimit::max(limit))
        .with_state(endpoint)
}

/// Serve on `listener` until the process ends.
pub async fn serve(listener: TcpListener, endpoint: Arc<Endpoint>) -> Result<(), DiscordError> {
    axum::serve(listener, router(endpoint)).await.map_err(DiscordError::Serve)
}

/// HTTP mode: register the commands (with a token), then serve.
pub async fn run(service: Arc<Service>, config: DiscordConfig, token: Option<String>) -> Result<(), DiscordError> {
    let endpoint = Arc::new(Endpoint::new(service.clone(), &config, token.as_deref())?);
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
        }
        None => tracing::warn!(env = %config.token_env, "no bot token: slash commands are not registered and slow answers cannot be deferred"),
    }
    let listener = TcpListener::bind(&config.listen).await.map_err(|source| DiscordError::Listen { addr: config.listen.clone(), source })?;
    tracing::info!(listen = %config.listen, "Discord interactions endpoint listening");
    serve(listener, endpoint).await
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
    if !endpoint.verify(&headers, &body) {
        return (StatusCode::UNAUTHORIZED, "invalid request signature").into_response();
    }
    let value: serde_json::Value = match serde_json::from_slice(&body) {
        Ok(value) => value,
        Err(_) => return (StatusCode::BAD_REQUEST, "the body is not JSON").into_response(),
    };
    let incoming = match Incoming::from_json(&value) {
        Ok(incoming) => incoming,
        Err(error) => return (StatusCode::BAD_REQUEST, error.to_string()).into_response(),
    };
    // Without a REST client a deferred answer could never be delivered: wait for it.
    let defer_after = endpoint.rest.as_ref().map(|_| endpoint.defer_after);
    let token = incoming.token.clone();
    let application_id = incoming.application_id.clone();
    match interaction::process(endpoint.service.clone(), incoming, defer_after).await {
        Outgoing::Now(response) => Json(response).into_response(),
        Outgoing::Deferred { ack, rest } => {
            if let Some(http) = endpoint.rest.clone() {
                tokio::spawn(async move {
                    let Ok(data) = rest.await else { return };
                    let Some(application_id) = super::application_id_of(&application_id, &http) else { return };
                    if let Err(error) = super::edit_original(&http, application_id, &token, &data).await {
                        tracing::warn!(%error, "could not edit in a deferred answer");
                    }
                });
            }
            Json(ack).into_response()
        }
    }
}
