//! Gateway mode: a serenity client with one WebSocket per shard. Interactions
//! arrive as events and are answered through the REST callback endpoint.
//!
//! serenity resumes a dropped session (or identifies again when it cannot
//! resume); if the whole client stops on an error that is not a
//! configuration error, it is started again after a pause.
//!
//! When the service stops, the shards are shut down (no new interactions)
//! and `run` returns; answers under way finish through the service's drain.
//!
//! Readiness (`/readyz`) follows the shard manager ([`watch_shards`]): the
//! bot is ready while every shard it runs is connected. serenity reports a
//! shard's stage to its manager when the stage changes, on each heartbeat
//! acknowledgement, and when a shard is restarted (then the shard leaves the
//! manager until it connects again); a resume that succeeds at once is too
//! quick to be seen, one that fails makes the bot not ready until a shard
//! connects again.

use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use serde_json::{json, Value};
use serenity::all::{
    ActionRowComponent, CommandDataOptionValue, CommandInteraction, ComponentInteraction, Context, EventHandler, GatewayIntents, Interaction, ModalInteraction, RawEventHandler, Ready,
    ResumedEvent, ShardStageUpdateEvent,
};
use serenity::gateway::{ConnectionStage, ShardManager};
use serenity::http::Http;
use serenity::model::id::InteractionId;
use serenity::client::{Client, ClientBuilder};

use super::commands::{self, Locales};
use super::interaction::{self, Incoming, Kind, OptionValue, Outgoing};
use super::quiz::{self, Quizzes};
use super::{redact, redact_error, DiscordError};
use crate::ask::answer::{Answer, Outcome};
use crate::config::DiscordConfig;
use crate::service::daily::Clock;
use crate::service::{measure, Service};

/// Run the gateway client until the service stops; quiz rounds are timed
/// by `clock` and moved on by this process's [`quiz::drive`] meanwhile.
pub async fn run(service: Arc<Service>, config: DiscordConfig, token: String, clock: Arc<dyn Clock>) -> Result<(), DiscordError> {
    let locales = Arc::new(Locales::load(&config.locales));
    let notices_http = Arc::new(super::rest_client(&config, &token));
    super::forward_notices(&service, notices_http.clone(), config.moderator_channel);
    super::post_daily(&service, notices_http.clone());
    let quizzes = Quizzes::new(Some(notices_http), clock, service.study().question_secs);
    // Dropped (the driver stopped) however this returns.
    let _driver = quiz::spawn_driver(quizzes.clone(), service.clone());
    let mut pause = Duration::from_secs(1);
    while !service.shutdown().is_stopping() {
        let http = super::rest_client(&config, &token);
        // serenity falls back to Discord's real gateway when this call fails;
        // asking first means a bad `api_base` is an error, not a surprise.
        if let Err(error) = http.get_gateway().await {
            let message = redact_error(&error);
            if config.api_base.is_some() || is_auth_error(&error) {
                return Err(DiscordError::Gateway(format!("cannot get the gateway address: {message}")));
            }
            tracing::warn!(error = %message, retry_in = ?pause, "cannot reach Discord; retrying");
            pause_unless_stopping(&service, &mut pause).await;
            continue;
        }
        let shards = Arc::new(ShardWatch::new(config.shards.map_or(1, |range| range.last.saturating_sub(range.first).saturating_add(1))));
        let handler = Handler { service: service.clone(), config: config.clone(), locales: locales.clone(), shards: shards.clone(), quizzes: quizzes.clone() };
        let mut client: Client = ClientBuilder::new_with_http(http, GatewayIntents::empty())
            .event_handler(handler)
            .raw_event_handler(UnreadableEvents)
            .await
            .map_err(|e| DiscordError::Gateway(redact_error(&e)))?;
        let stopper = stop_shards_on_shutdown(&service, &client);
        let watcher = tokio::spawn(watch_shards(service.clone(), client.shard_manager.clone(), shards));
        let started = match config.shards {
            // serenity's range end is inclusive here: `first..last` runs first..=last.
            Some(shards) => client.start_shard_range(shards.first..shards.last, shards.total).await,
            None => client.start_autosharded().await,
        };
        stopper.abort();
        watcher.abort();
        service.readiness().set(READINESS, false, "gateway client stopped");
        match started {
            Ok(()) if service.shutdown().is_stopping() => {
                tracing::info!("the Discord gateway connection is closed");
                return Ok(());
            }
            Ok(()) => {
                tracing::warn!("the Discord gateway client stopped; starting it again");
            }
            Err(error) if is_fatal(&error) => return Err(DiscordError::Gateway(redact_error(&error))),
            Err(error) => {
                tracing::warn!(error = %redact_error(&error), retry_in = ?pause, "the Discord gateway client stopped; starting it again");
            }
        }
        client.shard_manager.shutdown_all().await;
        pause_unless_stopping(&service, &mut pause).await;
    }
    Ok(())
}

