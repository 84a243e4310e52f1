//! The running bot: the messages each sync brings (see [`super::sync`]),
//! the answering worker, moderator notices, joining on invite, and a sync
//! loop that outlives homeserver restarts.

use std::collections::{HashSet, VecDeque};
use std::path::PathBuf;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant, SystemTime};

use matrix_sdk::deserialized_responses::{TimelineEvent, TimelineEventKind};
use matrix_sdk::event_handler::Ctx;
use matrix_sdk::ruma::api::error::ErrorKind;
use matrix_sdk::ruma::events::room::encrypted::OriginalSyncRoomEncryptedEvent;
use matrix_sdk::ruma::events::room::member::{MembershipState, StrippedRoomMemberEvent};
use matrix_sdk::ruma::events::room::message::{
    AddMentions, ForwardThread, MessageFormat, MessageType, OriginalSyncRoomMessageEvent, Relation, RoomMessageEventContent,
};
use matrix_sdk::ruma::events::room::power_levels::UserPowerLevel;
use matrix_sdk::ruma::events::AnySyncTimelineEvent;
use matrix_sdk::ruma::serde::Raw;
use matrix_sdk::ruma::{EventId, OwnedDeviceId, OwnedEventId, OwnedRoomId, OwnedUserId, RoomOrAliasId, TransactionId, UserId};
use matrix_sdk::{Client, Room, RoomMemberships, RoomState};
use tokio::sync::{broadcast, mpsc};
use tokio::task::{AbortHandle, JoinHandle};

use super::session;
use super::sync::{RoomBatch, SyncTuning, Syncer, MAX_AGE};
use super::text::{clip, code_block, decide, localize_answer, AllowList, Decision, Identity, Incoming, CORE_PREFIX};
use super::MatrixError;
use crate::ask::render;
use crate::ask::Answer;
use crate::config::MatrixConfig;
use crate::service::moderation::MatrixStanding;
use crate::service::{daily, measure, Asker, Notice, Service};
use crate::service::shutdown::InFlight;

/// Matrix events may be 64 KiB; keep each body well under half of that.
const MAX_BODY_BYTES: usize = 24 * 1024;

mod quiz;

type Boxed<T> = std::pin::Pin<Box<dyn std::future::Future<Output = T> + Send>>;

/// A running Matrix bot.
pub struct Bot {
    client: Client,
    user_id: OwnedUserId,
    device_id: OwnedDeviceId,
    sync: JoinHandle<Result<(), MatrixError>>,
    tasks: Arc<Tasks>,
    /// For the drain when stopping.
    service: Arc<Service>,
}

impl std::fmt::Debug for Bot {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Bot").field("user_id", &self.user_id).field("device_id", &self.device_id).finish_non_exhaustive()
    }
}

/// Background tasks to stop with the bot.
#[derive(Default)]
struct Tasks(Mutex<Vec<AbortHandle>>);

impl Tasks {
    fn add(&self, handle: AbortHandle) {
        let mut tasks = self.0.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        tasks.retain(|task| !task.is_finished());
        tasks.push(handle);
    }

    fn abort_all(&self) {
        let tasks = std::mem::take(&mut *self.0.lock().unwrap_or_else(|poisoned| poisoned.into_inner()));
        for task in tasks {
            task.abort();
        }
    }
}

/// What the event handlers share. It holds no `Client` (the client holds
/// it, as handler context), so dropping the bot frees the store.
struct State {
    service: Arc<Service>,
    config: MatrixConfig,
    user_id: OwnedUserId,
    identity: Identity,
    allow: AllowList,
    jobs: mpsc::Sender<Job>,
    tasks: Arc<Tasks>,
    joining: Mutex<HashSet<OwnedRoomId>>,
    considered: Mutex<Considered>,
    /// `moderator_room`, resolved at start: it counts as a `[moderation]` room.
    moderator_room: Option<OwnedRoomId>,
    /// The rooms whose quiz round a task is driving (one task per room).
    quiz_rooms: Mutex<HashSet<OwnedRoomId>>,
}

/// The messages already looked at, so that none is answered twice (a gap
/// and a late decryption may both bring one). An id is forgotten after
/// twice [`MAX_AGE`], when its message is too old to be answered anyway.
#[derive(Default)]
struct Considered {
    ids: HashSet<OwnedEventId>,
    order: VecDeque<(Instant, OwnedEventId)>,
}

