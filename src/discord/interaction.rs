//! One interaction, whichever way it arrived (gateway event or HTTP POST),
//! and the response to it.
//!
//! Both modes turn what Discord sent into an [`Incoming`], answer it here
//! with the shared [`Service`], and send the JSON back their own way: the
//! gateway mode through the REST callback endpoint, the HTTP mode in the
//! response body.

use std::sync::Arc;
use std::time::Duration;

use axum::body::Bytes;
use serde::Deserialize;
use serde_json::{json, Value};

use super::embed::{self, Render, Rerun};
use super::wire::{self, Scalar, Wire};
use crate::ask::answer::{Answer, Outcome};
use crate::ask::commands::{self, Access, ArgKind};
use crate::ask::{Engine, Invocation};
use crate::service::moderation::{DiscordStanding, Moderation};
use crate::service::gaps::GapWrites;
use crate::service::rendered::{self, Rendered, RenderedAnswers};
use crate::service::{Asker, InMemory, Service};
use crate::text::echo::without_bidi_marks;

/// Discord interaction types.
pub const PING: u64 = 1;
pub const APPLICATION_COMMAND: u64 = 2;
pub const MESSAGE_COMPONENT: u64 = 3;
pub const AUTOCOMPLETE: u64 = 4;
pub const MODAL_SUBMIT: u64 = 5;

/// Interaction callback types.
pub const PONG: u64 = 1;
pub const CHANNEL_MESSAGE: u64 = 4;
pub const DEFERRED_CHANNEL_MESSAGE: u64 = 5;
pub const DEFERRED_UPDATE_MESSAGE: u64 = 6;
pub const UPDATE_MESSAGE: u64 = 7;
pub const AUTOCOMPLETE_RESULT: u64 = 8;
pub const MODAL: u64 = 9;

/// The most a Discord text input holds, in characters.
pub const TEXT_INPUT_MAX_CHARS: usize = 4000;
/// A modal's title and a text input's label, at most.
const MODAL_TITLE_MAX_CHARS: usize = 45;
/// A component's custom id, at most.
const CUSTOM_ID_MAX_CHARS: usize = 100;
/// Custom ids of the edit forms: `hbedit|<fingerprint>|<file>`.
const EDIT_FORM_PREFIX: &str = "hbedit";
/// The text input of an edit form.
const EDIT_FIELD: &str = "toml";

/// Permission bits.
pub const ADMINISTRATOR: u64 = 1 << 3;
pub const MANAGE_GUILD: u64 = 1 << 5;
/// What moderator commands require (`default_member_permissions`), and what
/// the bot checks again when one runs (inside `[moderation] discord_guilds`).
pub const MODERATOR_PERMISSIONS: u64 = MANAGE_GUILD;

/// What kind of interaction arrived.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Ping,
    Command,
    Autocomplete,
    Component,
    /// A form (modal) sent back: `/facts edit`'s.
    ModalSubmit,
    Other(u64),
}

/// A command option as sent: its name, its value as text, and whether the
/// user is typing in it (autocomplete).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OptionValue {
    pub name: String,
    pub value: String,
    pub focused: bool,
}

impl Kind {
    /// The `type` label of the interaction metrics.
    pub fn label(self) -> &'static str {
        match self {
            Kind::Ping => "ping",
            Kind::Command => "command",
            Kind::Autocomplete => "autocomplete",
            Kind::Component => "component",
            Kind::ModalSubmit => "modal_submit",
            Kind::Other(_) => "other",
        }
    }
}

/// An interaction, reduced to what histbot needs.
#[derive(Debug, Clone)]
pub struct Incoming {
    pub kind: Kind,
    pub id: String,
    pub token: String,
    pub application_id: String,
    /// The command's (default, English) name.
    pub command: String,
    pub options: Vec<OptionValue>,
    /// For buttons and forms.
    pub custom_id: String,
    /// A form's text inputs: (custom id, value).
    pub fields: Vec<(String, String)>,
    pub user_id: String,
    pub display_name: String,
    /// The member's permissions in the channel; `None` outside a server.
    pub permissions: Option<u64>,
    /// The server it was sent in; `None` in a direct message.
    pub guild_id: Option<u64>,
    /// The channel it was sent in (where a reporter is told their report was closed).
    pub channel_id: Option<u64>,
    /// The member's role ids in that server.
    pub roles: Vec<u64>,
    /// The user's client language (`en-US`, `ru`, `uk`, `hr`, …).
    pub locale: String,
}

