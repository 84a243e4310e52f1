//! `config/histbot.toml`: where the facts are, and each front end's section
//! (all off by default). Secrets never live here: the file names the
//! environment variable (or a file) that holds them.

use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::facts::diagnostic::Diagnostic;
use crate::facts::load::parse_toml;

/// The whole configuration.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    /// The fact directory.
    #[serde(default = "default_facts")]
    pub facts: PathBuf,
    /// The intent rules.
    #[serde(default = "default_intents")]
    pub intents: PathBuf,
    /// Where reports and front-end state (the Matrix store) live.
    #[serde(default = "default_data_dir")]
    pub data_dir: PathBuf,
    /// The operator's listener (`127.0.0.1:9184`): `/healthz`, `/readyz`
    /// and Prometheus `/metrics`. Unset: none (the default).
    pub metrics_listen: Option<String>,
    /// Locale used when a front end does not say (`en`, `ar`, …).
    #[serde(default = "default_locale")]
    pub default_locale: String,
    /// The store: unset for SQLite in `data_dir/histbot.sqlite3`, or a
    /// `postgres://user@host:port/db` URL (no password in it).
    pub database: Option<String>,
    /// The environment variable holding the PostgreSQL password.
    #[serde(default = "default_database_password_env")]
    pub database_password_env: String,
    /// Or a file holding it.
    pub database_password_file: Option<PathBuf>,
    #[serde(default)]
    pub reload: ReloadConfig,
    #[serde(default)]
    pub reports: ReportsConfig,
    #[serde(default)]
    pub discord: DiscordConfig,
    #[serde(default)]
    pub matrix: MatrixConfig,
    #[serde(default)]
    pub moderation: ModerationConfig,
    #[serde(default)]
    pub gaps: GapsConfig,
    #[serde(default)]
    pub study: StudyConfig,
}

/// The `[study]` section: quizzes and the daily fact.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StudyConfig {
    /// How long each quiz question stays open in a channel or room, in seconds.
    #[serde(default = "default_question_secs")]
    pub question_secs: u64,
    /// The daily fact: where and when (local time) it is posted. Unset: none.
    pub daily: Option<DailyConfig>,
}

/// `daily = { channel = "…", room = "…", time = "09:00", timezone = "Europe/Belgrade" }`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DailyConfig {
    /// A Discord channel id (text or a number).
    pub channel: Option<toml::Spanned<Snowflake>>,
    /// A Matrix room id (`!abc:example.org`).
    pub room: Option<toml::Spanned<String>>,
    /// The local time of day, `HH:MM` (24-hour).
    pub time: toml::Spanned<String>,
    /// An IANA time zone (`Europe/Belgrade`); DST follows the tz database.
    pub timezone: toml::Spanned<String>,
}

/// A Discord id written as text (`"123…"`) or as a number.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(untagged)]
pub enum Snowflake {
    Number(u64),
    Text(String),
}

impl Snowflake {
    /// The id, when it is one (digits, not zero).
    pub fn id(&self) -> Option<u64> {
        match self {
            Snowflake::Number(n) => Some(*n),
            Snowflake::Text(text) => text.trim().parse().ok(),
        }
        .filter(|&n| n != 0)
    }
}

impl DailyConfig {
    /// When to post, checked (the config loader refuses a bad time or zone).
    pub fn schedule(&self) -> Result<crate::study::daily::Schedule, crate::study::daily::ScheduleError> {
        crate::study::daily::Schedule::new(self.time.get_ref(), self.timezone.get_ref())
    }

    /// The Discord channel to post in.
    pub fn channel_id(&self) -> Option<u64> {
        self.channel.as_ref().and_then(|c| c.get_ref().id())
    }

    /// The Matrix room to post in.
    pub fn room_id(&self) -> Option<&str> {
        self.room.as_ref().map(|r| r.get_ref().as_str())
    }

