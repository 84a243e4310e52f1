//! Gateway events serenity cannot read: logged at warn, without tokens.
//!
//! serenity turns a dispatch it cannot deserialize (an `INTERACTION_CREATE`
//! without a field it requires, say) into `Event::Unknown` and drops it with
//! a debug line that holds the whole payload, the interaction's token
//! included; a frame that is not gateway JSON at all gets a warning that
//! holds the payload too. So:
//!
//! - the gateway's raw event handler passes unknown events to
//!   [`Unreadable::from_unknown`], and an unreadable interaction is logged
//!   once, at warn, under `histbot::discord::gateway`: the event type, the
//!   interaction's id, type and command, and serde's error with every token
//!   removed (other unknown event types, which histbot does not use, at debug);
//! - the binary never writes serenity's payload-bearing log targets
//!   ([`is_raw_payload_log`]), and [`UnreadableFrames`] reports the frames
//!   serenity could not read the same token-free way.

use serde_json::Value;
use tracing::field::{Field, Visit};
use tracing::{Event, Level, Metadata, Subscriber};
use tracing_subscriber::layer::{Context, Layer};

/// The target of serenity's gateway reader, whose warnings carry payloads.
pub const SERENITY_GATEWAY_READER: &str = "serenity::gateway::ws";
/// The target of serenity's dispatcher, whose debug line for an unknown
/// event carries its payload.
pub const SERENITY_DISPATCH: &str = "serenity::client::dispatch";

/// Whether a log event comes from a serenity module that logs payloads
/// (with tokens): such events must not be written as they are.
pub fn is_raw_payload_log(metadata: &Metadata<'_>) -> bool {
    matches!(metadata.target(), SERENITY_GATEWAY_READER | SERENITY_DISPATCH)
}

/// A tracing layer that turns serenity's "cannot read this gateway frame"
/// warnings into one token-free warning of histbot's own.
#[derive(Debug, Clone, Copy, Default)]
pub struct UnreadableFrames;

impl<S: Subscriber> Layer<S> for UnreadableFrames {
    fn on_event(&self, event: &Event<'_>, _ctx: Context<'_, S>) {
        let metadata = event.metadata();
        if metadata.target() != SERENITY_GATEWAY_READER || *metadata.level() > Level::WARN {
            return;
        }
        let mut message = Message::default();
        event.record(&mut message);
        let report = Unreadable::from_message(&message.0);
        // Logged from another task or thread: a log event emitted while this
        // one is being handled would re-enter the subscriber.
        match tokio::runtime::Handle::try_current() {
            Ok(runtime) => drop(runtime.spawn(async move { report.log() })),
            Err(_) => drop(std::thread::spawn(move || report.log())),
        }
    }
}

/// What may be said about an event that could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unreadable {
    /// The gateway event type (`INTERACTION_CREATE`), when the payload shows it.
    pub event: String,
    pub interaction_id: String,
    pub interaction_type: String,
    pub command: String,
    /// Why it could not be read, without tokens.
    pub error: String,
}

impl Unreadable {
    /// An event serenity passed on as unknown: `kind` is its type, `data`
    /// its `d`. For an interaction, the error is serde's, from reading it again.
    pub fn from_unknown(kind: &str, data: &Value) -> Unreadable {
        let error = match kind {
            "INTERACTION_CREATE" => match serde_json::from_value::<serenity::all::Interaction>(data.clone()) {
                Ok(_) => "serenity passed it on as an unknown event".to_string(),
                Err(error) => error.to_string(),
            },
            _ => "an event type this serenity does not know".to_string(),
        };
        Unreadable::describe(kind, data, &error)
    }

    /// Read serenity's message (`Err deserializing text: ERROR; text: PAYLOAD`).
    pub fn from_message(message: &str) -> Unreadable {
        let (error, payload) = message.split_once("; text: ").unwrap_or((message, ""));
        let payload: Value = serde_json::from_str(payload).unwrap_or(Value::Null);
        let kind = payload.get("t").and_then(Value::as_str).unwrap_or_default();
        let data = payload.get("d").unwrap_or(&Value::Null);
        Unreadable::describe(kind, data, error.trim_start_matches("Err deserializing text: "))
    }