/// Why a JSON value is not an interaction.
#[derive(Debug, thiserror::Error)]
#[error("not an interaction: {0}")]
pub struct Malformed(pub String);

/// Why an HTTP body is not an interaction. The messages never quote the body.
#[derive(Debug, thiserror::Error)]
pub enum Unreadable {
    #[error("the body is not JSON: {0}")]
    NotJson(String),
    #[error(transparent)]
    Malformed(#[from] Malformed),
}

impl Incoming {
    /// Read an interaction from the body of an HTTP request, straight into
    /// the fields histbot uses (no JSON tree in between). Lenient: only the
    /// fields histbot uses are required; ids may be strings or numbers.
    pub fn from_slice(body: &[u8]) -> Result<Incoming, Unreadable> {
        // Only an object can be an interaction (serde would also read an
        // array as the fields in order).
        if body.iter().find(|b| !b.is_ascii_whitespace()) != Some(&b'{') {
            return match serde_json::from_slice::<serde::de::IgnoredAny>(body) {
                Err(error) if !error.is_data() => Err(Unreadable::NotJson(error.to_string())),
                _ => Err(Malformed("no numeric `type`".into()).into()),
            };
        }
        match serde_json::from_slice::<Wire>(body) {
            Ok(wire) => Ok(Incoming::from_wire(&wire)?),
            // serde's message for a field of the wrong type quotes the
            // value (it could be a token): say only where it is.
            Err(error) if error.is_data() => Err(Malformed(format!("a field has the wrong JSON type (line {}, column {})", error.line(), error.column())).into()),
            Err(error) => Err(Unreadable::NotJson(error.to_string())),
        }
    }

    /// Read an interaction from its JSON value (see [`Incoming::from_slice`]).
    pub fn from_json(value: &Value) -> Result<Incoming, Malformed> {
        if !value.is_object() {
            return Err(Malformed("no numeric `type`".into()));
        }
        let wire = Wire::deserialize(value).map_err(|_| Malformed("a field has the wrong JSON type".into()))?;
        Incoming::from_wire(&wire)
    }

    fn from_wire(wire: &Wire<'_>) -> Result<Incoming, Malformed> {
        let kind = match wire.kind.as_u64() {
            Some(PING) => Kind::Ping,
            Some(APPLICATION_COMMAND) => Kind::Command,
            Some(MESSAGE_COMPONENT) => Kind::Component,
            Some(AUTOCOMPLETE) => Kind::Autocomplete,
            Some(MODAL_SUBMIT) => Kind::ModalSubmit,
            Some(other) => Kind::Other(other),
            None => return Err(Malformed("no numeric `type`".into())),
        };
        let id = wire.id.text();
        if id.is_empty() {
            return Err(Malformed("no `id`".into()));
        }
        let token = wire.token.text();
        if token.is_empty() && kind != Kind::Ping {
            return Err(Malformed("no `token`".into()));
        }
        let user = wire.member.as_ref().and_then(|m| m.user.as_ref()).or(wire.user.as_ref());
        let non_empty = |text: Option<&Scalar<'_>>| text.and_then(Scalar::as_str).filter(|s| !s.is_empty()).map(str::to_string);
        let display_name = wire
            .member
            .as_ref()
            .and_then(|m| m.nick.as_str())
            .map(str::to_string)
            .or_else(|| non_empty(user.map(|u| &u.global_name)))
            .or_else(|| non_empty(user.map(|u| &u.username)))
            .unwrap_or_default();
        let permissions = wire.member.as_ref().map(|member| member.permissions.text().parse().unwrap_or(0));
        let roles = wire.member.as_ref().and_then(|m| m.roles.as_ref()).map(|roles| roles.iter().filter_map(|r| r.text().parse().ok()).collect());
        let data = wire.data.as_ref();
        let options = data
            .and_then(|d| d.options.as_ref())
            .map(|options| {
                options
                    .iter()
                    .map(|o| OptionValue { name: o.name.text(), value: o.value.text(), focused: o.focused.as_bool().unwrap_or(false) })
                    .collect()
            })
            .unwrap_or_default();
        let channel = if wire.channel_id.is_present() { Some(&wire.channel_id) } else { wire.channel.as_ref().map(|c| &c.id) };
        Ok(Incoming {
            kind,
            id,
            token,
            application_id: wire.application_id.text(),
            command: data.map(|d| d.name.text()).unwrap_or_default(),
            options,
            custom_id: data.map(|d| d.custom_id.text()).unwrap_or_default(),
            fields: form_fields(data.and_then(|d| d.components.as_deref())),
            user_id: user.map(|u| u.id.text()).unwrap_or_default(),
            display_name,
            permissions,
            guild_id: wire.guild_id.text().parse().ok(),
            channel_id: channel.and_then(|c| c.text().parse().ok()),
            roles: roles.unwrap_or_default(),
            locale: wire.locale.as_str().or_else(|| wire.guild_locale.as_str()).unwrap_or("en-US").to_string(),
        })
    }