    fn problems(&self, path: &Path, content: &str) -> Vec<Diagnostic> {
        let mut problems = Vec::new();
        let bad = |span: std::ops::Range<usize>, message: String, help: &str| {
            Diagnostic::error("config-bad-value", path, content, Some(span)).message(message).help(help.to_string())
        };
        if let Err(error) = crate::study::daily::parse_time(self.time.get_ref()) {
            problems.push(bad(self.time.span(), format!("`time`: {error}"), "write the local time of day as HH:MM, 24-hour: \"09:00\", \"18:30\""));
        }
        if let Err(error) = crate::study::daily::parse_zone(self.timezone.get_ref()) {
            problems.push(bad(
                self.timezone.span(),
                format!("`timezone`: {error}"),
                "name an IANA time zone such as \"Europe/Belgrade\", \"Europe/Moscow\" or \"UTC\" (not an abbreviation like CET, nor an offset)",
            ));
        }
        if let Some(channel) = self.channel.as_ref().filter(|c| c.get_ref().id().is_none()) {
            problems.push(bad(channel.span(), "`channel` takes a Discord channel id".into(), "copy it with Developer Mode on: right-click the channel → Copy Channel ID"));
        }
        if let Some(room) = self.room.as_ref().filter(|r| !is_room_id(r.get_ref())) {
            problems.push(bad(
                room.span(),
                format!("`room` takes a room id, not `{}`", crate::text::echo::echo(room.get_ref())),
                "a room id looks like \"!abcdef:example.org\" (room settings → Advanced); aliases are not accepted",
            ));
        }
        if self.channel.is_none() && self.room.is_none() {
            let span = content.find("daily").map(|i| i..i + "daily".len());
            problems.push(
                Diagnostic::error("config-missing-key", path, content, span)
                    .message("`daily` names neither a `channel` nor a `room` to post in")
                    .help("add channel = \"<Discord channel id>\" or room = \"!room:server\", or remove `daily`"),
            );
        }
        problems
    }
}

/// The `[gaps]` section: the log of questions histbot could not answer
/// (the question, platform, server or room and time; never who asked).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GapsConfig {
    /// Days an unanswered question is kept; 0 records nothing at all.
    #[serde(default = "default_gap_retention_days")]
    pub retention_days: u64,
    /// The days `facts gaps` counts (the most-asked of the last N days).
    #[serde(default = "default_gap_window_days")]
    pub window_days: u64,
}

/// The `[moderation]` section: who may run moderator commands (`reload`,
/// `facts`) from chat. The fact base and the report queue are shared by
/// every server and room the bot is in, so a server's or room's own
/// permissions count only in the servers and rooms listed here. Empty (the
/// default): nobody is a moderator from chat (the console always is).
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ModerationConfig {
    /// Discord servers (guild ids) whose members with Manage Server or
    /// Administrator are moderators, inside that server.
    #[serde(default)]
    pub discord_guilds: Vec<u64>,
    /// Discord role ids: members holding one are moderators.
    #[serde(default)]
    pub discord_roles: Vec<u64>,
    /// Discord user ids who are moderators wherever they ask.
    #[serde(default)]
    pub discord_users: Vec<u64>,
    /// Matrix room ids (`!abc:example.org`) whose members at
    /// `moderator_power_level` (and creators) are moderators, inside that room.
    /// `[matrix] moderator_room` counts as listed here.
    #[serde(default)]
    pub matrix_rooms: Vec<String>,
    /// Matrix user ids (`@alice:example.org`) who are moderators in any room.
    #[serde(default)]
    pub matrix_users: Vec<String>,
}

/// Live reload of the fact base.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReloadConfig {
    /// Watch the fact directory and the intents file for changes.
    #[serde(default = "yes")]
    pub watch: bool,
    /// Wait this long after the last change before reloading.
    #[serde(default = "default_debounce")]
    pub debounce_ms: u64,
}

/// Wrong-answer reports.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReportsConfig {
    /// How many reports one user may file per window.
    #[serde(default = "default_reports_per_window")]
    pub per_user: usize,
    /// The window, in seconds.
    #[serde(default = "default_report_window")]
    pub window_secs: u64,
}

/// How a Discord bot receives interactions.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum DiscordMode {
    /// A gateway (WebSocket) connection per shard.
    #[default]
    Gateway,
    /// An HTTP interactions endpoint; stateless, so it scales out behind a load balancer.
    Http,
}

