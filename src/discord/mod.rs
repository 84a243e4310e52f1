//! The Discord front end: slash commands over the shared [`Service`].
//!
//! Two ways to receive interactions (`[discord] mode`):
//!
//! - **gateway** ([`gateway`]): a serenity client holds a WebSocket per shard
//!   and answers through the REST callback endpoint. Several machines split
//!   the shards with `shards = { first, last, total }`.
//! - **http** ([`http`]): an interactions endpoint that verifies Discord's
//!   Ed25519 signature and answers in the response body. It holds no
//!   connection, so any number of replicas can run behind a load balancer.
//!
//! Both turn an interaction into an [`interaction::Incoming`], answer it with
//! the core, and render the [`crate::ask::Answer`] with [`embed`]. `/quiz`
//! and its answer buttons go to [`quiz`] instead: rounds live in the store
//! and are moved on by one [`quiz::drive`] loop per process, in either
//! mode. Commands
//! come from the one command table ([`commands`]). Nothing outside this
//! module knows a Discord type.
//!
//! The bot token is read with [`crate::config::secret`] and never written to
//! a log line or an error: errors from the REST client pass through
//! [`redact`] first, and gateway events serenity cannot read are reported by
//! [`gateway_log`] without the payload (and its interaction token).

pub mod commands;
pub mod embed;
pub mod gateway;
pub mod gateway_log;
pub mod http;
pub mod interaction;
pub mod quiz;
mod wire;

use std::sync::{Arc, OnceLock};
use std::time::Duration;

use regex::Regex;
use serde_json::Value;
use serenity::http::{Http, HttpBuilder, LightMethod, Request, Route};
use serenity::model::id::{ApplicationId, ChannelId};

use crate::config::{secret, DiscordConfig, DiscordMode};
use crate::ask::Answer;
use crate::service::daily::{Clock, SystemClock};
use crate::service::{daily, Service};

/// Why the Discord front end could not run. No variant ever holds a secret.
#[derive(Debug, thiserror::Error)]
pub enum DiscordError {
    #[error("no Discord bot token: set the {env} environment variable{}", .file.as_ref().map(|f| format!(" or put it in {}", f.display())).unwrap_or_else(|| " (or set token_file in [discord])".into()))]
    MissingToken { env: String, file: Option<std::path::PathBuf> },
    #[error("no Discord public key for the HTTP interactions endpoint: set `public_key` in [discord] or the {env} environment variable (the developer portal shows it under General Information)")]
    MissingPublicKey { env: String },
    #[error("the Discord public key is not 64 hexadecimal digits (a 32-byte Ed25519 key)")]
    BadPublicKey,
    #[error("cannot listen on {addr}: {source}")]
    Listen { addr: String, source: std::io::Error },
    #[error("the HTTP interactions endpoint stopped: {0}")]
    Serve(std::io::Error),
    #[error("the Discord API: {0}")]
    Rest(String),
    #[error("the Discord gateway: {0}")]
    Gateway(String),
}

/// Run the Discord front end in the configured mode until the process ends.
pub async fn run(service: Arc<Service>, config: DiscordConfig) -> Result<(), DiscordError> {
    run_with_clock(service, config, Arc::new(SystemClock)).await
}

/// [`run`], with quiz rounds timed by `clock` (tests pass one they move by hand).
pub async fn run_with_clock(service: Arc<Service>, config: DiscordConfig, clock: Arc<dyn Clock>) -> Result<(), DiscordError> {
    let token = secret(&config.token_env, config.token_file.as_deref());
    match config.mode {
        DiscordMode::Gateway => {
            let token = token.ok_or_else(|| DiscordError::MissingToken { env: config.token_env.clone(), file: config.token_file.clone() })?;
            gateway::run(service, config, token, clock).await
        }
        DiscordMode::Http => http::run(service, config, token, clock).await,
    }
}

/// The REST client. With `api_base` (tests), requests go there and the rate
/// limiter is off, which is what makes serenity honour the proxy.
pub fn rest_client(config: &DiscordConfig, token: &str) -> Http {
    let mut builder = HttpBuilder::new(token);
    if let Some(base) = config.api_base.as_deref().filter(|b| !b.trim().is_empty()) {
        builder = builder.proxy(base.trim().trim_end_matches('/')).ratelimiter_disabled(true);
    }
    if let Some(id) = config.application_id.filter(|&id| id != 0) {
        builder = builder.application_id(ApplicationId::new(id));
    }
    builder.build()
}