    /// Who is asking. Whether they moderate is decided by the `[moderation]`
    /// scope: a listed user or role, or Manage Server (or Administrator)
    /// inside a listed server; the service checks this flag again before
    /// running a moderator command.
    pub fn asker(&self, moderation: &Moderation) -> Asker {
        let manages_guild = self.permissions.is_some_and(|p| p & ADMINISTRATOR != 0 || p & MODERATOR_PERMISSIONS == MODERATOR_PERMISSIONS);
        let standing = DiscordStanding { guild: self.guild_id, user: self.user_id.parse().ok(), roles: &self.roles, manages_guild };
        Asker {
            platform: "discord".into(),
            user_id: self.user_id.clone(),
            display_name: if self.display_name.is_empty() { self.user_id.clone() } else { self.display_name.clone() },
            is_moderator: moderation.discord(&standing),
            locale: self.locale.clone(),
            place: Some(match self.guild_id {
                Some(guild) => format!("Discord server {guild}"),
                None => "a Discord direct message".into(),
            }),
        }
    }

    /// The command with its options as named arguments (bidi marks in the
    /// values ignored, as in typed lines).
    pub fn invocation(&self) -> Invocation {
        let name = commands::find(&self.command).map_or(self.command.as_str(), |c| c.name);
        self.options
            .iter()
            .map(|o| (o.name.as_str(), without_bidi_marks(&o.value)))
            .filter(|(_, value)| !value.trim().is_empty())
            .fold(Invocation::new(name), |invocation, (name, value)| invocation.arg(name, value.trim()))
    }
}

/// A form's text inputs from `data.components` (rows of inputs).
fn form_fields(rows: Option<&[wire::Row<'_>]>) -> Vec<(String, String)> {
    rows.into_iter()
        .flatten()
        .filter_map(|row| row.components.as_ref())
        .flatten()
        .map(|input| (input.custom_id.text(), input.value.text()))
        .collect()
}

/// What to send back.
pub enum Outgoing {
    /// The whole response, now.
    Now(Value),
    /// An acknowledgement now; the message data to deliver when `rest`
    /// finishes, with `flags` [`embed::EPHEMERAL`] when it is for the asker
    /// alone ([`super::finish_deferred`] delivers it).
    Deferred { ack: Value, rest: tokio::task::JoinHandle<Value> },
}

/// Answer an interaction. Autocomplete, and commands and buttons that only
/// read the fact base, are answered at once on the calling task (they are
/// pure in-memory work, microseconds to a millisecond; an "I don't know"
/// they leave for the unanswered-question log is written on the blocking
/// pool afterwards). Everything that needs the store runs on the blocking
/// pool; if one takes longer than `defer_after` (when given; zero defers
/// always, even what could be answered at once), the caller gets an
/// acknowledgement to send now and the answer to edit in later.
pub async fn process(service: Arc<Service>, incoming: Incoming, defer_after: Option<Duration>) -> Outgoing {
    let may_answer_now = defer_after.is_none_or(|limit| !limit.is_zero());
    if may_answer_now && matches!(incoming.kind, Kind::Command | Kind::Component) {
        let component = incoming.kind == Kind::Component;
        match std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| respond_in_memory(&service, &incoming))) {
            Ok(Some((response, writes))) => {
                write_gaps_later(&service, writes);
                return Outgoing::Now(response);
            }
            Ok(None) => {}
            Err(_) => return Outgoing::Now(crashed(component)),
        }
    }
    match incoming.kind {
        Kind::Ping => Outgoing::Now(json!({ "type": PONG })),
        Kind::Autocomplete => {
            let choices = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| autocomplete(&service, &incoming)));
            Outgoing::Now(choices.unwrap_or_else(|_| no_completions()))
        }
        // A form must be the first response: never deferred (reading a draft is quick).
        Kind::Command if opens_form(&incoming) => {
            let task = tokio::task::spawn_blocking(move || respond(&service, &incoming));
            Outgoing::Now(task.await.unwrap_or_else(|_| crashed(false)))
        }
        Kind::Command | Kind::Component | Kind::ModalSubmit => {
            let component = incoming.kind == Kind::Component;
            let private = is_moderator_command(&incoming.command) || incoming.kind == Kind::ModalSubmit;
            let mut task = tokio::task::spawn_blocking(move || respond(&service, &incoming));
            let finished = match defer_after {
                None => Ok((&mut task).await),
                // Zero: always acknowledge first (deterministic, for tests and slow hosts).
                Some(limit) if limit.is_zero() => Err(()),
                Some(limit) => tokio::time::timeout(limit, &mut task).await.map_err(|_| ()),
            };
            match finished {
                Ok(result) => Outgoing::Now(result.unwrap_or_else(|_| crashed(component))),
                Err(_) => {
                    let ack = if component {
                        json!({ "type": DEFERRED_UPDATE_MESSAGE })
                    } else {
                        let mut data = json!({ "allowed_mentions": embed::no_mentions() });
                        if private {
                            data["flags"] = json!(embed::EPHEMERAL);
                        }
                        json!({ "type": DEFERRED_CHANNEL_MESSAGE, "data": data })
                    };
                    let rest = tokio::spawn(async move {
                        // After a deferral an apology is the asker's alone
                        // (a button's message is left as it was).
                        let response = task.await.unwrap_or_else(|_| crashed(false));
                        deferred_data(&response)
                    });
                    Outgoing::Deferred { ack, rest }
                }
            }
        }
        Kind::Other(kind) => {
            tracing::debug!(kind, "ignoring an interaction type histbot does not use");
            let answer = Answer::new("help", Outcome::Error, "histbot does not handle this kind of interaction.");
            Outgoing::Now(json!({ "type": CHANNEL_MESSAGE, "data": embed::message(&answer, &Render { allow_ephemeral: true, ..Render::default() }) }))
        }
    }
}