impl Considered {
    /// Record `event_id`; false if it was recorded already.
    fn first_time(&mut self, event_id: &EventId) -> bool {
        let now = Instant::now();
        while let Some((at, _)) = self.order.front() {
            if now.duration_since(*at) < MAX_AGE * 2 {
                break;
            }
            if let Some((_, old)) = self.order.pop_front() {
                self.ids.remove(&old);
            }
        }
        if !self.ids.insert(event_id.to_owned()) {
            return false;
        }
        self.order.push_back((now, event_id.to_owned()));
        true
    }
}

/// A message to answer.
struct Job {
    room: Room,
    event: OriginalSyncRoomMessageEvent,
    /// The line to answer (empty: only an edit, if it is one).
    line: String,
    /// A reply with a code block: the message it replies to and the code,
    /// an edit when that message is one of the bot's `!facts edit` drafts.
    edit: Option<(OwnedEventId, String)>,
    /// Counted until answered: stopping waits for queued questions too.
    _in_flight: InFlight,
    /// When the sync that brought it was handed over (the reply's latency is measured from here).
    received: Instant,
}

impl Bot {
    /// Log in (or restore the saved session), join pending invites, sync
    /// once, and keep syncing in the background. When this returns, the bot
    /// answers.
    pub async fn start(service: Arc<Service>, config: MatrixConfig, store_dir: PathBuf) -> Result<Bot, MatrixError> {
        Bot::start_with(service, config, store_dir, SyncTuning::default()).await
    }

    /// [`Bot::start`] with other sync sizes (tests use small ones to make
    /// gaps with few messages).
    pub async fn start_with(service: Arc<Service>, config: MatrixConfig, store_dir: PathBuf, tuning: SyncTuning) -> Result<Bot, MatrixError> {
        // Boxed so callers (which may spawn this) need not prove the deeply
        // nested matrix-sdk futures `Send` themselves.
        let start: Boxed<Result<Bot, MatrixError>> = Box::pin(Bot::start_inner(service, config, store_dir, tuning));
        start.await
    }

    async fn start_inner(service: Arc<Service>, config: MatrixConfig, store_dir: PathBuf, tuning: SyncTuning) -> Result<Bot, MatrixError> {
        let notices = service.subscribe();
        let (client, fresh) = session::connect(&config, &store_dir).await?;
        let user_id = client.user_id().map(ToOwned::to_owned).ok_or_else(|| MatrixError::Login("logged in without a user id".into()))?;
        let device_id = client.device_id().map(ToOwned::to_owned).ok_or_else(|| MatrixError::Login("logged in without a device id".into()))?;
        let display_name = client.account().get_display_name().await.ok().flatten();
        let tasks = Arc::new(Tasks::default());
        let (jobs, queue) = mpsc::channel(256);
        let moderator_room = match config.moderator_room.as_deref() {
            Some(room) => resolve_moderator_room(&client, room).await,
            None => None,
        };
        let state = Arc::new(State {
            identity: Identity::new(user_id.as_str(), display_name.as_deref()),
            allow: AllowList::new(&config.allowed_inviters),
            service,
            config,
            user_id: user_id.clone(),
            jobs,
            tasks: tasks.clone(),
            joining: Mutex::new(HashSet::new()),
            considered: Mutex::new(Considered::default()),
            moderator_room,
            quiz_rooms: Mutex::new(HashSet::new()),
        });
        tasks.add(tokio::spawn(worker(state.clone(), queue)).abort_handle());
        client.add_event_handler_context(state.clone());
        client.add_event_handler(on_invite);

        let mut syncer = Syncer::new(client.clone(), user_id.clone(), &store_dir, tuning);
        syncer.report_to(state.service.readiness().clone());
        // A new login does not answer the history the first sync brings; a
        // restored session answers what was asked while it was away (within
        // MAX_AGE), gaps included.
        let batches = syncer.first(!fresh).await?;
        if !fresh {
            state.take(batches).await;
        }
        syncer.remember();
        quiz::resume(&state, &client).await;
        for room in client.invited_rooms() {
            let inviter = room.invite_details().await.ok().map(|invite| invite.inviter_id);
            consider_invite(&state, room, inviter.as_deref());
        }
        tasks.add(tokio::spawn(forward_notices(client.clone(), state.moderator_room.clone(), state.config.prefix.clone(), notices)).abort_handle());
        if let Some(handle) = post_daily(&state.service, &client) {
            tasks.add(handle);
        }
        let sync = tokio::spawn(sync_forever(state.clone(), syncer));
        tracing::info!(user_id = %user_id, device_id = %device_id, "the Matrix bot is answering");
        Ok(Bot { client, user_id, device_id, sync, tasks, service: state.service.clone() })
    }