/// The `[discord]` section.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DiscordConfig {
    #[serde(default)]
    pub enabled: bool,
    #[serde(default)]
    pub mode: DiscordMode,
    /// The environment variable that holds the bot token.
    #[serde(default = "default_discord_token_env")]
    pub token_env: String,
    /// Or a file that holds the token (read when the variable is unset).
    pub token_file: Option<PathBuf>,
    /// The application id (needed to register commands in HTTP mode).
    pub application_id: Option<u64>,
    /// The environment variable holding the application's public key (hex), for HTTP mode.
    #[serde(default = "default_discord_public_key_env")]
    pub public_key_env: String,
    /// Register commands to these guilds (fast to update) instead of globally.
    #[serde(default)]
    pub guilds: Vec<u64>,
    /// HTTP mode: the address to listen on.
    #[serde(default = "default_http_listen")]
    pub listen: String,
    /// Gateway mode: run shards `first..=last` of `total` (for several machines).
    pub shards: Option<ShardRange>,
    /// A channel id for moderator notices (reload errors, new reports).
    pub moderator_channel: Option<u64>,
    /// Testing only: the REST API base (e.g. `http://127.0.0.1:PORT`), instead of discord.com.
    pub api_base: Option<String>,
    /// HTTP mode: the application's public key (hex). It is public, so it may
    /// live here; when unset it is read from `public_key_env`.
    pub public_key: Option<String>,
    /// Translations of command names and descriptions, by Discord locale.
    #[serde(default = "default_discord_locales")]
    pub locales: PathBuf,
    /// Answers that take longer than this are deferred ("thinking…") and
    /// edited in when ready (Discord allows 3 s for the first response; at
    /// most 2500 is used; 0 defers every command).
    #[serde(default = "default_defer_after_ms")]
    pub defer_after_ms: u64,
    /// HTTP mode: the largest request body accepted, in bytes.
    #[serde(default = "default_max_body_bytes")]
    pub max_body_bytes: usize,
    /// HTTP mode: requests whose `X-Signature-Timestamp` is further than this
    /// from the local clock (either way) are refused, so a captured request
    /// cannot be replayed later. At least 1.
    #[serde(default = "default_timestamp_window_secs")]
    pub timestamp_window_secs: u64,
    /// HTTP mode: how many answers to commands that only read the fact
    /// base are kept, as the JSON sent, until the base changes (0: none).
    #[serde(default = "default_answer_cache_entries")]
    pub answer_cache_entries: usize,
}

/// A range of gateway shards.
#[derive(Debug, Clone, Copy, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ShardRange {
    pub first: u32,
    pub last: u32,
    pub total: u32,
}

/// The `[matrix]` section.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MatrixConfig {
    #[serde(default)]
    pub enabled: bool,
    /// e.g. `https://matrix.example.org`.
    pub homeserver: Option<String>,
    /// e.g. `@histbot:example.org`.
    pub user_id: Option<String>,
    /// The environment variable holding the password.
    #[serde(default = "default_matrix_password_env")]
    pub password_env: String,
    /// Or a file holding the password.
    pub password_file: Option<PathBuf>,
    /// The environment variable holding an access token (instead of a password).
    #[serde(default = "default_matrix_token_env")]
    pub access_token_env: String,
    /// Or a file holding the access token.
    pub access_token_file: Option<PathBuf>,
    /// Where the encrypted session store lives (default: `<data_dir>/matrix`).
    pub store_dir: Option<PathBuf>,
    /// The command prefix in rooms.
    #[serde(default = "default_prefix")]
    pub prefix: String,
    /// Accept invites only from these users (`@a:b`) or servers (`b`); empty: anyone.
    #[serde(default)]
    pub allowed_inviters: Vec<String>,
    /// The room power level a moderator needs.
    #[serde(default = "default_power_level")]
    pub moderator_power_level: i64,
    /// A room id for moderator notices.
    pub moderator_room: Option<String>,
}

fn yes() -> bool { true }
fn default_facts() -> PathBuf { PathBuf::from("facts") }
fn default_intents() -> PathBuf { PathBuf::from("config/intents.toml") }
fn default_data_dir() -> PathBuf { PathBuf::from("data") }
fn default_locale() -> String { "en".into() }
fn default_database_password_env() -> String { "HISTBOT_DATABASE_PASSWORD".into() }
fn default_debounce() -> u64 { 500 }
fn default_gap_retention_days() -> u64 { 90 }
fn default_gap_window_days() -> u64 { 30 }
fn default_reports_per_window() -> usize { 5 }
fn default_report_window() -> u64 { 3600 }
fn default_discord_token_env() -> String { "DISCORD_TOKEN".into() }
fn default_discord_public_key_env() -> String { "DISCORD_PUBLIC_KEY".into() }
fn default_http_listen() -> String { "127.0.0.1:8080".into() }
fn default_discord_locales() -> PathBuf { PathBuf::from("config/discord-locales.toml") }
fn default_defer_after_ms() -> u64 { 2000 }
fn default_max_body_bytes() -> usize { 64 * 1024 }
fn default_timestamp_window_secs() -> u64 { 300 }
fn default_answer_cache_entries() -> usize { 2048 }
fn default_matrix_password_env() -> String { "MATRIX_PASSWORD".into() }
fn default_matrix_token_env() -> String { "MATRIX_ACCESS_TOKEN".into() }
fn default_prefix() -> String { "!".into() }
fn default_power_level() -> i64 { 50 }
fn default_question_secs() -> u64 { crate::study::round::DEFAULT_QUESTION_SECS }