/// HTTP mode's quick path: a command that only reads the fact base,
/// answered on the calling task as the response's JSON bytes (the bytes
/// [`process`] would send), kept in `cache` until the fact base changes.
/// `None` for everything else, and when `defer_after` is zero (every
/// command is acknowledged first).
pub fn command_json_now(service: &Arc<Service>, incoming: &Incoming, defer_after: Option<Duration>, cache: &RenderedAnswers<Rendered<Bytes>>) -> Option<Bytes> {
    if incoming.kind != Kind::Command || defer_after.is_some_and(|limit| limit.is_zero()) {
        return None;
    }
    let answered = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        let invocation = incoming.invocation();
        if !Service::reads_only(&invocation.command) {
            return None;
        }
        let asker = incoming.asker(service.moderation());
        service.answer_rendered(&invocation, &asker, cache, |answer| json_bytes(&command_response(answer, &invocation)))
    }));
    match answered {
        Ok(Some((json, writes))) => {
            write_gaps_later(service, writes);
            Some(json)
        }
        Ok(None) => None,
        Err(_) => Some(json_bytes(&crashed(false))),
    }
}

/// A response as the JSON bytes sent (compact, as `axum::Json` writes it).
pub fn json_bytes(response: &Value) -> Bytes {
    Bytes::from(response.to_string())
}