/// When the service stops, shut the client's shards down (which makes its
/// `start` return).
fn stop_shards_on_shutdown(service: &Service, client: &Client) -> tokio::task::JoinHandle<()> {
    let stopped = service.shutdown().stopped();
    let shards = client.shard_manager.clone();
    tokio::spawn(async move {
        stopped.await;
        shards.shutdown_all().await;
    })
}

/// Wait `pause` before retrying (less if the service stops), then double it (at most a minute).
async fn pause_unless_stopping(service: &Service, pause: &mut Duration) {
    tokio::select! {
        () = tokio::time::sleep(*pause) => {}
        () = service.shutdown().stopped() => {}
    }
    *pause = (*pause * 2).min(Duration::from_secs(60));
}

fn stage_name(stage: ConnectionStage) -> &'static str {
    match stage {
        ConnectionStage::Connected => "connected",
        ConnectionStage::Connecting => "connecting",
        ConnectionStage::Disconnected => "disconnected",
        ConnectionStage::Handshake => "handshake",
        ConnectionStage::Identifying => "identifying",
        ConnectionStage::Resuming => "resuming",
        _ => "reconnecting",
    }
}

/// How often the shard manager is read when nothing wakes the watcher.
const SHARD_POLL: Duration = Duration::from_millis(500);

/// What [`watch_shards`] needs from the event handler: how many shards
/// should run, and a nudge when a shard's state changed.
struct ShardWatch {
    /// Shards that must be connected (the configured range; with
    /// autosharding, the total the first READY names).
    expected: AtomicU32,
    wake: tokio::sync::Notify,
}

impl ShardWatch {
    fn new(expected: u32) -> ShardWatch {
        ShardWatch { expected: AtomicU32::new(expected.max(1)), wake: tokio::sync::Notify::new() }
    }
}

/// Whether the shards are up, and what to tell the operator.
fn shards_ready(expected: usize, stages: &[(u32, ConnectionStage)]) -> (bool, String) {
    if stages.is_empty() {
        return (false, "gateway: no shard running (reconnecting)".into());
    }
    if let Some((shard, stage)) = stages.iter().find(|(_, stage)| *stage != ConnectionStage::Connected) {
        return (false, format!("gateway shard {shard}: {}", stage_name(*stage)));
    }
    if stages.len() < expected {
        return (false, format!("gateway: {} of {expected} shards connected", stages.len()));
    }
    let shards = if stages.len() == 1 { "1 shard".to_string() } else { format!("{} shards", stages.len()) };
    (true, format!("gateway connected ({shards})"))
}