    pub fn user_id(&self) -> &UserId {
        &self.user_id
    }

    /// The device this bot logged in as (the same on every restart).
    pub fn device_id(&self) -> &str {
        self.device_id.as_str()
    }

    /// The underlying client (for tests and diagnostics).
    pub fn client(&self) -> &Client {
        &self.client
    }

    /// Wait until syncing stops for good, or the service stops: then the
    /// questions already taken are answered (at most the service's drain
    /// limit) before the bot lets go.
    pub async fn wait(mut self) -> Result<(), MatrixError> {
        let result = match (&mut self.sync).await {
            Ok(result) => result,
            Err(error) => Err(MatrixError::Sync(format!("the sync task ended: {error}"))),
        };
        if self.service.shutdown().is_stopping() {
            self.service.shutdown().drained().await;
        }
        self.tasks.abort_all();
        result
    }

    /// Stop syncing and answering, and release the store.
    pub async fn shutdown(mut self) {
        self.sync.abort();
        self.service.readiness().set(READINESS, false, "sync stopped: the bot was shut down");
        let _ = (&mut self.sync).await;
        self.tasks.abort_all();
        // Give aborted tasks a moment to drop their clients.
        tokio::task::yield_now().await;
    }
}

impl Drop for Bot {
    /// A dropped bot stops too (e.g. when `run` is cancelled).
    fn drop(&mut self) {
        self.sync.abort();
        self.tasks.abort_all();
        if self.service.readiness().is_up(READINESS) == Some(true) {
            self.service.readiness().set(READINESS, false, "sync stopped: the bot was dropped");
        }
    }
}

/// Sync until the session is revoked, handing each sync's messages over in
/// order. Every other failure (the homeserver restarting, the network) is
/// retried with a capped backoff.
async fn sync_forever(state: Arc<State>, mut syncer: Syncer) -> Result<(), MatrixError> {
    let stopped = state.service.shutdown().stopped();
    tokio::pin!(stopped);
    loop {
        // Stopping ends the loop between syncs: a long poll under way is
        // dropped before it hands anything over, a batch handed over is taken.
        let batches = tokio::select! {
            batches = syncer.next() => batches,
            () = &mut stopped => {
                syncer.report_stopped("the bot is stopping");
                return Ok(());
            }
        };
        let batches = match batches {
            Ok(batches) => batches,
            Err(error) => {
                syncer.report_stopped(&error.to_string());
                return Err(error);
            }
        };
        state.take(batches).await;
        syncer.remember();
    }
}

// ---------------------------------------------------------------- messages

impl State {
    /// Record `event_id` as looked at; false if it was already.
    fn first_time(&self, event_id: &EventId) -> bool {
        self.considered.lock().unwrap_or_else(|poisoned| poisoned.into_inner()).first_time(event_id)
    }

    /// Consider every event a sync brought, room by room, oldest first.
    /// Questions the bot has replied to already (seen in the same batch,
    /// e.g. after a restart) are not answered again.
    async fn take(self: &Arc<Self>, batches: Vec<RoomBatch>) {
        for RoomBatch { room, events } in batches {
            let answered = self.answered_in(&events);
            for event in events {
                self.consider_event(&room, event, &answered).await;
            }
        }
    }

    /// The events the bot's own messages among `events` reply to.
    fn answered_in(&self, events: &[TimelineEvent]) -> HashSet<OwnedEventId> {
        events
            .iter()
            .filter(|event| event.sender().as_deref() == Some(&*self.user_id))
            .filter_map(|event| event.raw().deserialize_as_unchecked::<OriginalSyncRoomMessageEvent>().ok())
            .filter_map(|reply| match reply.content.relates_to {
                Some(Relation::Reply(reply)) => Some(reply.in_reply_to.event_id),
                Some(Relation::Thread(thread)) => thread.in_reply_to.map(|reply| reply.event_id),
                _ => None,
            })
            .collect()
    }