/// Whether a command is for moderators: its replies (answers and refusals)
/// are always ephemeral, never shown to the channel.
pub fn is_moderator_command(command: &str) -> bool {
    commands::find(command).is_some_and(|c| c.access == Access::Moderator)
}

/// The message data of a response, delivered after a deferral (its
/// `flags` kept: [`super::finish_deferred`] decides by them how a private
/// answer reaches its asker alone).
pub fn deferred_data(response: &Value) -> Value {
    let mut data = response.get("data").cloned().unwrap_or_else(|| json!({}));
    if let Some(map) = data.as_object_mut() {
        map.insert("allowed_mentions".into(), embed::no_mentions());
    }
    data
}

/// The reply when answering failed unexpectedly (a panic in the answer).
pub(crate) fn crashed(component: bool) -> Value {
    let answer = Answer::new("help", Outcome::Error, "Something went wrong while answering.").text("Please try again; if it keeps happening, tell a moderator.");
    let data = embed::message(&answer, &Render { allow_ephemeral: !component, ..Render::default() });
    json!({ "type": if component { UPDATE_MESSAGE } else { CHANNEL_MESSAGE }, "data": data })
}

/// The unanswered-question log's writes, on the blocking pool (counted as
/// in flight, so stopping waits for them).
fn write_gaps_later(service: &Arc<Service>, writes: GapWrites) {
    if writes.is_empty() {
        return;
    }
    let in_flight = service.shutdown().track();
    let service = service.clone();
    tokio::task::spawn_blocking(move || {
        service.write_gaps(writes);
        drop(in_flight);
    });
}

/// Answer a command or a button press (blocking: runs the core, and the
/// store for moderator commands, reports and forms).
pub fn respond(service: &Service, incoming: &Incoming) -> Value {
    if let Some((response, writes)) = respond_in_memory(service, incoming) {
        service.write_gaps(writes);
        return response;
    }
    respond_with_store(service, incoming)
}

/// A command or a button press that only reads the fact base, answered
/// without the store: the response and what the unanswered-question log
/// still has to write. `None` for everything else.
pub fn respond_in_memory(service: &Service, incoming: &Incoming) -> Option<(Value, GapWrites)> {
    match incoming.kind {
        Kind::Component => {
            let (rerun, view) = Rerun::parse(&incoming.custom_id)?;
            let asker = incoming.asker(service.moderation());
            let (answer, writes) = match &rerun {
                Rerun::Line(line) => service.answer_in_memory(&InMemory::Line { text: line, prefixes: &['/'] }, &asker)?,
                Rerun::Invocation { command, values } => service.answer_in_memory(&InMemory::Invocation(&invocation_of(command, values)), &asker)?,
            };
            Some((component_response(&answer, rerun, view), writes))
        }
        Kind::Command => {
            let invocation = incoming.invocation();
            if !Service::reads_only(&invocation.command) {
                return None;
            }
            let asker = incoming.asker(service.moderation());
            let (answer, writes) = service.answer_in_memory(&InMemory::Invocation(&invocation), &asker)?;
            Some((command_response(&answer, &invocation), writes))
        }
        _ => None,
    }
}

/// A button's answer: the message it belongs to, updated.
fn component_response(answer: &Answer, rerun: Rerun, view: usize) -> Value {
    let render = Render { rerun: Some(rerun), view, allow_ephemeral: false };
    json!({ "type": UPDATE_MESSAGE, "data": checked(answer, embed::message(answer, &render)) })
}