/// Keep the `discord` readiness true to the shard manager until aborted:
/// read its shards every [`SHARD_POLL`] and whenever the handler wakes us;
/// count each fall from connected to not (`disconnected`).
async fn watch_shards(service: Arc<Service>, manager: Arc<ShardManager>, watch: Arc<ShardWatch>) {
    let mut was_ready = false;
    let mut down_since: Option<Instant> = None;
    loop {
        let mut stages: Vec<(u32, ConnectionStage)> = manager.runners.lock().await.iter().map(|(id, info)| (id.0, info.stage)).collect();
        stages.sort_by_key(|(id, _)| *id);
        let (ready, detail) = shards_ready(watch.expected.load(Ordering::Relaxed) as usize, &stages);
        if was_ready && !ready {
            measure::gateway_event("disconnected");
            tracing::warn!(%detail, "the Discord gateway is not connected");
            down_since = Some(Instant::now());
        } else if ready && !was_ready {
            if let Some(since) = down_since.take() {
                tracing::info!(down_for = ?since.elapsed(), "the Discord gateway is connected again");
            }
        }
        was_ready = ready;
        service.readiness().set(READINESS, ready, detail);
        tokio::select! {
            () = tokio::time::sleep(SHARD_POLL) => {}
            () = watch.wake.notified() => {}
        }
    }
}

fn is_auth_error(error: &serenity::Error) -> bool {
    matches!(error, serenity::Error::Http(serenity::http::HttpError::UnsuccessfulRequest(response)) if response.status_code.as_u16() == 401)
}

/// Errors that a restart cannot fix: a wrong token, intents or shard settings.
fn is_fatal(error: &serenity::Error) -> bool {
    use serenity::gateway::GatewayError as G;
    matches!(
        error,
        serenity::Error::Gateway(G::InvalidAuthentication | G::InvalidGatewayIntents | G::DisallowedGatewayIntents | G::InvalidShardData | G::OverloadedShard | G::NoAuthentication)
    ) || is_auth_error(error)
}

/// The front end's name in [`Service::readiness`].
const READINESS: &str = "discord";

struct Handler {
    service: Arc<Service>,
    config: DiscordConfig,
    locales: Arc<Locales>,
    shards: Arc<ShardWatch>,
    quizzes: Arc<Quizzes>,
}

#[serenity::async_trait]
impl EventHandler for Handler {
    async fn ready(&self, ctx: Context, ready: Ready) {
        let shard = ready.shard.map(|s| s.id.0);
        tracing::info!(bot = %ready.user.name, guilds = ready.guilds.len(), ?shard, "connected to the Discord gateway");
        measure::gateway_event("connected");
        if self.config.shards.is_none() {
            if let Some(total) = ready.shard.map(|info| info.total) {
                self.shards.expected.fetch_max(total, Ordering::Relaxed);
            }
        }
        self.shards.wake.notify_one();
        // One shard registers for all of them.
        if shard.unwrap_or(0) == 0 {
            let application_id = ctx.http.application_id().unwrap_or(ready.application.id);
            if let Err(error) = commands::register(&ctx.http, application_id, &self.config.guilds, &self.locales).await {
                tracing::error!(%error, "could not register the slash commands; the ones Discord already has stay");
            }
        }
    }

    async fn resume(&self, _ctx: Context, _event: ResumedEvent) {
        tracing::info!("Discord gateway session resumed");
        measure::gateway_event("resumed");
        self.shards.wake.notify_one();
    }

    /// A shard's stage changed: read the manager now rather than at the next poll.
    async fn shard_stage_update(&self, _ctx: Context, event: ShardStageUpdateEvent) {
        tracing::debug!(shard = event.shard_id.0, old = stage_name(event.old), new = stage_name(event.new), "gateway shard stage");
        self.shards.wake.notify_one();
    }

    async fn interaction_create(&self, ctx: Context, interaction: Interaction) {
        let received = Instant::now();
        // Held until the answer is sent (and edited in): stopping waits for it.
        let Some(_in_flight) = self.service.shutdown().admit() else { return };
        let incoming = match &interaction {
            Interaction::Command(command) => from_command(command, Kind::Command),
            Interaction::Autocomplete(command) => from_command(command, Kind::Autocomplete),
            Interaction::Component(component) => from_component(component),
            Interaction::Modal(modal) => from_modal(modal),
            _ => return,
        };
        answer(&ctx.http, self.service.clone(), incoming, super::defer_after(&self.config), received, &self.quizzes).await;
    }
}