    /// Queue an answer if the event is a message for the bot not answered
    /// yet; retry an event that could not be decrypted.
    async fn consider_event(self: &Arc<Self>, room: &Room, event: TimelineEvent, answered: &HashSet<OwnedEventId>) {
        if let TimelineEventKind::UnableToDecrypt { event: raw, .. } = event.kind {
            self.decrypt_later(room.clone(), raw);
            return;
        }
        match event.raw().get_field::<String>("type").ok().flatten().as_deref() {
            Some("m.room.message") => {}
            Some("m.poll.response" | "org.matrix.msc3381.poll.response" | "m.reaction") => return quiz::response(self, room, &event).await,
            _ => return,
        }
        let Ok(message) = event.raw().deserialize_as_unchecked::<OriginalSyncRoomMessageEvent>() else { return };
        if answered.contains(&message.event_id) {
            tracing::debug!(event_id = %message.event_id, "already answered");
            return;
        }
        self.consider(message, room.clone()).await;
    }

    /// Queue an answer if the message is for the bot.
    async fn consider(&self, event: OriginalSyncRoomMessageEvent, room: Room) {
        if room.state() != RoomState::Joined || event.sender == self.user_id {
            return;
        }
        if !self.considered.lock().unwrap_or_else(|poisoned| poisoned.into_inner()).first_time(&event.event_id) {
            return;
        }
        // Only text: notices (other bots, including ourselves), emotes and media are ignored.
        let MessageType::Text(content) = &event.content.msgtype else { return };
        if matches!(event.content.relates_to, Some(Relation::Replacement(_))) {
            return; // an edit; the original was answered (or not) already
        }
        let received = Instant::now();
        if let Some(sent) = event.origin_server_ts.to_system_time() {
            measure::matrix_sync_lag(SystemTime::now().duration_since(sent).unwrap_or_default());
            if SystemTime::now().duration_since(sent).is_ok_and(|age| age > MAX_AGE) {
                tracing::debug!(event_id = %event.event_id, "not answering an old message");
                return;
            }
        }
        let formatted = content.formatted.as_ref().filter(|f| f.format == MessageFormat::Html).map(|f| f.body.as_str());
        let mentions_bot = event.content.mentions.as_ref().is_some_and(|m| m.user_ids.contains(&self.user_id));
        if quiz::typed_answer(self, &room, &event, &content.body).await {
            return;
        }
        let direct = is_direct(&room).await;
        let incoming = Incoming { body: &content.body, formatted_body: formatted, mentions_bot, direct };
        let edit = match &event.content.relates_to {
            Some(Relation::Reply(reply)) => code_block(&content.body).map(|code| (reply.in_reply_to.event_id.clone(), code)),
            _ => None,
        };
        let line = match decide(incoming, &self.identity, &self.config.prefix) {
            Decision::Run(line) => line,
            Decision::Ignore if edit.is_some() => String::new(),
            Decision::Ignore => return,
        };
        // When many questions are queued, this waits (and so does the sync
        // loop) rather than dropping one.
        let _in_flight = self.service.shutdown().track();
        if self.jobs.send(Job { room, event, line, edit, _in_flight, received }).await.is_err() {
            tracing::debug!("the answering worker has stopped");
        }
    }
}

/// A direct room: marked so, or the bot and one other person.
async fn is_direct(room: &Room) -> bool {
    room.is_direct().await.unwrap_or(false) || matches!(joined_count(room).await, 1 | 2)
}

/// How many people have joined: the sync summary (sent with lazy-loaded
/// members), else the members in the store.
async fn joined_count(room: &Room) -> u64 {
    match room.joined_members_count() {
        0 => room.members_no_sync(RoomMemberships::JOIN).await.map(|members| members.len() as u64).unwrap_or(0),
        count => count,
    }
}

/// Answer queued messages one at a time, in order.
/// The front end's name in the service's readiness (as the syncer reports it).
const READINESS: &str = super::sync::READINESS;

async fn worker(state: Arc<State>, mut queue: mpsc::Receiver<Job>) {
    while let Some(job) = queue.recv().await {
        answer(&state, job).await;
    }
}