/// A command's answer as a new message (ephemeral for moderator commands).
fn command_response(answer: &Answer, invocation: &Invocation) -> Value {
    tracing::debug!(command = %invocation.command, outcome = ?answer.outcome, "answered a slash command");
    let render = Render { rerun: Rerun::of(&invocation.command, &invocation.args), view: 0, allow_ephemeral: true };
    let mut data = checked(answer, embed::message(answer, &render));
    if let Some(map) = data.as_object_mut().filter(|_| is_moderator_command(&invocation.command)) {
        map.insert("flags".into(), json!(embed::EPHEMERAL));
    }
    json!({ "type": CHANNEL_MESSAGE, "data": data })
}

/// [`respond`] for what [`respond_in_memory`] leaves: moderator commands,
/// reports, forms, buttons this bot did not make.
fn respond_with_store(service: &Service, incoming: &Incoming) -> Value {
    let asker = incoming.asker(service.moderation());
    match incoming.kind {
        Kind::Component => match Rerun::parse(&incoming.custom_id) {
            Some((rerun, view)) => {
                let answer = match &rerun {
                    Rerun::Line(line) => service.handle_line(line, &['/'], &asker),
                    Rerun::Invocation { command, values } => service.handle(&invocation_of(command, values), &asker),
                };
                component_response(&answer, rerun, view)
            }
            None => {
                let answer = Answer::new("help", Outcome::Error, "That button no longer works.").text("Run the command again.");
                json!({ "type": CHANNEL_MESSAGE, "data": embed::message(&answer, &Render { allow_ephemeral: true, ..Render::default() }) })
            }
        },
        Kind::ModalSubmit => {
            let answer = submit_form(service, incoming, &asker);
            json!({ "type": CHANNEL_MESSAGE, "data": private_message(&answer) })
        }
        _ => {
            let invocation = incoming.invocation();
            if let Some(form) = edit_form(service, &invocation, &asker) {
                return form;
            }
            let reply_to = incoming.channel_id.map(|channel| format!("discord:{channel}"));
            let answer = service.handle_from(&invocation, &asker, reply_to.as_deref());
            command_response(&answer, &invocation)
        }
    }
}

/// An answer only its asker sees.
fn private_message(answer: &Answer) -> Value {
    let mut data = checked(answer, embed::message(answer, &Render { allow_ephemeral: true, ..Render::default() }));
    if let Some(map) = data.as_object_mut() {
        map.insert("flags".into(), json!(embed::EPHEMERAL));
    }
    data
}

/// The words of a `facts` invocation (its options, or its typed text).
fn facts_words(invocation: &Invocation) -> Vec<String> {
    invocation.all_text().split_whitespace().map(str::to_string).collect()
}

/// Whether this command answers with a form: `/facts edit …`, `/facts new …`.
fn opens_form(incoming: &Incoming) -> bool {
    let invocation = incoming.invocation();
    invocation.command == "facts" && facts_words(&invocation).first().is_some_and(|w| w.eq_ignore_ascii_case("edit") || w.eq_ignore_ascii_case("new"))
}

