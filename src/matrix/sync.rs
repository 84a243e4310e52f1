//! Driving sync ourselves, so that no question is lost and none waits.
//!
//! - One long-poll after another with no pause in between. matrix-sdk's own
//!   sync loop sleeps a second after a sync that returned quickly, and the
//!   sync that carries the bot's own answer always does, so a question asked
//!   right after an answer waited that second.
//! - Room timelines of up to [`TIMELINE_LIMIT`] events per sync (the
//!   homeserver's default is 10). When a room's timeline is still `limited`
//!   (more arrived between two syncs, e.g. while the bot was stopped), the
//!   gap is paged back with `/messages` from the timeline's `prev_batch` to
//!   the last event already seen, the bot's own arrival in the room, or
//!   [`MAX_AGE`], whichever comes first, and handed over before the
//!   timeline, so every question is seen, in order.
//! - The last event seen in each room is kept in [`SEEN_FILE`] in the store
//!   directory. On a restart every room is caught up from there, limited or
//!   not: matrix-sdk saves the sync token while it processes a response, so
//!   the events of a sync cut short (the process stopped or killed before
//!   they were handed over) would otherwise never be seen.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant, SystemTime};

use matrix_sdk::config::SyncSettings;
use matrix_sdk::deserialized_responses::TimelineEvent;
use matrix_sdk::room::{Messages, MessagesOptions};
use matrix_sdk::ruma::api::client::filter::FilterDefinition;
use matrix_sdk::ruma::api::client::sync::sync_events;
use matrix_sdk::ruma::api::error::ErrorKind;
use matrix_sdk::ruma::events::room::member::{MembershipState, SyncRoomMemberEvent};
use matrix_sdk::ruma::{EventId, OwnedEventId, OwnedRoomId, OwnedUserId, RoomId, UserId};
use matrix_sdk::sync::SyncResponse;
use matrix_sdk::{Client, Room};

use super::session::write_private;
use super::MatrixError;
use crate::service::health::Readiness;
use crate::service::measure;

/// Messages older than this when they reach the bot (history seen on
/// joining a room, or after a long outage) are not answered, so a gap is
/// never paged back further.
pub const MAX_AGE: Duration = Duration::from_secs(15 * 60);
/// Events per room timeline in one sync response.
pub const TIMELINE_LIMIT: u32 = 50;
/// Events per `/messages` request when paging back through a gap.
pub const PAGE_SIZE: u32 = 100;
/// The file, in the store directory, that holds the last event seen in each room.
pub const SEEN_FILE: &str = "timeline.json";
/// The long-poll timeout of each sync request.
const SYNC_TIMEOUT: Duration = Duration::from_secs(30);
/// At most this many events are paged back for one gap: a bound on the
/// work after an outage in a very busy room.
const MAX_GAP_EVENTS: usize = 5_000;
/// The longest wait between two attempts after a failure.
const MAX_BACKOFF: Duration = Duration::from_secs(10);

/// How much a sync and a gap's page hold. The defaults are what the bot
/// runs with; tests shrink them to make gaps with few messages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SyncTuning {
    /// Events per room timeline in one sync response.
    pub timeline_limit: u32,
    /// Events per `/messages` request when paging back through a gap.
    pub page_size: u32,
}

impl Default for SyncTuning {
    fn default() -> SyncTuning {
        SyncTuning { timeline_limit: TIMELINE_LIMIT, page_size: PAGE_SIZE }
    }
}

/// What one sync brought for one joined room: the events of the gap before
/// its timeline (when there was one), then the timeline's own events,
/// oldest first, without anything from before the bot arrived in the room.
pub struct RoomBatch {
    pub room: Room,
    pub events: Vec<TimelineEvent>,
}