async fn answer(state: &Arc<State>, job: Job) {
    let Job { room, event, line, edit, _in_flight, received } = job;
    let asker = Asker {
        platform: "matrix".into(),
        user_id: event.sender.to_string(),
        display_name: display_name(&room, &event.sender).await,
        is_moderator: state.is_moderator(&room, &event.sender).await,
        locale: state.service.default_locale.clone(),
        place: Some(format!("Matrix room {}", room.room_id())),
    };
    if let Some((draft_event, code)) = edit {
        if let Some(answer) = edit_reply(state, &asker, &draft_event, code).await {
            if send(&room, notice(&answer).make_reply_to(&event, ForwardThread::Yes, AddMentions::Yes)).await.is_some() {
                measure::reply("matrix", "sync", received.elapsed());
            }
            return;
        }
    }
    if line.is_empty() {
        return;
    }
    if let Some(args) = quiz::arguments(&line) {
        let direct = is_direct(&room).await;
        quiz::command(state, &room, &event, &asker, &args, direct).await;
        return;
    }
    if let Some(draft) = draft_request(&line) {
        let service = state.service.clone();
        let asker = asker.clone();
        let drafted = tokio::task::spawn_blocking(move || match draft {
            DraftRequest::Edit(entry) => service.edit_draft(&asker, &entry),
            DraftRequest::New(kind, id) => service.new_draft(&asker, &kind, &id),
        })
        .await;
        match drafted {
            Ok(Ok(draft)) => send_draft(state, &room, &event, &draft).await,
            Ok(Err(refused)) => {
                send(&room, notice(&refused).make_reply_to(&event, ForwardThread::Yes, AddMentions::Yes)).await;
            }
            Err(error) => tracing::error!(%error, "preparing a draft panicked"),
        }
        return;
    }
    let service = state.service.clone();
    let reply_to = format!("matrix:{}", room.room_id());
    let mut answer = match tokio::task::spawn_blocking(move || service.handle_line_from(&line, &[CORE_PREFIX], &asker, Some(&reply_to))).await {
        Ok(answer) => answer,
        Err(error) => {
            tracing::error!(%error, "answering a question panicked");
            return;
        }
    };
    localize_answer(&mut answer, &state.config.prefix);
    let content = notice(&answer).make_reply_to(&event, ForwardThread::Yes, AddMentions::Yes);
    if send(&room, content).await.is_some() {
        measure::reply("matrix", "sync", received.elapsed());
    }
}

/// An answer as an `m.notice`: HTML `formatted_body`, plain `body`.
pub fn notice(answer: &Answer) -> RoomMessageEventContent {
    let plain = render::plain(answer);
    let html = render::html(answer);
    if html.len() > MAX_BODY_BYTES || plain.len() > MAX_BODY_BYTES {
        return RoomMessageEventContent::notice_plain(clip(&plain, MAX_BODY_BYTES));
    }
    RoomMessageEventContent::notice_html(plain, html)
}

/// `!facts edit <entry>` or `!facts new <kind> <id>`: a draft to send as a code block.
enum DraftRequest {
    Edit(String),
    New(String, String),
}

fn draft_request(line: &str) -> Option<DraftRequest> {
    let words: Vec<&str> = line.strip_prefix(CORE_PREFIX)?.split_whitespace().collect();
    match words.as_slice() {
        [facts, edit, entry @ ..] if facts.eq_ignore_ascii_case("facts") && edit.eq_ignore_ascii_case("edit") && !entry.is_empty() => Some(DraftRequest::Edit(entry.join(" "))),
        [facts, new, kind, id] if facts.eq_ignore_ascii_case("facts") && new.eq_ignore_ascii_case("new") => Some(DraftRequest::New(kind.to_string(), id.to_string())),
        _ => None,
    }
}

/// The key under which a draft message's file and fingerprint are kept (in
/// the store: a reply may reach another replica, or come after a restart).
fn draft_key(event_id: &EventId) -> String {
    format!("matrix-edit-draft:{event_id}")
}