/// `/facts edit <entry>` and `/facts new <kind> <id>`: a form holding the
/// entry's TOML (or a template), or why there is none. `None` for other commands.
fn edit_form(service: &Service, invocation: &Invocation, asker: &Asker) -> Option<Value> {
    if invocation.command != "facts" {
        return None;
    }
    let words = facts_words(invocation);
    let draft = match words.first().map(|w| w.to_lowercase()).as_deref() {
        Some("edit") => service.edit_draft(asker, &words[1..].join(" ")),
        Some("new") => service.new_draft(asker, words.get(1).map_or("", String::as_str), words.get(2).map_or("", String::as_str)),
        _ => return None,
    };
    let draft = match draft {
        Ok(draft) => draft,
        Err(refused) => return Some(json!({ "type": CHANNEL_MESSAGE, "data": private_message(&refused) })),
    };
    let characters = draft.text.chars().count();
    let custom_id = format!("{EDIT_FORM_PREFIX}|{}|{}", draft.fingerprint, draft.file);
    let refusal = if characters > TEXT_INPUT_MAX_CHARS {
        Some(
            Answer::new("facts", Outcome::Error, format!("{} is too long for a Discord form: {characters} characters, and a form holds {TEXT_INPUT_MAX_CHARS}.", draft.file))
                .text(format!("Nothing was changed. Edit it on Matrix (`!facts edit {}`, the whole entry in one message) or in the file itself (histbot checks and reloads it); or move some of its quotes into a new entry.", draft.entry)),
        )
    } else if custom_id.chars().count() > CUSTOM_ID_MAX_CHARS {
        Some(Answer::new("facts", Outcome::Error, format!("The id `{}` is too long for a Discord form.", draft.entry)).text("Edit it on Matrix or in the file."))
    } else {
        None
    };
    if let Some(refusal) = refusal {
        return Some(json!({ "type": CHANNEL_MESSAGE, "data": private_message(&refusal) }));
    }
    let title = if draft.new { format!("New {}: {}", draft.kind.name(), draft.entry) } else { format!("Edit {}", draft.entry) };
    Some(json!({
        "type": MODAL,
        "data": {
            "custom_id": custom_id,
            "title": embed::truncate(&title, MODAL_TITLE_MAX_CHARS),
            "components": [{ "type": 1, "components": [{
                "type": 4,
                "custom_id": EDIT_FIELD,
                "label": "The entry's TOML (checked before saving)",
                "style": 2,
                "min_length": 1,
                "max_length": TEXT_INPUT_MAX_CHARS,
                "required": true,
                "value": draft.text,
            }] }],
        }
    }))
}

/// A submitted edit form: check and apply the text through the service.
fn submit_form(service: &Service, incoming: &Incoming, asker: &Asker) -> Answer {
    let mut pieces = incoming.custom_id.splitn(3, '|');
    let (Some(EDIT_FORM_PREFIX), Some(fingerprint), Some(file)) = (pieces.next(), pieces.next(), pieces.next()) else {
        return Answer::new("facts", Outcome::Error, "histbot does not know this form.").text("Run the command again.");
    };
    let Some((_, text)) = incoming.fields.iter().find(|(id, _)| id == EDIT_FIELD) else {
        return Answer::new("facts", Outcome::Error, "The form came back without its text.").text("Nothing was written; run `/facts edit` again.");
    };
    service.submit_edit(asker, file, fingerprint, text)
}

/// Last line of defence: a message that would break a limit is replaced by
/// a short one rather than sent and refused.
fn checked(answer: &Answer, data: Value) -> Value {
    let problems = embed::limit_problems(&data);
    if problems.is_empty() {
        return data;
    }
    tracing::error!(?problems, intent = %answer.intent, "an answer broke a Discord limit; sending a short reply instead");
    let short = Answer::new(&answer.intent, Outcome::Error, "That answer is too long to show here.").text("Try a narrower question.");
    embed::message(&short, &Render { allow_ephemeral: true, ..Render::default() })
}

/// Rebuild an invocation from a button: values in the order of the table.
fn invocation_of(command: &str, values: &[String]) -> Invocation {
    let Some(spec) = commands::find(command) else { return Invocation::new(command) };
    spec.args
        .iter()
        .zip(values)
        .filter(|(_, value)| !value.is_empty())
        .fold(Invocation::new(spec.name), |invocation, (arg, value)| invocation.arg(arg.name, value.clone()))
}

/// Autocomplete from the same resolver that answers questions.
pub fn autocomplete(service: &Service, incoming: &Incoming) -> Value {
    completions(&service.engine(), incoming)
}

/// HTTP mode's autocompletion: the response's JSON bytes (the bytes
/// [`process`] would send), kept in `cache` until the fact base changes.
pub fn autocomplete_json(service: &Service, incoming: &Incoming, cache: &RenderedAnswers<Bytes>) -> Bytes {
    let engine = service.engine();
    let focused = incoming.options.iter().find(|o| o.focused);
    // What the completions depend on: the command and the focused option.
    let key = rendered::key([incoming.command.as_str(), if focused.is_some() { "focused" } else { "none" }, focused.map_or("", |o| o.name.as_str()), focused.map_or("", |o| o.value.as_str())]);
    if let Some(json) = cache.get(&engine, &key) {
        return json;
    }
    match std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| json_bytes(&completions(&engine, incoming)))) {
        Ok(json) => {
            cache.insert(&engine, key, json.clone());
            json
        }
        Err(_) => json_bytes(&no_completions()),
    }
}