/// The sync loop's state: the client, the settings, and where each room's
/// timeline was last seen.
pub struct Syncer {
    client: Client,
    user_id: OwnedUserId,
    settings: SyncSettings,
    tuning: SyncTuning,
    seen: Seen,
    /// The newest event of each room in the batches handed out last, to be
    /// remembered once they have been taken.
    pending: Vec<(OwnedRoomId, OwnedEventId)>,
    /// Rooms left in the last sync.
    left: Vec<OwnedRoomId>,
    /// Told after each sync whether syncing works (`/readyz`).
    readiness: Option<Arc<Readiness>>,
}

/// The front end's name in the service's readiness.
pub const READINESS: &str = "matrix";
/// Syncs failing this many times in a row make the bot not ready (one
/// failure is often a homeserver hiccup, retried within a second).
pub const FAILURES_BEFORE_NOT_READY: u32 = 3;
/// A successful sync counts as "syncing" for one long poll and this much
/// more: a sync loop that hangs or has stopped makes the bot not ready.
const STALL_GRACE: Duration = Duration::from_secs(30);

impl Syncer {
    pub fn new(client: Client, user_id: OwnedUserId, store_dir: &Path, tuning: SyncTuning) -> Syncer {
        let mut filter = FilterDefinition::with_lazy_loading();
        filter.room.timeline.limit = Some(tuning.timeline_limit.into());
        // Lazy-loaded members: big rooms stay cheap, and the sync summary
        // carries the member counts.
        let settings = SyncSettings::default().timeout(SYNC_TIMEOUT).filter(sync_events::v3::Filter::FilterDefinition(filter));
        let seen = Seen::load(store_dir.join(SEEN_FILE));
        Syncer { client, user_id, settings, tuning, seen, pending: Vec::new(), left: Vec::new(), readiness: None }
    }

    /// Report whether syncing works to `readiness` after each sync.
    pub fn report_to(&mut self, readiness: Arc<Readiness>) {
        self.readiness = Some(readiness);
    }

    fn report_down(&self, detail: impl Into<String>) {
        if let Some(readiness) = &self.readiness {
            readiness.set(READINESS, false, detail);
        }
    }

    /// Syncing works: up until the next sync is overdue.
    fn report_syncing(&self) {
        if let Some(readiness) = &self.readiness {
            readiness.set_until(READINESS, "syncing", Instant::now() + SYNC_TIMEOUT + STALL_GRACE);
        }
    }

    /// The sync loop has ended (the bot stopped, or the session was revoked).
    pub fn report_stopped(&self, why: &str) {
        self.report_down(format!("sync stopped: {why}"));
    }

    /// The first sync, without long-polling (it returns at once even when
    /// nothing is new). A restored session (`catch_up`) then brings every
    /// room up from the last event seen in it; a new login, whose history
    /// is not to be answered, takes the timelines as they are.
    pub async fn first(&mut self, catch_up: bool) -> Result<Vec<RoomBatch>, MatrixError> {
        let response = self.sync(self.settings.clone().timeout(Duration::ZERO)).await?;
        if !catch_up {
            return Ok(self.batches(&response, Gaps::Ignore).await);
        }
        let mut batches = self.batches(&response, Gaps::Any).await;
        batches.extend(self.catch_up_quiet_rooms(&response).await);
        Ok(batches)
    }

    /// The next sync: a long poll, sent as soon as the previous one was
    /// handled. Failures are retried; only a revoked session ends it.
    pub async fn next(&mut self) -> Result<Vec<RoomBatch>, MatrixError> {
        let response = self.sync(self.settings.clone()).await?;
        Ok(self.batches(&response, Gaps::Limited).await)
    }

    /// Remember the newest event of each room handed out last (call this
    /// once the batches have been taken), so that the next gap stops there.
    pub fn remember(&mut self) {
        if self.pending.is_empty() && self.left.is_empty() {
            return;
        }
        self.seen.update(self.pending.drain(..), self.left.drain(..));
    }