/// Send a draft as a code block, replying to the request, and remember it.
async fn send_draft(state: &State, room: &Room, request: &OriginalSyncRoomMessageEvent, draft: &crate::service::edit::Draft) {
    let prefix = &state.config.prefix;
    if draft.text.len() > MAX_BODY_BYTES - 2048 {
        let refused = Answer::new("facts", crate::ask::Outcome::Error, format!("{} is too long to edit in a Matrix message ({} bytes).", draft.file, draft.text.len()))
            .text("Edit the file itself (histbot checks and reloads it), or split the entry.");
        send(room, notice(&refused).make_reply_to(request, ForwardThread::Yes, AddMentions::Yes)).await;
        return;
    }
    let how = format!("Reply to this message with the edited TOML in a code block (```toml … ```); histbot checks the whole base with it before writing anything. {prefix}facts history {} lists its changes.", draft.entry);
    let verb = if draft.new { "New entry" } else { "Entry" };
    let plain = format!("{verb} {}: {}\n{how}\n```toml\n{}```", draft.entry, draft.file, draft.text);
    let html = format!(
        "<p>{verb} <code>{}</code>: <code>{}</code></p><p>{}</p><pre><code class=\"language-toml\">{}</code></pre>",
        render::escape_html(&draft.entry),
        render::escape_html(&draft.file),
        render::escape_html(&how),
        render::escape_html(&draft.text)
    );
    let content = RoomMessageEventContent::notice_html(plain, html).make_reply_to(request, ForwardThread::Yes, AddMentions::Yes);
    let Some(sent) = send(room, content).await else { return };
    let value = serde_json::json!({ "file": draft.file, "fingerprint": draft.fingerprint }).to_string();
    let service = state.service.clone();
    let key = draft_key(&sent);
    let stored = tokio::task::spawn_blocking(move || service.store().put(&key, &value, crate::store::unix_now())).await;
    if !matches!(stored, Ok(Ok(()))) {
        tracing::error!(?stored, "could not remember a draft; a reply to it will not be taken as an edit");
    }
}

/// A reply with a code block to one of the bot's drafts: check and apply
/// it. `None` when the message it replies to is not a draft.
async fn edit_reply(state: &State, asker: &Asker, draft_event: &EventId, code: String) -> Option<Answer> {
    let service = state.service.clone();
    let key = draft_key(draft_event);
    let asker = asker.clone();
    let outcome = tokio::task::spawn_blocking(move || {
        let value = service.store().get(&key).ok().flatten()?;
        let draft: serde_json::Value = serde_json::from_str(&value).ok()?;
        let file = draft.get("file")?.as_str()?.to_string();
        let fingerprint = draft.get("fingerprint")?.as_str()?.to_string();
        Some(service.submit_edit(&asker, &file, &fingerprint, &code))
    })
    .await;
    match outcome {
        Ok(answer) => answer,
        Err(error) => {
            tracing::error!(%error, "applying an edit panicked");
            None
        }
    }
}

/// Send, retrying network failures and rate limits with the same
/// transaction id (so a retry never posts twice); the sent event's id.
async fn send(room: &Room, content: RoomMessageEventContent) -> Option<OwnedEventId> {
    let transaction = TransactionId::new();
    let mut delay = Duration::from_millis(500);
    for attempt in 1..=8 {
        match room.send(content.clone()).with_transaction_id(transaction.clone()).await {
            Ok(sent) => return Some(sent.response.event_id),
            Err(error) => {
                let kind = error.client_api_error_kind();
                let retry = kind.is_none() || matches!(kind, Some(ErrorKind::LimitExceeded(_)));
                if !retry || attempt == 8 {
                    tracing::error!(room_id = %room.room_id(), %error, "could not send a reply");
                    return None;
                }
                tracing::warn!(room_id = %room.room_id(), %error, retry_in = ?delay, "sending a reply failed; retrying");
                tokio::time::sleep(delay).await;
                delay = (delay * 2).min(Duration::from_secs(10));
            }
        }
    }
    None
}

async fn display_name(room: &Room, user_id: &UserId) -> String {
    match room.get_member_no_sync(user_id).await {
        Ok(Some(member)) => member.display_name().map(str::to_string).unwrap_or_else(|| user_id.localpart().to_string()),
        _ => user_id.localpart().to_string(),
    }
}

impl State {
    /// A moderator is listed in `[moderation] matrix_users`, or has the
    /// moderator power level inside a listed room or the moderator room.
    async fn is_moderator(&self, room: &Room, user_id: &UserId) -> bool {
        let moderation = self.service.moderation();
        let room_id = room.room_id().as_str();
        let moderator_room = self.moderator_room.as_deref() == Some(room.room_id());
        // Power levels are read only where they count.
        let counts = moderator_room || moderation.lists_matrix_room(room_id);
        let has_power = counts && has_power(room, user_id, self.config.moderator_power_level).await;
        moderation.matrix(&MatrixStanding { room: room_id, user: user_id.as_str(), has_power, moderator_room })
    }
}