/// Reports the events serenity could not read (it passes them on as
/// unknown and would drop them silently): see [`super::gateway_log`].
struct UnreadableEvents;

#[serenity::async_trait]
impl RawEventHandler for UnreadableEvents {
    async fn raw_event(&self, _ctx: Context, event: serenity::model::event::Event) {
        if let serenity::model::event::Event::Unknown(unknown) = &event {
            super::gateway_log::Unreadable::from_unknown(&unknown.kind, &unknown.value).log();
        }
    }
}

/// Answer one interaction through the REST callback (and a webhook edit
/// when deferred), counted by type and Discord's status, and timed from
/// `received` to the reply sent.
async fn answer(http: &Http, service: Arc<Service>, incoming: Incoming, defer_after: Duration, received: Instant, quizzes: &Arc<Quizzes>) {
    let Ok(id) = incoming.id.parse::<u64>().map(InteractionId::new) else { return };
    let kind = incoming.kind;
    let token = incoming.token.clone();
    let application_id = incoming.application_id.clone();
    let outgoing = if quiz::handles(&incoming) {
        quiz::process(quizzes.clone(), service, incoming, Some(defer_after)).await
    } else {
        interaction::process(service, incoming, Some(defer_after)).await
    };
    match outgoing {
        Outgoing::Now(response) => {
            let status = send(http, id, &token, kind, &response).await;
            measure::discord_interaction("gateway", kind.label(), status);
            measure::reply("discord", "gateway", received.elapsed());
        }
        Outgoing::Deferred { ack, rest } => {
            let status = send(http, id, &token, kind, &ack).await;
            measure::discord_interaction("gateway", kind.label(), status);
            let Ok(data) = rest.await else { return };
            let Some(application_id) = super::application_id_of(&application_id, http) else {
                tracing::error!("no application id to edit a deferred answer with");
                return;
            };
            match super::finish_deferred(http, application_id, &token, &ack, &data).await {
                Ok(()) => measure::reply("discord", "gateway", received.elapsed()),
                Err(error) => tracing::warn!(%error, "could not deliver a deferred answer"),
            }
        }
    }
}

/// The status label of a REST call's outcome: Discord's HTTP status, or
/// `error` when none came back.
fn status_of(result: &Result<(), serenity::Error>) -> &'static str {
    match result {
        Ok(()) => "204",
        Err(serenity::Error::Http(serenity::http::HttpError::UnsuccessfulRequest(response))) => measure::status_label(response.status_code.as_u16()),
        Err(_) => "error",
    }
}

/// Send an interaction response; if Discord refuses it, send a short
/// apology instead, so the user is never left with "interaction failed".
/// Returns the status of the first response (see [`status_of`]).
async fn send(http: &Http, id: InteractionId, token: &str, kind: Kind, response: &Value) -> &'static str {
    let sent = http.create_interaction_response(id, token, response, Vec::new()).await;
    let status = status_of(&sent);
    let Err(error) = sent else { return status };
    let refused = matches!(&error, serenity::Error::Http(serenity::http::HttpError::UnsuccessfulRequest(r)) if r.status_code.as_u16() == 400);
    tracing::warn!(error = %redact_error(&error), "Discord refused an interaction response");
    if refused && matches!(kind, Kind::Command | Kind::Component) {
        let answer = Answer::new("help", Outcome::Error, "That answer could not be shown here.").text("Please try a narrower question.");
        let data = super::embed::message(&answer, &super::embed::Render { allow_ephemeral: true, ..Default::default() });
        let fallback = json!({ "type": interaction::CHANNEL_MESSAGE, "data": data });
        if let Err(error) = http.create_interaction_response(id, token, &fallback, Vec::new()).await {
            tracing::warn!(error = %redact(&error.to_string()), "Discord refused the fallback response too");
        }
    }
    status
}

fn display_name(member_nick: Option<&str>, user: &serenity::all::User) -> String {
    member_nick.map(str::to_string).or_else(|| user.global_name.clone()).unwrap_or_else(|| user.name.clone())
}