/// Remove anything secret-looking from a message before it is logged or
/// returned: bot tokens, and interaction tokens inside callback and webhook URLs.
pub fn redact(text: &str) -> String {
    static PATTERNS: OnceLock<[Regex; 3]> = OnceLock::new();
    let [bot_token, interaction_url, webhook_url] = PATTERNS.get_or_init(|| {
        [
            Regex::new(r"(?:Bot |Bearer )?[A-Za-z0-9_-]{20,}\.[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]{20,}").expect("valid regex"),
            Regex::new(r"/interactions/(\d+)/[^/\s]+").expect("valid regex"),
            Regex::new(r"/webhooks/(\d+)/[^/\s]+").expect("valid regex"),
        ]
    });
    let text = bot_token.replace_all(text, "[redacted]");
    let text = interaction_url.replace_all(&text, "/interactions/$1/[redacted]");
    webhook_url.replace_all(&text, "/webhooks/$1/[redacted]").into_owned()
}

/// A serenity error as text fit for a log line.
pub fn redact_error(error: &serenity::Error) -> String {
    redact(&error.to_string())
}

/// How long to wait before acknowledging and editing the answer in later.
fn defer_after(config: &DiscordConfig) -> Duration {
    Duration::from_millis(config.defer_after_ms.min(2500))
}

/// Deliver a deferred interaction's answer, after the acknowledgement
/// `ack` was sent. `answer` is the message data, with `flags` set to
/// [`embed::EPHEMERAL`] when only the asker may see it. Normally the
/// acknowledged response is edited into the answer (a webhook edit cannot
/// change whether a message is ephemeral, so the flags are dropped). A
/// private answer is never shown through a public acknowledgement: after
/// a public "thinking…" the original response is deleted and the answer
/// sent as an ephemeral follow-up, in that order (Discord takes the first
/// follow-up after a deferral as an edit of the original, flags ignored);
/// after a button's silent acknowledgement ([`interaction::DEFERRED_UPDATE_MESSAGE`])
/// the original is the message the button is on, which is left alone and
/// the answer follows ephemerally. Both modes finish here.
pub(crate) async fn finish_deferred(http: &Http, application_id: ApplicationId, token: &str, ack: &Value, answer: &Value) -> Result<(), String> {
    let mut data = answer.clone();
    if let Some(map) = data.as_object_mut() {
        map.remove("flags");
        map.insert("allowed_mentions".into(), embed::no_mentions());
    }
    match Delivery::of(ack, answer) {
        Delivery::Edit => webhook(http, Route::WebhookOriginalInteractionResponse { application_id, token }, LightMethod::Patch, Some(&data)).await,
        Delivery::ReplacePublic => {
            // Not without the delete: a follow-up would then be shown in
            // the public original.
            webhook(http, Route::WebhookOriginalInteractionResponse { application_id, token }, LightMethod::Delete, None).await?;
            followup(http, application_id, token, data).await
        }
        Delivery::Followup => followup(http, application_id, token, data).await,
    }
}

/// How a deferred answer reaches the asker (see [`finish_deferred`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Delivery {
    /// Edit the acknowledged response.
    Edit,
    /// Delete the public acknowledgement, then follow up ephemerally.
    ReplacePublic,
    /// Follow up ephemerally, leaving the original alone.
    Followup,
}

impl Delivery {
    fn of(ack: &Value, answer: &Value) -> Delivery {
        let ephemeral = |flags: Option<&Value>| flags.and_then(Value::as_u64).is_some_and(|f| f & embed::EPHEMERAL != 0);
        if !ephemeral(answer.get("flags")) {
            return Delivery::Edit;
        }
        match ack.get("type").and_then(Value::as_u64) {
            Some(interaction::DEFERRED_CHANNEL_MESSAGE) if ephemeral(ack.pointer("/data/flags")) => Delivery::Edit,
            Some(interaction::DEFERRED_CHANNEL_MESSAGE) => Delivery::ReplacePublic,
            _ => Delivery::Followup,
        }
    }
}

/// An ephemeral follow-up message to an interaction.
async fn followup(http: &Http, application_id: ApplicationId, token: &str, mut data: Value) -> Result<(), String> {
    data["flags"] = serde_json::json!(embed::EPHEMERAL);
    webhook(http, Route::WebhookFollowupMessages { application_id, token }, LightMethod::Post, Some(&data)).await
}

/// One request to an interaction's webhook.
async fn webhook(http: &Http, route: Route<'_>, method: LightMethod, data: Option<&Value>) -> Result<(), String> {
    let body = data.map(serde_json::to_vec).transpose().map_err(|e| e.to_string())?;
    http.request(Request::new(route, method).body(body)).await.map(|_| ()).map_err(|e| redact_error(&e))
}

/// The application id an interaction names, or the configured one.
pub(crate) fn application_id_of(text: &str, http: &Http) -> Option<ApplicationId> {
    text.parse::<u64>().ok().filter(|&id| id != 0).map(ApplicationId::new).or_else(|| http.application_id())
}