impl Default for StudyConfig {
    fn default() -> Self { StudyConfig { question_secs: default_question_secs(), daily: None } }
}

impl Default for ReloadConfig {
    fn default() -> Self { ReloadConfig { watch: true, debounce_ms: default_debounce() } }
}

impl Default for GapsConfig {
    fn default() -> Self { GapsConfig { retention_days: default_gap_retention_days(), window_days: default_gap_window_days() } }
}

impl Default for ReportsConfig {
    fn default() -> Self { ReportsConfig { per_user: default_reports_per_window(), window_secs: default_report_window() } }
}

impl Default for DiscordConfig {
    fn default() -> Self {
        toml::from_str("").unwrap_or_else(|_| unreachable_default())
    }
}

impl Default for MatrixConfig {
    fn default() -> Self {
        toml::from_str("").unwrap_or_else(|_| unreachable_default())
    }
}

impl Default for Config {
    fn default() -> Self {
        toml::from_str("").unwrap_or_else(|_| unreachable_default())
    }
}

/// Every field above has a serde default, so an empty table always parses.
fn unreachable_default<T>() -> T {
    panic!("an empty config table must parse: every field has a default")
}

/// Why a config file could not be used.
#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("{}", render(.0))]
    Invalid(Vec<Diagnostic>),
}

fn render(diagnostics: &[Diagnostic]) -> String {
    diagnostics.iter().map(ToString::to_string).collect::<Vec<_>>().join("\n")
}

impl Config {
    /// Read a config file. Relative paths in it are taken relative to the
    /// current directory (run histbot from the repository root).
    pub fn load(path: &Path) -> Result<Config, ConfigError> {
        let content = std::fs::read_to_string(path).map_err(|error| {
            ConfigError::Invalid(vec![Diagnostic::error("unreadable-file", path, "", None)
                .message(format!("cannot read the config file: {error}"))
                .help("pass an existing file with --config, or run from the repository root so config/histbot.toml is found")])
        })?;
        Config::parse(path, &content)
    }

    /// Parse config text; errors name the key and line.
    pub fn parse(path: &Path, content: &str) -> Result<Config, ConfigError> {
        let mut diagnostics = Vec::new();
        let config = parse_toml::<Config>(path, content, &mut diagnostics);
        match config {
            Some(config) => {
                let problems = config.validate(path, content);
                if problems.is_empty() { Ok(config) } else { Err(ConfigError::Invalid(problems)) }
            }
            None => Err(ConfigError::Invalid(diagnostics)),
        }
    }

    fn validate(&self, path: &Path, content: &str) -> Vec<Diagnostic> {
        let mut problems = Vec::new();
        let at = |key: &str| content.find(key).map(|i| i..i + key.len());
        if self.matrix.enabled && (self.matrix.homeserver.is_none() || self.matrix.user_id.is_none()) {
            problems.push(
                Diagnostic::error("config-missing-key", path, content, at("[matrix]"))
                    .message("[matrix] is enabled but `homeserver` or `user_id` is missing")
                    .help("set homeserver = \"https://…\" and user_id = \"@bot:server\" in [matrix]"),
            );
        }
        if self.discord.timestamp_window_secs == 0 {
            problems.push(
                Diagnostic::error("config-bad-value", path, content, at("timestamp_window_secs"))
                    .message("`timestamp_window_secs` must be at least 1")
                    .help("the default, 300 (five minutes), allows for clock drift; a smaller window only tightens replay protection"),
            );
        }
        problems.extend(self.moderation.problems(path, content));
        problems.extend(self.study.daily.iter().flat_map(|daily| daily.problems(path, content)));
        if self.study.question_secs == 0 || self.study.question_secs > 600 {
            problems.push(
                Diagnostic::error("config-bad-value", path, content, at("question_secs"))
                    .message("`question_secs` must be from 1 to 600")
                    .help("the default, 20, gives everyone time to read the question and its options"),
            );
        }
        problems.extend(self.database_problems(path, content));
        if let Some(shards) = self.discord.shards {
            if shards.first > shards.last || shards.last >= shards.total {
                problems.push(
                    Diagnostic::error("config-bad-value", path, content, at("shards"))
                        .message("`shards` must satisfy first ≤ last < total")
                        .help("e.g. shards = { first = 0, last = 1, total = 4 } runs shards 0 and 1 of 4"),
                );
            }
        }
        problems
    }