    /// One sync request, retried with a capped backoff until it succeeds or
    /// the homeserver revokes the session.
    async fn sync(&self, settings: SyncSettings) -> Result<SyncResponse, MatrixError> {
        let mut failures = 0u32;
        loop {
            let started = Instant::now();
            let synced = self.client.sync_once(settings.clone()).await;
            measure::matrix_sync(synced.is_ok(), started.elapsed());
            match synced {
                Ok(response) => {
                    self.report_syncing();
                    if failures > 0 {
                        tracing::info!("Matrix sync resumed");
                    }
                    return Ok(response);
                }
                Err(error) if is_revoked(error.client_api_error_kind()) => {
                    self.report_down("the homeserver revoked the session");
                    return Err(MatrixError::Sync(format!("the homeserver revoked the session: {error}")));
                }
                Err(error) => {
                    let delay = backoff(failures);
                    failures = failures.saturating_add(1);
                    tracing::warn!(%error, retry_in = ?delay, "Matrix sync failed; retrying");
                    if failures >= FAILURES_BEFORE_NOT_READY {
                        self.report_down(format!("sync failing ({failures} in a row)"));
                    }
                    tokio::time::sleep(delay).await;
                }
            }
        }
    }

    /// Each joined room's new events, with the gap before them filled in as
    /// `gaps` says.
    async fn batches(&mut self, response: &SyncResponse, gaps: Gaps) -> Vec<RoomBatch> {
        self.left.extend(response.rooms.left.keys().cloned());
        let mut batches = Vec::new();
        for (room_id, update) in &response.rooms.joined {
            let timeline = &update.timeline;
            let Some(newest) = timeline.events.last().and_then(TimelineEvent::event_id) else { continue };
            self.pending.push((room_id.clone(), newest));
            let Some(room) = self.client.get_room(room_id) else { continue };
            let (arrived, mut events) = since_arrival(&timeline.events, &self.user_id);
            let fill = match gaps {
                Gaps::Ignore => false,
                Gaps::Limited => timeline.limited,
                // Back to the last event seen, if there is one.
                Gaps::Any => timeline.limited || self.seen.get(room_id).is_some(),
            };
            if fill && !arrived {
                if let Some(prev_batch) = &timeline.prev_batch {
                    let mut gap = self.gap(&room, Some(prev_batch)).await;
                    gap.append(&mut events);
                    events = gap;
                }
            }
            batches.push(RoomBatch { room, events });
        }
        batches
    }

    /// The joined rooms the first sync brought no events for (nothing new
    /// since the sync token), each caught up from the last event seen in it
    /// to the newest: events of a sync that was cut short lie there.
    async fn catch_up_quiet_rooms(&mut self, response: &SyncResponse) -> Vec<RoomBatch> {
        let mut batches = Vec::new();
        for room in self.client.joined_rooms() {
            let has_events = response.rooms.joined.get(room.room_id()).is_some_and(|update| !update.timeline.events.is_empty());
            if has_events || self.seen.get(room.room_id()).is_none() {
                continue;
            }
            let events = self.gap(&room, None).await;
            if let Some(newest) = events.last().and_then(TimelineEvent::event_id) {
                tracing::info!(room_id = %room.room_id(), events = events.len(), "caught up with events the last run did not see");
                self.pending.push((room.room_id().to_owned(), newest));
                batches.push(RoomBatch { room, events });
            }
        }
        batches
    }