/// A member's role ids (none outside a server).
fn role_ids(member: Option<&serenity::all::Member>) -> Vec<u64> {
    member.map(|m| m.roles.iter().map(|role| role.get()).collect()).unwrap_or_default()
}

/// A serenity command or autocomplete interaction as an [`Incoming`].
pub fn from_command(command: &CommandInteraction, kind: Kind) -> Incoming {
    let options = command
        .data
        .options
        .iter()
        .map(|option| {
            let (value, focused) = match &option.value {
                CommandDataOptionValue::Autocomplete { value, .. } => (value.clone(), true),
                CommandDataOptionValue::String(value) => (value.clone(), false),
                CommandDataOptionValue::Integer(value) => (value.to_string(), false),
                CommandDataOptionValue::Number(value) => (value.to_string(), false),
                CommandDataOptionValue::Boolean(value) => (value.to_string(), false),
                _ => (String::new(), false),
            };
            OptionValue { name: option.name.clone(), value, focused }
        })
        .collect();
    Incoming {
        kind,
        id: command.id.get().to_string(),
        token: command.token.clone(),
        application_id: command.application_id.get().to_string(),
        command: command.data.name.clone(),
        options,
        custom_id: String::new(),
        fields: Vec::new(),
        user_id: command.user.id.get().to_string(),
        display_name: display_name(command.member.as_ref().and_then(|m| m.nick.as_deref()), &command.user),
        permissions: command.member.as_ref().map(|m| m.permissions.map_or(0, |p| p.bits())),
        guild_id: command.guild_id.map(|id| id.get()),
        channel_id: Some(command.channel_id.get()),
        roles: role_ids(command.member.as_deref()),
        locale: command.locale.clone(),
    }
}

/// A serenity button interaction as an [`Incoming`].
pub fn from_component(component: &ComponentInteraction) -> Incoming {
    let user = component.member.as_ref().map_or(&component.user, |m| &m.user);
    Incoming {
        kind: Kind::Component,
        id: component.id.get().to_string(),
        token: component.token.clone(),
        application_id: component.application_id.get().to_string(),
        command: String::new(),
        options: Vec::new(),
        custom_id: component.data.custom_id.clone(),
        fields: Vec::new(),
        user_id: user.id.get().to_string(),
        display_name: display_name(component.member.as_ref().and_then(|m| m.nick.as_deref()), user),
        permissions: component.member.as_ref().map(|m| m.permissions.map_or(0, |p| p.bits())),
        guild_id: component.guild_id.map(|id| id.get()),
        channel_id: Some(component.channel_id.get()),
        roles: role_ids(component.member.as_ref()),
        locale: component.locale.clone(),
    }
}

/// A serenity form (modal) submission as an [`Incoming`].
pub fn from_modal(modal: &ModalInteraction) -> Incoming {
    let user = modal.member.as_ref().map_or(&modal.user, |m| &m.user);
    let fields = modal
        .data
        .components
        .iter()
        .flat_map(|row| row.components.iter())
        .filter_map(|component| match component {
            ActionRowComponent::InputText(input) => Some((input.custom_id.clone(), input.value.clone().unwrap_or_default())),
            _ => None,
        })
        .collect();
    Incoming {
        kind: Kind::ModalSubmit,
        id: modal.id.get().to_string(),
        token: modal.token.clone(),
        application_id: modal.application_id.get().to_string(),
        command: String::new(),
        options: Vec::new(),
        custom_id: modal.data.custom_id.clone(),
        fields,
        user_id: user.id.get().to_string(),
        display_name: display_name(modal.member.as_ref().and_then(|m| m.nick.as_deref()), user),
        permissions: modal.member.as_ref().map(|m| m.permissions.map_or(0, |p| p.bits())),
        guild_id: modal.guild_id.map(|id| id.get()),
        channel_id: Some(modal.channel_id.get()),
        roles: role_ids(modal.member.as_ref()),
        locale: modal.locale.clone(),
    }
}