    /// Where the store lives: `database` with its password read from the
    /// environment or a file, else SQLite in the data directory.
    pub fn store_location(&self) -> crate::store::Location {
        match &self.database {
            Some(url) => crate::store::Location::Postgres {
                url: url.clone(),
                password: secret(&self.database_password_env, self.database_password_file.as_deref()),
            },
            None => crate::store::Location::in_data_dir(&self.data_dir),
        }
    }

    /// Where the Matrix store lives.
    pub fn matrix_store(&self) -> PathBuf {
        self.matrix.store_dir.clone().unwrap_or_else(|| self.data_dir.join("matrix"))
    }
}

impl Config {
    /// `database` must be a `postgres://` URL without a password in it.
    fn database_problems(&self, path: &Path, content: &str) -> Option<Diagnostic> {
        let url = self.database.as_deref()?;
        let at = content.find(url).map(|i| i..i + url.len());
        let rest = url.strip_prefix("postgres://").or_else(|| url.strip_prefix("postgresql://"));
        let Some(rest) = rest else {
            return Some(
                Diagnostic::error("config-bad-value", path, content, at)
                    .message("`database` takes a PostgreSQL URL (`postgres://user@host:port/db`)")
                    .help("leave it out for the SQLite default in data_dir/histbot.sqlite3"),
            );
        };
        let credentials = rest.split(['/', '?']).next().unwrap_or("").rsplit_once('@').map(|(who, _)| who);
        credentials.filter(|who| who.contains(':')).map(|_| {
            Diagnostic::error("config-bad-value", path, content, at)
                .message("`database` must not hold a password")
                .help("put it in the variable named by `database_password_env` (default HISTBOT_DATABASE_PASSWORD) or a file named by `database_password_file`")
        })
    }
}

impl ModerationConfig {
    /// Matrix entries that are not full ids: a room alias can be pointed
    /// elsewhere by whoever owns it, so only room ids are accepted.
    fn problems(&self, path: &Path, content: &str) -> Vec<Diagnostic> {
        let at = |text: &str| content.find(text).map(|i| i..i + text.len());
        let rooms = self.matrix_rooms.iter().filter(|room| !is_room_id(room)).map(|room| {
            Diagnostic::error("config-bad-value", path, content, at(room))
                .message(format!("`matrix_rooms` takes room ids, not `{room}`"))
                .help("a room id looks like \"!abcdef:example.org\" (room settings → Advanced); aliases are not accepted")
        });
        let users = self.matrix_users.iter().filter(|user| !is_matrix_id(user, '@')).map(|user| {
            Diagnostic::error("config-bad-value", path, content, at(user))
                .message(format!("`matrix_users` takes full user ids, not `{user}`"))
                .help("a user id looks like \"@alice:example.org\"")
        });
        rooms.chain(users).collect()
    }
}

/// A room id: `!opaque:server`, or since room version 12 `!opaque` alone
/// (an alias, `#name:server`, is not one).
fn is_room_id(text: &str) -> bool {
    let Some(rest) = text.strip_prefix('!') else { return false };
    let local = rest.split_once(':').map_or(rest, |(local, server)| if server.is_empty() { "" } else { local });
    !local.is_empty() && !text.chars().any(char::is_whitespace)
}

/// `!local:server` or `@local:server`: the sigil, a localpart, a colon, a server name.
fn is_matrix_id(text: &str, sigil: char) -> bool {
    text.strip_prefix(sigil).and_then(|rest| rest.split_once(':')).is_some_and(|(local, server)| !local.is_empty() && !server.is_empty())
}