/// An autocomplete response offering nothing.
fn no_completions() -> Value {
    json!({ "type": AUTOCOMPLETE_RESULT, "data": { "choices": [] } })
}

/// The choices `engine` offers for the focused option.
fn completions(engine: &Engine, incoming: &Incoming) -> Value {
    let focused = incoming.options.iter().find(|o| o.focused);
    let kind = focused.and_then(|option| {
        commands::find(&incoming.command)?.args.iter().find(|a| a.name == option.name).map(|a| a.kind)
    });
    let mut choices = Vec::new();
    if let (Some(option), Some(kind)) = (focused, kind) {
        let partial = option.value.trim();
        if kind == ArgKind::YearOrEntry {
            if let Ok(year) = partial.parse::<i64>() {
                if (commands::YEAR_MIN..=commands::YEAR_MAX).contains(&year) {
                    choices.push(crate::ask::Choice { name: year.to_string(), value: year.to_string() });
                }
            }
        }
        if kind.autocompletes() {
            choices.extend(engine.autocomplete(kind, partial, embed::CHOICES_MAX));
        }
    }
    json!({ "type": AUTOCOMPLETE_RESULT, "data": embed::choices(&choices) })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_a_guild_command() {
        let value = json!({
            "type": 2, "id": "1", "token": "t", "application_id": "9", "locale": "ru",
            "data": { "name": "year", "options": [{ "name": "year", "type": 4, "value": 1948 }, { "name": "page", "type": 4, "value": 2 }] },
            "guild_id": "5",
            "member": { "nick": "Ana", "permissions": "32", "roles": ["11", "12"], "user": { "id": "7", "username": "ana" } }
        });
        let incoming = Incoming::from_json(&value).unwrap();
        assert_eq!(incoming.invocation(), Invocation::new("year").arg("year", "1948").arg("page", "2"));
        assert_eq!((incoming.guild_id, incoming.roles.as_slice()), (Some(5), [11, 12].as_slice()));
        let asker = incoming.asker(&listing("discord_guilds = [5]"));
        assert!(asker.is_moderator);
        assert_eq!(asker.place.as_deref(), Some("Discord server 5"));
        assert!(!incoming.asker(&Moderation::default()).is_moderator, "Manage Server outside [moderation]");
        assert_eq!((asker.display_name.as_str(), asker.locale.as_str(), asker.user_id.as_str()), ("Ana", "ru", "7"));
    }

    fn listing(text: &str) -> Moderation {
        Moderation::from_config(&toml::from_str(text).expect("valid [moderation]"))
    }

    #[test]
    fn direct_messages_are_moderators_only_for_listed_users() {
        let value = json!({ "type": 2, "id": "1", "token": "t", "data": { "name": "reload" }, "user": { "id": "7", "username": "ana" }, "locale": "en-US" });
        let incoming = Incoming::from_json(&value).unwrap();
        assert!(!incoming.asker(&listing("discord_guilds = [5]")).is_moderator);
        assert!(incoming.asker(&listing("discord_users = [7]")).is_moderator);
        let member = json!({ "type": 2, "id": "1", "token": "t", "guild_id": "5", "data": { "name": "reload" }, "member": { "permissions": "2048", "user": { "id": "7" } } });
        assert!(!Incoming::from_json(&member).unwrap().asker(&listing("discord_guilds = [5]")).is_moderator);
    }

    #[test]
    fn refuses_what_is_not_an_interaction() {
        assert!(Incoming::from_json(&json!({ "id": "1" })).is_err());
        assert!(Incoming::from_json(&json!({ "type": 2, "token": "t" })).is_err());
        assert!(Incoming::from_json(&json!([1, 2])).is_err());
    }
}