    /// The events between the last one seen in the room and `from` (a
    /// timeline's `prev_batch`, or `None` for the newest event), oldest
    /// first, paged back no further than the bot's arrival in the room,
    /// [`MAX_AGE`] or [`MAX_GAP_EVENTS`].
    async fn gap(&self, room: &Room, from: Option<&str>) -> Vec<TimelineEvent> {
        let last_seen = self.seen.get(room.room_id());
        let oldest = SystemTime::now().checked_sub(MAX_AGE).unwrap_or(SystemTime::UNIX_EPOCH);
        let mut gap = Vec::new();
        let mut from = from.map(str::to_owned);
        'pages: while let Some(Messages { end, chunk, .. }) = self.page(room, from.as_deref()).await {
            let last_page = chunk.is_empty();
            // Backwards: the newest event first.
            for event in chunk {
                if is_end_of_gap(&event, last_seen, oldest, &self.user_id) {
                    break 'pages;
                }
                gap.push(event);
                if gap.len() >= MAX_GAP_EVENTS {
                    tracing::warn!(room_id = %room.room_id(), events = gap.len(), "a gap in the room's timeline is too long; older questions in it are not answered");
                    break 'pages;
                }
            }
            match end {
                Some(end) if !last_page => from = Some(end),
                _ => break,
            }
        }
        gap.reverse();
        tracing::debug!(room_id = %room.room_id(), events = gap.len(), "paged back through a gap in the room's timeline");
        gap
    }

    /// One page of the room's history, backwards from `from`. Network
    /// failures and rate limits are retried (for at most [`MAX_AGE`]: older
    /// questions are not answered anyway); any other refusal ends the gap.
    async fn page(&self, room: &Room, from: Option<&str>) -> Option<Messages> {
        let started = Instant::now();
        let mut failures = 0u32;
        loop {
            let mut options = MessagesOptions::backward().from(from);
            options.limit = self.tuning.page_size.into();
            match room.messages(options).await {
                Ok(page) => return Some(page),
                Err(error) => {
                    let kind = error.client_api_error_kind();
                    let retry = kind.is_none() || matches!(kind, Some(ErrorKind::LimitExceeded(_)));
                    if !retry || started.elapsed() > MAX_AGE {
                        tracing::error!(room_id = %room.room_id(), %error, "cannot page back through a gap in the room's timeline; questions in it are not answered");
                        return None;
                    }
                    let delay = backoff(failures);
                    failures = failures.saturating_add(1);
                    tracing::warn!(room_id = %room.room_id(), %error, retry_in = ?delay, "paging back through the room's timeline failed; retrying");
                    tokio::time::sleep(delay).await;
                }
            }
        }
    }
}

/// Which rooms of a sync response get the gap before their timeline filled.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Gaps {
    /// None: a new login's history is not answered.
    Ignore,
    /// Rooms whose timeline was limited.
    Limited,
    /// Every room with a last event seen, and rooms whose timeline was
    /// limited: the first sync after a restart.
    Any,
}

/// The wait before the next attempt after `failures` failures in a row:
/// half a second, doubling, at most [`MAX_BACKOFF`].
fn backoff(failures: u32) -> Duration {
    Duration::from_millis(500u64.saturating_mul(1 << failures.min(5))).min(MAX_BACKOFF)
}

/// The session is gone for good: retrying cannot help.
pub fn is_revoked(kind: Option<&ErrorKind>) -> bool {
    matches!(kind, Some(ErrorKind::UnknownToken(_)) | Some(ErrorKind::UserDeactivated))
}

/// Paging back stops at the last event seen, at an event older than
/// `oldest`, and at the bot's arrival in the room.
fn is_end_of_gap(event: &TimelineEvent, last_seen: Option<&EventId>, oldest: SystemTime, bot: &UserId) -> bool {
    if last_seen.is_some_and(|seen| event.event_id().as_deref() == Some(seen)) {
        return true;
    }
    let sent = event.timestamp().and_then(|ts| ts.to_system_time());
    sent.is_some_and(|sent| sent < oldest) || is_arrival(event, bot)
}

/// Whether the events hold the bot's arrival in the room, and the events
/// after the latest arrival (all of them when there is none).
fn since_arrival(events: &[TimelineEvent], bot: &UserId) -> (bool, Vec<TimelineEvent>) {
    match events.iter().rposition(|event| is_arrival(event, bot)) {
        Some(at) => (true, events[at + 1..].to_vec()),
        None => (false, events.to_vec()),
    }
}