/// At least `level` in the room, or a room creator (infinite power from
/// room version 12 on).
async fn has_power(room: &Room, user_id: &UserId, level: i64) -> bool {
    match room.get_user_power_level(user_id).await {
        Ok(UserPowerLevel::Infinite) => true,
        Ok(UserPowerLevel::Int(power)) => i64::from(power) >= level,
        Ok(_) => false,
        Err(error) => {
            tracing::warn!(room_id = %room.room_id(), %error, "cannot read the room's power levels; treating the sender as a member");
            false
        }
    }
}

impl State {
    /// An encrypted event we could not decrypt (yet): its room key may
    /// arrive a little later, so try again a few times before giving up.
    fn decrypt_later(self: &Arc<Self>, room: Room, raw: Raw<AnySyncTimelineEvent>) {
        let event_id = raw.get_field::<OwnedEventId>("event_id").ok().flatten();
        let raw: Raw<OriginalSyncRoomEncryptedEvent> = raw.cast_unchecked();
        let state = self.clone();
        let task = tokio::spawn(async move {
            for delay in [1, 2, 4, 8, 15] {
                tokio::time::sleep(Duration::from_secs(delay)).await;
                let Ok(decrypted) = room.decrypt_event(&raw, None).await else { continue };
                if decrypted.encryption_info().is_none() {
                    continue;
                }
                match decrypted.raw().deserialize_as_unchecked::<OriginalSyncRoomMessageEvent>() {
                    Ok(message) => state.consider(message, room).await,
                    Err(_) => tracing::debug!(?event_id, "a late-decrypted event is not a message"),
                }
                return;
            }
            tracing::warn!(?event_id, room_id = %room.room_id(), "could not decrypt a message (no room key arrived)");
        });
        self.tasks.add(task.abort_handle());
    }
}

// ----------------------------------------------------------------- invites

async fn on_invite(event: StrippedRoomMemberEvent, room: Room, Ctx(state): Ctx<Arc<State>>) {
    if event.state_key != state.user_id || event.content.membership != MembershipState::Invite {
        return;
    }
    consider_invite(&state, room, Some(&event.sender));
}

/// Join an invited room if the inviter is allowed; decline otherwise.
fn consider_invite(state: &Arc<State>, room: Room, inviter: Option<&UserId>) {
    if room.state() != RoomState::Invited {
        return;
    }
    let room_id = room.room_id().to_owned();
    {
        let mut joining = state.joining.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        if !joining.insert(room_id.clone()) {
            return; // already on it
        }
    }
    let allowed = inviter.is_some_and(|inviter| state.allow.allows(inviter.as_str())) || (state.allow.is_open() && inviter.is_none());
    let inviter_text = inviter.map(|i| i.to_string()).unwrap_or_else(|| "someone".into());
    let task_state = state.clone();
    let task = tokio::spawn(async move {
        if allowed {
            join_with_retry(&room, &inviter_text).await;
        } else {
            tracing::info!(%room_id, inviter = %inviter_text, "declining an invite from outside allowed_inviters");
            if let Err(error) = room.leave().await {
                tracing::warn!(%room_id, %error, "could not decline the invite");
            }
        }
        task_state.joining.lock().unwrap_or_else(|poisoned| poisoned.into_inner()).remove(&room_id);
    });
    state.tasks.add(task.abort_handle());
}

/// Join, retrying while the homeserver is not ready (it may answer 403 or
/// 404 for a moment after the invite, or be unreachable).
async fn join_with_retry(room: &Room, inviter: &str) {
    let room_id = room.room_id().to_owned();
    let mut delay = Duration::from_millis(500);
    for attempt in 1..=12 {
        match room.join().await {
            Ok(()) => {
                tracing::info!(%room_id, %inviter, "joined a room on invite");
                return;
            }
            Err(error) => {
                if room.state() == RoomState::Joined {
                    return;
                }
                if attempt == 12 {
                    tracing::error!(%room_id, %error, "giving up joining the room");
                    return;
                }
                tracing::warn!(%room_id, %error, retry_in = ?delay, "could not join yet; retrying");
                tokio::time::sleep(delay).await;
                delay = (delay * 2).min(Duration::from_secs(60));
            }
        }
    }
}

// ----------------------------------------------------------------- notices