/// Forward moderator notices (reload failures, new reports) to the
/// moderator channel, if one is configured, and a reporter's notice (their
/// report closed) to the channel they reported in.
pub(crate) fn forward_notices(service: &Arc<Service>, http: Arc<Http>, moderator_channel: Option<u64>) {
    let moderator_channel = moderator_channel.filter(|&c| c != 0);
    let mut notices = service.subscribe();
    tokio::spawn(async move {
        loop {
            match notices.recv().await {
                Ok(notice) => {
                    let channel = match notice.to.as_deref() {
                        None => moderator_channel,
                        Some(to) => to.strip_prefix("discord:").and_then(|id| id.parse::<u64>().ok()).filter(|&c| c != 0),
                    };
                    let Some(channel) = channel else { continue };
                    let channel_id = ChannelId::new(channel);
                    let data = embed::message(&notice.answer, &embed::Render::default());
                    let body = match serde_json::to_vec(&data) {
                        Ok(body) => body,
                        Err(_) => continue,
                    };
                    let request = Request::new(Route::ChannelMessages { channel_id }, LightMethod::Post).body(Some(body));
                    if let Err(error) = http.request(request).await {
                        tracing::warn!(channel, error = %redact_error(&error), "could not post a notice");
                    }
                }
                Err(tokio::sync::broadcast::error::RecvError::Lagged(missed)) => {
                    tracing::warn!(missed, "moderator notices were dropped (too many at once)");
                }
                Err(tokio::sync::broadcast::error::RecvError::Closed) => break,
            }
        }
    });
}

/// Post the daily fact in the configured channel (`[study] daily.channel`),
/// if there is one, until the service stops.
pub(crate) fn post_daily(service: &Arc<Service>, http: Arc<Http>) {
    let Some(channel) = service.study().daily.as_ref().and_then(|daily| daily.channel_id()) else { return };
    let Some(schedule) = daily::schedule(service) else { return };
    tokio::spawn(daily::run(service.clone(), schedule, ChannelPoster { http, channel }, Arc::new(daily::SystemClock)));
}

/// The daily fact as a channel message (one embed, no mentions).
struct ChannelPoster {
    http: Arc<Http>,
    channel: u64,
}

impl daily::Poster for ChannelPoster {
    fn target(&self) -> String {
        format!("discord:{}", self.channel)
    }

    async fn post(&self, answer: Answer) -> Result<(), String> {
        let data = embed::message(&answer, &embed::Render::default());
        let body = serde_json::to_vec(&data).map_err(|error| error.to_string())?;
        let channel_id = ChannelId::new(self.channel);
        let request = Request::new(Route::ChannelMessages { channel_id }, LightMethod::Post).body(Some(body));
        self.http.request(request).await.map(|_| ()).map_err(|error| redact_error(&error))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn redaction_removes_tokens() {
        let token = "MTIzNDU2Nzg5MDEyMzQ1Njc4.GaBcDe.abcdefghijklmnopqrstuvwxyz012345";
        let text = redact(&format!("failed: Bot {token} at https://discord.com/api/v10/interactions/123/aW50ZXJhY3Rpb24.token/callback"));
        assert!(!text.contains("GaBcDe") && !text.contains("aW50ZXJhY3Rpb24"), "{text}");
        assert!(text.contains("/interactions/123/[redacted]/callback"), "{text}");
    }

    #[test]
    fn a_private_answer_never_goes_through_a_public_acknowledgement() {
        use serde_json::json;
        let private = json!({ "embeds": [], "flags": embed::EPHEMERAL });
        let public = json!({ "embeds": [] });
        let thinking = json!({ "type": interaction::DEFERRED_CHANNEL_MESSAGE, "data": {} });
        let thinking_privately = json!({ "type": interaction::DEFERRED_CHANNEL_MESSAGE, "data": { "flags": embed::EPHEMERAL } });
        let button = json!({ "type": interaction::DEFERRED_UPDATE_MESSAGE });
        assert_eq!(Delivery::of(&thinking, &private), Delivery::ReplacePublic);
        assert_eq!(Delivery::of(&thinking, &public), Delivery::Edit);
        assert_eq!(Delivery::of(&thinking_privately, &private), Delivery::Edit);
        assert_eq!(Delivery::of(&thinking_privately, &public), Delivery::Edit, "stays private: an edit cannot make it public");
        assert_eq!(Delivery::of(&button, &private), Delivery::Followup, "the button's message is left alone");
        assert_eq!(Delivery::of(&button, &public), Delivery::Edit);
    }

    #[test]
    fn the_missing_token_error_names_the_variable() {
        let error = DiscordError::MissingToken { env: "DISCORD_TOKEN".into(), file: None };
        assert!(error.to_string().contains("DISCORD_TOKEN"));
    }
}