/// The bot's arrival in a room: its invite, or a join that no invite came
/// before (a public room). A join after an invite is not one (questions
/// asked between the two are for the bot), nor is a join after a join (a
/// change of display name).
fn is_arrival(event: &TimelineEvent, bot: &UserId) -> bool {
    let raw = event.raw();
    if raw.get_field::<String>("type").ok().flatten().as_deref() != Some("m.room.member") {
        return false;
    }
    if raw.get_field::<String>("state_key").ok().flatten().as_deref() != Some(bot.as_str()) {
        return false;
    }
    let Ok(SyncRoomMemberEvent::Original(member)) = raw.deserialize_as_unchecked::<SyncRoomMemberEvent>() else { return false };
    let before = member.unsigned.prev_content.as_ref().map(|previous| previous.membership.clone());
    match member.content.membership {
        MembershipState::Invite => true,
        MembershipState::Join => !matches!(before, Some(MembershipState::Invite | MembershipState::Join)),
        _ => false,
    }
}

/// The last event seen in each room, kept in a file so that it outlives a
/// restart. Losing it is harmless: a gap is then paged back to
/// [`MAX_AGE`], and questions already answered are recognized by the bot's
/// replies to them.
struct Seen {
    path: PathBuf,
    rooms: BTreeMap<OwnedRoomId, OwnedEventId>,
}

impl Seen {
    fn load(path: PathBuf) -> Seen {
        let rooms = match std::fs::read_to_string(&path) {
            Ok(text) => serde_json::from_str(&text).unwrap_or_else(|error| {
                tracing::warn!(path = %path.display(), %error, "the saved timeline positions are unreadable; starting without them");
                BTreeMap::new()
            }),
            Err(_) => BTreeMap::new(),
        };
        Seen { path, rooms }
    }

    fn get(&self, room_id: &RoomId) -> Option<&EventId> {
        self.rooms.get(room_id).map(|event_id| &**event_id)
    }

    /// Record the newest event of some rooms, forget rooms that were left,
    /// and save.
    fn update(&mut self, newest: impl Iterator<Item = (OwnedRoomId, OwnedEventId)>, left: impl Iterator<Item = OwnedRoomId>) {
        self.rooms.extend(newest);
        for room_id in left {
            self.rooms.remove(&room_id);
        }
        let saved = serde_json::to_vec(&self.rooms).map_err(std::io::Error::other).and_then(|json| write_private(&self.path, &json));
        if let Err(error) = saved {
            tracing::warn!(path = %self.path.display(), %error, "cannot save the timeline positions");
        }
    }
}

#[cfg(test)]
mod tests {
    use matrix_sdk::ruma::serde::Raw;
    use matrix_sdk::ruma::{event_id, user_id};
    use serde_json::json;

    use super::*;

    const BOT: &str = "@histbot:example.org";

    fn event(json: serde_json::Value) -> TimelineEvent {
        TimelineEvent::from_plaintext(Raw::from_json_string(json.to_string()).expect("valid JSON"))
    }

    fn member(id: &str, who: &str, membership: &str, before: Option<&str>) -> TimelineEvent {
        let mut unsigned = json!({});
        if let Some(before) = before {
            unsigned["prev_content"] = json!({ "membership": before });
        }
        event(json!({
            "type": "m.room.member", "event_id": id, "sender": "@alice:example.org", "state_key": who,
            "origin_server_ts": 1, "content": { "membership": membership }, "unsigned": unsigned,
        }))
    }

    fn message(id: &str, sent_ms: u64) -> TimelineEvent {
        event(json!({
            "type": "m.room.message", "event_id": id, "sender": "@alice:example.org",
            "origin_server_ts": sent_ms, "content": { "msgtype": "m.text", "body": "!help" },
        }))
    }