/// The moderator room's id (an alias is resolved once, at start).
async fn resolve_moderator_room(client: &Client, room: &str) -> Option<OwnedRoomId> {
    let room_id = resolve_room(client, room).await;
    if room_id.is_none() {
        tracing::warn!(room = %room, "moderator_room is not a room id or alias this bot can resolve; notices are not forwarded and it is no moderators' room");
    }
    room_id
}

/// Forward the service's moderator notices (reload errors, new reports) to
/// the moderator room, if there is one, and a reporter's notice (their
/// report closed) to the room they reported in, if the bot is still there.
async fn forward_notices(client: Client, moderator_room: Option<OwnedRoomId>, prefix: String, mut notices: broadcast::Receiver<Notice>) {
    loop {
        match notices.recv().await {
            Ok(notice) => {
                let room_id = match notice.to.as_deref() {
                    None => moderator_room.clone(),
                    Some(to) => to.strip_prefix("matrix:").and_then(|id| OwnedRoomId::try_from(id).ok()),
                };
                let Some(room_id) = room_id else { continue };
                if notice.to.is_some() {
                    match client.get_room(&room_id) {
                        Some(room) if room.state() == RoomState::Joined => {
                            let mut answer = notice.answer;
                            localize_answer(&mut answer, &prefix);
                            send(&room, self::notice(&answer)).await;
                        }
                        _ => tracing::info!(%room_id, "a reporter's room is one the bot has left; they are not told"),
                    }
                    continue;
                }
                let target = match client.get_room(&room_id) {
                    Some(target) if target.state() == RoomState::Joined => target,
                    Some(target) if target.state() == RoomState::Invited => {
                        let _ = target.join().await;
                        target
                    }
                    _ => match client.join_room_by_id(&room_id).await {
                        Ok(target) => target,
                        Err(error) => {
                            tracing::warn!(%room_id, %error, "cannot post to the moderator room (invite the bot there)");
                            continue;
                        }
                    },
                };
                let mut answer = notice.answer;
                localize_answer(&mut answer, &prefix);
                send(&target, self::notice(&answer)).await;
            }
            Err(broadcast::error::RecvError::Lagged(skipped)) => {
                tracing::warn!(skipped, "moderator notices were dropped (too many at once)");
            }
            Err(broadcast::error::RecvError::Closed) => return,
        }
    }
}

/// Post the daily fact as an `m.notice` in the configured room
/// (`[study] daily.room`), if there is one, until the service stops.
fn post_daily(service: &Arc<Service>, client: &Client) -> Option<AbortHandle> {
    let room = service.study().daily.as_ref()?.room_id()?;
    let room = OwnedRoomId::try_from(room).ok()?;
    let schedule = daily::schedule(service)?;
    let poster = RoomPoster { client: client.clone(), room };
    Some(tokio::spawn(daily::run(service.clone(), schedule, poster, Arc::new(daily::SystemClock))).abort_handle())
}

/// The daily fact as an `m.notice` (HTML and plain text) in one room.
struct RoomPoster {
    client: Client,
    room: OwnedRoomId,
}

impl daily::Poster for RoomPoster {
    fn target(&self) -> String {
        format!("matrix:{}", self.room)
    }

    fn post(&self, answer: Answer) -> impl std::future::Future<Output = Result<(), String>> + Send {
        let (client, room_id) = (self.client.clone(), self.room.clone());
        let sent: Boxed<Result<(), String>> = Box::pin(async move {
            let room = client.get_room(&room_id).filter(|room| room.state() == RoomState::Joined);
            let room = room.ok_or_else(|| format!("the bot is not in {room_id} (invite it)"))?;
            send(&room, notice(&answer)).await.map(|_| ()).ok_or_else(|| format!("could not send to {room_id}"))
        });
        sent
    }
}

async fn resolve_room(client: &Client, room: &str) -> Option<OwnedRoomId> {
    let id = RoomOrAliasId::parse(room).ok()?;
    match OwnedRoomId::try_from(id) {
        Ok(room_id) => Some(room_id),
        Err(alias) => client.resolve_room_alias(&alias).await.ok().map(|response| response.room_id),
    }
}

#[cfg(test)]
mod tests {
    use matrix_sdk::ruma::event_id;

    use super::*;

    #[test]
    fn a_message_is_considered_once() {
        let mut considered = Considered::default();
        assert!(considered.first_time(event_id!("$question")));
        assert!(!considered.first_time(event_id!("$question")), "a second look is refused");
        assert!(considered.first_time(event_id!("$another")));
    }
}