/// Read a secret from an environment variable, else from a file. Never logged.
pub fn secret(env: &str, file: Option<&Path>) -> Option<String> {
    if let Ok(value) = std::env::var(env) {
        if !value.trim().is_empty() {
            return Some(value.trim().to_string());
        }
    }
    let text = std::fs::read_to_string(file?).ok()?;
    let value = text.trim();
    (!value.is_empty()).then(|| value.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shipped_config_parses() {
        let config = Config::parse(Path::new("config/histbot.toml"), include_str!("../config/histbot.toml")).expect("valid");
        assert!(!config.discord.enabled && !config.matrix.enabled);
    }

    #[test]
    fn bad_keys_are_named_with_their_line() {
        let error = Config::parse(Path::new("c.toml"), "facts = \"facts\"\n[discord]\nenabld = true\n").unwrap_err();
        let text = error.to_string();
        assert!(text.contains("unknown field `enabld`"), "{text}");
        assert!(text.contains("c.toml:3:1"), "{text}");
    }

    #[test]
    fn moderation_takes_full_matrix_ids() {
        let good = "[moderation]\ndiscord_guilds = [1]\nmatrix_rooms = [\"!a:example.org\"]\nmatrix_users = [\"@mod:example.org\"]\n";
        let config = Config::parse(Path::new("c.toml"), good).expect("valid");
        assert_eq!(config.moderation.discord_guilds, [1]);
        let error = Config::parse(Path::new("c.toml"), "[moderation]\nmatrix_rooms = [\"#mods:example.org\"]\nmatrix_users = [\"mod\"]\n").unwrap_err();
        let text = error.to_string();
        assert!(text.contains("takes room ids") && text.contains("full user ids"), "{text}");
    }

    #[test]
    fn the_daily_fact_is_checked_with_file_and_line() {
        let good = "[study]\ndaily = { channel = \"123456789012345678\", room = \"!r:example.org\", time = \"09:00\", timezone = \"Europe/Belgrade\" }\n";
        let config = Config::parse(Path::new("c.toml"), good).expect("valid");
        let daily = config.study.daily.as_ref().expect("daily");
        assert_eq!((daily.channel_id(), daily.room_id()), (Some(123456789012345678), Some("!r:example.org")));
        assert!(daily.schedule().is_ok());
        let number = Config::parse(Path::new("c.toml"), "[study]\ndaily = { channel = 42, time = \"9:30\", timezone = \"UTC\" }\n").expect("valid");
        assert_eq!(number.study.daily.and_then(|d| d.channel_id()), Some(42));

        let bad = "facts = \"facts\"\n[study.daily]\nroom = \"#r:example.org\"\ntime = \"25:00\"\ntimezone = \"Europe/Belgrad\"\n";
        let text = Config::parse(Path::new("c.toml"), bad).unwrap_err().to_string();
        assert!(text.contains("c.toml:4:8") && text.contains("`25:00` is not a time of day"), "{text}");
        assert!(text.contains("c.toml:5:12") && text.contains("`Europe/Belgrad` is not a time zone"), "{text}");
        assert!(text.contains("c.toml:3:8") && text.contains("takes a room id"), "{text}");
        let v12 = "[study]\ndaily = { room = \"!DRdi4yzS0shbH65GzvJWR1myqmIgGwFGtzhXw39ge9M\", time = \"09:00\", timezone = \"UTC\" }\n";
        assert!(Config::parse(Path::new("c.toml"), v12).is_ok(), "room version 12 ids have no server part");
        let nowhere = Config::parse(Path::new("c.toml"), "[study]\ndaily = { time = \"09:00\", timezone = \"UTC\" }\n").unwrap_err().to_string();
        assert!(nowhere.contains("c.toml:2:1") && nowhere.contains("neither a `channel` nor a `room`"), "{nowhere}");
        let offset = Config::parse(Path::new("c.toml"), "[study]\ndaily = { channel = \"1\", time = \"09:00\", timezone = \"+01:00\" }\n").unwrap_err().to_string();
        assert!(offset.contains("not a time zone"), "{offset}");
        let secs = Config::parse(Path::new("c.toml"), "[study]\nquestion_secs = 0\n").unwrap_err().to_string();
        assert!(secs.contains("c.toml:2:1") && secs.contains("from 1 to 600"), "{secs}");
    }

    #[test]
    fn defaults_without_a_file() {
        let config = Config::default();
        assert_eq!(config.facts, PathBuf::from("facts"));
        assert_eq!(config.matrix.prefix, "!");
    }
}