    fn now_ms() -> u64 {
        SystemTime::now().duration_since(SystemTime::UNIX_EPOCH).map(|d| d.as_millis() as u64).unwrap_or(0)
    }

    #[test]
    fn the_bot_arrives_by_invite_or_by_a_join_without_one() {
        let bot = user_id!("@histbot:example.org");
        assert!(is_arrival(&member("$1", BOT, "invite", None), bot));
        assert!(is_arrival(&member("$1", BOT, "join", None), bot));
        assert!(is_arrival(&member("$1", BOT, "join", Some("leave")), bot));
        // Joining after the invite, or changing its display name, is no arrival.
        assert!(!is_arrival(&member("$1", BOT, "join", Some("invite")), bot));
        assert!(!is_arrival(&member("$1", BOT, "join", Some("join")), bot));
        assert!(!is_arrival(&member("$1", "@bob:example.org", "invite", None), bot));
        assert!(!is_arrival(&member("$1", BOT, "leave", Some("join")), bot));
        assert!(!is_arrival(&message("$1", 1), bot));
    }

    #[test]
    fn nothing_from_before_the_latest_arrival_is_kept() {
        let bot = user_id!("@histbot:example.org");
        let events = [message("$a", 1), member("$i", BOT, "invite", None), message("$b", 2), member("$j", BOT, "join", Some("invite")), message("$c", 3)];
        let (arrived, kept) = since_arrival(&events, bot);
        assert!(arrived);
        let ids: Vec<String> = kept.iter().filter_map(|e| e.event_id()).map(|id| id.to_string()).collect();
        assert_eq!(ids, ["$b", "$j", "$c"]);
        let (arrived, kept) = since_arrival(&events[..1], bot);
        assert!(!arrived && kept.len() == 1);
    }

    #[test]
    fn a_gap_ends_at_the_last_event_seen_or_at_max_age() {
        let bot = user_id!("@histbot:example.org");
        let oldest = SystemTime::now() - MAX_AGE;
        let fresh = now_ms();
        assert!(!is_end_of_gap(&message("$new", fresh), Some(event_id!("$seen")), oldest, bot));
        assert!(is_end_of_gap(&message("$seen", fresh), Some(event_id!("$seen")), oldest, bot));
        let stale = fresh - (MAX_AGE.as_millis() as u64) - 1_000;
        assert!(is_end_of_gap(&message("$old", stale), None, oldest, bot));
        assert!(is_end_of_gap(&member("$i", BOT, "invite", None), None, SystemTime::UNIX_EPOCH, bot));
    }

    #[test]
    fn backoff_doubles_up_to_ten_seconds() {
        assert_eq!(backoff(0), Duration::from_millis(500));
        assert_eq!(backoff(1), Duration::from_secs(1));
        assert_eq!(backoff(4), Duration::from_secs(8));
        assert_eq!(backoff(5), MAX_BACKOFF);
        assert_eq!(backoff(u32::MAX), MAX_BACKOFF);
    }

    #[test]
    fn seen_positions_survive_a_restart() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join(SEEN_FILE);
        let room: OwnedRoomId = "!room:example.org".try_into().expect("room id");
        let gone: OwnedRoomId = "!gone:example.org".try_into().expect("room id");
        let mut seen = Seen::load(path.clone());
        seen.update([(room.clone(), event_id!("$1").to_owned()), (gone.clone(), event_id!("$2").to_owned())].into_iter(), std::iter::empty());
        seen.update([(room.clone(), event_id!("$3").to_owned())].into_iter(), [gone.clone()].into_iter());
        let again = Seen::load(path.clone());
        assert_eq!(again.get(&room).map(|id| id.as_str()), Some("$3"));
        assert_eq!(again.get(&gone), None);
        // An unreadable file is no position at all, not an error.
        std::fs::write(&path, "not json").expect("write");
        assert_eq!(Seen::load(path).get(&room), None);
    }
}