    fn describe(kind: &str, data: &Value, error: &str) -> Unreadable {
        let text = |pointer: &str| match data.pointer(pointer) {
            Some(Value::String(s)) => s.clone(),
            Some(Value::Null) | None => String::new(),
            Some(other) => other.to_string(),
        };
        let mut error = error.to_string();
        for token in [text("/token"), text("/message/interaction_metadata/token")].iter().filter(|t| !t.is_empty()) {
            error = error.replace(token.as_str(), "[redacted]");
        }
        Unreadable {
            event: kind.to_string(),
            interaction_id: text("/id"),
            interaction_type: text("/type"),
            command: text("/data/name"),
            error: super::redact(&error),
        }
    }

    /// Log it: at warn for an interaction (a user is left with "interaction
    /// failed") or an unreadable frame, at debug for an event type histbot
    /// does not use.
    pub fn log(&self) {
        if !self.event.is_empty() && self.event != "INTERACTION_CREATE" {
            tracing::debug!(target: "histbot::discord::gateway", event = %self.event, "ignoring a gateway event serenity does not know");
            return;
        }
        tracing::warn!(
            target: "histbot::discord::gateway",
            event = %self.event,
            interaction = %self.interaction_id,
            kind = %self.interaction_type,
            command = %self.command,
            error = %self.error,
            "a gateway event could not be read and was dropped (the user sees \"interaction failed\")"
        );
    }
}

/// Collects an event's `message` field.
#[derive(Default)]
struct Message(String);

impl Visit for Message {
    fn record_debug(&mut self, field: &Field, value: &dyn std::fmt::Debug) {
        if field.name() == "message" {
            self.0 = format!("{value:?}");
        }
    }

    fn record_str(&mut self, field: &Field, value: &str) {
        if field.name() == "message" {
            self.0 = value.to_string();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_unreadable_interaction_is_described_without_its_token() {
        let payload = r#"{"op":0,"s":3,"t":"INTERACTION_CREATE","d":{"id":"130","type":2,"token":"SECRET-TOKEN-abc","data":{"name":"when"}}}"#;
        let message = format!("Err deserializing text: Error(\"missing field `locale`, near SECRET-TOKEN-abc\", line: 0, column: 0); text: {payload}");
        let report = Unreadable::from_message(&message);
        assert_eq!((report.event.as_str(), report.interaction_id.as_str(), report.interaction_type.as_str(), report.command.as_str()), ("INTERACTION_CREATE", "130", "2", "when"));
        assert!(report.error.contains("missing field `locale`") && !report.error.contains("SECRET"), "{}", report.error);
        assert!(!format!("{report:?}").contains("SECRET"));
    }

    #[test]
    fn serenity_passes_an_unreadable_interaction_on_as_unknown() {
        let mut interaction: Value = serde_json::from_str(include_str!("../../tests/fixtures/discord/command.json")).unwrap();
        interaction.as_object_mut().unwrap().remove("locale");
        interaction["token"] = Value::from("SECRET-TOKEN-xyz");
        let event = serde_json::json!({ "t": "INTERACTION_CREATE", "d": interaction });
        let Ok(serenity::model::event::Event::Unknown(unknown)) = serde_json::from_value::<serenity::model::event::Event>(event) else { panic!("not passed on as unknown") };
        let report = Unreadable::from_unknown(&unknown.kind, &unknown.value);
        assert_eq!((report.event.as_str(), report.interaction_id.as_str(), report.command.as_str()), ("INTERACTION_CREATE", "1300000000000000001", "when"));
        assert!(report.error.contains("missing field `locale`"), "{}", report.error);
        assert!(!format!("{report:?}").contains("SECRET"));
    }

    #[test]
    fn a_message_without_a_payload_still_reports() {
        let report = Unreadable::from_message("Err deserializing bytes: invalid type");
        assert_eq!(report.event, "");
        assert!(report.error.contains("invalid type"));
    }
}
