//! Slash commands generated from the one command table
//! ([`crate::ask::commands::COMMANDS`]), their translations, and
//! registration that only writes when what Discord has differs.

use std::collections::BTreeMap;
use std::path::Path;

use serde::Deserialize;
use serde_json::{json, Map, Value};
use serenity::http::{Http, LightMethod, Request, Route};
use serenity::model::id::{ApplicationId, GuildId};

use super::interaction::MODERATOR_PERMISSIONS;
use super::DiscordError;
use crate::ask::commands::{self, Access, ArgKind, ArgSpec, CommandSpec, COMMANDS};

/// Option types.
const STRING: u64 = 3;
const INTEGER: u64 = 4;

/// Interaction contexts: a server, the bot's DMs.
const GUILD: u64 = 0;
const BOT_DM: u64 = 1;

/// The longest free text an option accepts.
const TEXT_MAX_LENGTH: u64 = 400;

/// The locales Discord supports (there is no `sr`: Serbian speakers pick
/// another language in their client).
pub const DISCORD_LOCALES: &[&str] = &[
    "id", "da", "de", "en-GB", "en-US", "es-ES", "es-419", "fr", "hr", "it", "lt", "hu", "nl", "no", "pl", "pt-BR", "ro", "fi",
    "sv-SE", "vi", "tr", "cs", "el", "bg", "ru", "uk", "hi", "th", "zh-CN", "ja", "zh-TW", "ko",
];

/// One command's text in one locale.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CommandText {
    /// A localized command name (lowercase, no spaces, ≤ 32).
    pub name: Option<String>,
    pub description: Option<String>,
    /// Option name → localized description.
    #[serde(default)]
    pub options: BTreeMap<String, String>,
}

/// Translations: locale → command → text. Loaded from `config/discord-locales.toml`.
#[derive(Debug, Clone, Default)]
pub struct Locales {
    by_locale: BTreeMap<String, BTreeMap<String, CommandText>>,
}

impl Locales {
    /// Load the translations; problems are logged and the faulty entries left
    /// out, so a typo in a translation never stops the bot.
    pub fn load(path: &Path) -> Locales {
        let text = match std::fs::read_to_string(path) {
            Ok(text) => text,
            Err(error) => {
                tracing::warn!(path = %path.display(), %error, "no command translations; commands are registered in English only");
                return Locales::default();
            }
        };
        match Locales::parse(&text) {
            Ok((locales, problems)) => {
                for problem in problems {
                    tracing::warn!(path = %path.display(), "{problem}");
                }
                locales
            }
            Err(error) => {
                tracing::warn!(path = %path.display(), %error, "unreadable command translations; commands are registered in English only");
                Locales::default()
            }
        }
    }

    /// Parse translations; returns them with the problems found (entries with
    /// problems are dropped).
    pub fn parse(text: &str) -> Result<(Locales, Vec<String>), toml::de::Error> {
        let raw: BTreeMap<String, BTreeMap<String, CommandText>> = toml::from_str(text)?;
        let mut problems = Vec::new();
        let mut by_locale = BTreeMap::new();
        for (locale, commands_text) in raw {
            if !DISCORD_LOCALES.contains(&locale.as_str()) {
                problems.push(format!("`{locale}` is not a Discord locale (Discord has no `sr`); its translations are not used"));
                continue;
            }
            let mut kept = BTreeMap::new();
            let mut names_seen = Vec::new();
            for (command, mut text) in commands_text {
                let Some(spec) = commands::find(&command) else {
                    problems.push(format!("[{locale}.{command}]: there is no command `{command}`"));
                    continue;
                };
                if let Some(name) = &text.name {
                    if !valid_name(name) || names_seen.contains(name) {
                        problems.push(format!("[{locale}.{command}]: `{name}` is not a usable command name (lowercase letters, digits, - or _, at most 32, unique)"));
                        text.name = None;
                    } else {
                        names_seen.push(name.clone());
                    }
                }
                if let Some(description) = &text.description {
                    if description.trim().is_empty() || description.chars().count() > 100 {
                        problems.push(format!("[{locale}.{command}]: the description must have 1 to 100 characters"));
                        text.description = None;
                    }
                }
                text.options.retain(|option, description| {
                    let known = spec.args.iter().any(|a| a.name == option);
                    let fits = !description.trim().is_empty() && description.chars().count() <= 100;
                    if !known || !fits {
                        problems.push(format!("[{locale}.{command}] option `{option}`: {}", if known { "the description must have 1 to 100 characters" } else { "no such option" }));
                    }
                    known && fits
                });
                kept.insert(spec.name.to_string(), text);
            }
            by_locale.insert(locale, kept);
        }
        Ok((Locales { by_locale }, problems))
    }

    fn texts<'a>(&'a self, command: &'a str) -> impl Iterator<Item = (&'a str, &'a CommandText)> + 'a {
        self.by_locale.iter().filter_map(move |(locale, commands)| commands.get(command).map(|text| (locale.as_str(), text)))
    }

    /// The locales that have any translation.
    pub fn locales(&self) -> Vec<&str> {
        self.by_locale.keys().map(String::as_str).collect()
    }
}

/// Discord's rule for command and option names, in any script.
fn valid_name(name: &str) -> bool {
    let count = name.chars().count();
    (1..=32).contains(&count)
        && name.chars().all(|c| (c.is_alphanumeric() || c == '-' || c == '_') && !c.is_uppercase())
}

/// The whole command set, as Discord's bulk-overwrite endpoint takes it.
pub fn payload(locales: &Locales) -> Vec<Value> {
    COMMANDS.iter().map(|command| command_json(command, locales)).collect()
}

fn command_json(command: &CommandSpec, locales: &Locales) -> Value {
    let mut out = Map::new();
    out.insert("name".into(), json!(command.name));
    out.insert("type".into(), json!(1));
    out.insert("description".into(), json!(command.summary));
    let names: Map<String, Value> = locales.texts(command.name).filter_map(|(l, t)| Some((l.to_string(), json!(t.name.as_ref()?)))).collect();
    if !names.is_empty() {
        out.insert("name_localizations".into(), Value::Object(names));
    }
    let descriptions: Map<String, Value> = locales.texts(command.name).filter_map(|(l, t)| Some((l.to_string(), json!(t.description.as_ref()?)))).collect();
    if !descriptions.is_empty() {
        out.insert("description_localizations".into(), Value::Object(descriptions));
    }
    let options: Vec<Value> = command.args.iter().map(|arg| option_json(command, arg, locales)).collect();
    if !options.is_empty() {
        out.insert("options".into(), Value::Array(options));
    }
    match command.access {
        Access::Moderator => {
            out.insert("default_member_permissions".into(), json!(MODERATOR_PERMISSIONS.to_string()));
            out.insert("contexts".into(), json!([GUILD]));
        }
        Access::Everyone => {
            out.insert("contexts".into(), json!([GUILD, BOT_DM]));
        }
    }
    out.insert("integration_types".into(), json!([0]));
    Value::Object(out)
}

fn option_json(command: &CommandSpec, arg: &ArgSpec, locales: &Locales) -> Value {
    let mut out = Map::new();
    let kind = match arg.kind {
        ArgKind::Year | ArgKind::Page | ArgKind::Count => INTEGER,
        _ => STRING,
    };
    out.insert("type".into(), json!(kind));
    out.insert("name".into(), json!(arg.name));
    out.insert("description".into(), json!(arg.description));
    if arg.required {
        out.insert("required".into(), json!(true));
    }
    match arg.kind {
        ArgKind::Year => {
            out.insert("min_value".into(), json!(commands::YEAR_MIN));
            out.insert("max_value".into(), json!(commands::YEAR_MAX));
        }
        ArgKind::Page => {
            out.insert("min_value".into(), json!(1));
        }
        ArgKind::Count => {
            out.insert("min_value".into(), json!(1));
            out.insert("max_value".into(), json!(commands::QUIZ_COUNT_MAX));
        }
        kind if kind.autocompletes() => {
            out.insert("autocomplete".into(), json!(true));
            out.insert("max_length".into(), json!(100));
        }
        _ => {
            // Closed sets get choices; free text gets a length bound.
            let choices: Option<Vec<&str>> = match (command.name, arg.name) {
                ("facts", "action") => Some(commands::FACTS_ACTIONS.to_vec()),
                ("help", "command") => Some(COMMANDS.iter().map(|c| c.name).collect()),
                _ => None,
            };
            match choices {
                Some(choices) => {
                    out.insert("choices".into(), Value::Array(choices.into_iter().map(|c| json!({ "name": c, "value": c })).collect()));
                }
                None => {
                    out.insert("max_length".into(), json!(TEXT_MAX_LENGTH));
                }
            }
        }
    }
    let descriptions: Map<String, Value> = locales
        .texts(command.name)
        .filter_map(|(l, t)| Some((l.to_string(), json!(t.options.get(arg.name)?))))
        .collect();
    if !descriptions.is_empty() {
        out.insert("description_localizations".into(), Value::Object(descriptions));
    }
    Value::Object(out)
}

/// Whether the commands Discord has (`remote`, as `GET …/commands?with_localizations=true`
/// returns them) differ from `desired`. Fields Discord adds (ids, versions)
/// are ignored, and absent defaults equal their values (`required: false`…).
pub fn differs(desired: &[Value], remote: &[Value]) -> bool {
    let canon = |list: &[Value]| {
        let mut list: Vec<Value> = list.iter().map(canonical_command).collect();
        list.sort_by_key(|c| c["name"].as_str().unwrap_or_default().to_string());
        list
    };
    canon(desired) != canon(remote)
}

fn canonical_command(command: &Value) -> Value {
    json!({
        "name": command.get("name"),
        "type": command.get("type").and_then(Value::as_u64).unwrap_or(1),
        "description": command.get("description"),
        "name_localizations": localizations(command.get("name_localizations")),
        "description_localizations": localizations(command.get("description_localizations")),
        "default_member_permissions": command.get("default_member_permissions").filter(|v| !v.is_null()).map(json_text),
        "contexts": sorted_numbers(command.get("contexts")),
        "integration_types": sorted_numbers(command.get("integration_types")),
        "options": command.get("options").and_then(Value::as_array).map(|o| o.iter().map(canonical_option).collect::<Vec<_>>()).unwrap_or_default(),
    })
}

fn canonical_option(option: &Value) -> Value {
    let number = |key: &str| option.get(key).and_then(Value::as_f64);
    json!({
        "type": option.get("type"),
        "name": option.get("name"),
        "description": option.get("description"),
        "required": option.get("required").and_then(Value::as_bool).unwrap_or(false),
        "autocomplete": option.get("autocomplete").and_then(Value::as_bool).unwrap_or(false),
        "min_value": number("min_value"),
        "max_value": number("max_value"),
        "min_length": number("min_length"),
        "max_length": number("max_length"),
        "choices": option.get("choices").and_then(Value::as_array).map(|c| c.iter().map(|c| json!({ "name": c.get("name"), "value": c.get("value") })).collect::<Vec<_>>()).unwrap_or_default(),
        "name_localizations": localizations(option.get("name_localizations")),
        "description_localizations": localizations(option.get("description_localizations")),
    })
}

fn localizations(value: Option<&Value>) -> Value {
    match value {
        Some(Value::Object(map)) if !map.is_empty() => Value::Object(map.clone()),
        _ => json!({}),
    }
}

fn sorted_numbers(value: Option<&Value>) -> Value {
    match value.and_then(Value::as_array) {
        Some(list) => {
            let mut numbers: Vec<u64> = list.iter().filter_map(Value::as_u64).collect();
            numbers.sort_unstable();
            json!(numbers)
        }
        None => Value::Null,
    }
}

fn json_text(value: &Value) -> String {
    match value {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

/// What registration did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Registration {
    /// Discord already had exactly these commands.
    Unchanged,
    /// The set was written.
    Updated,
}

/// Register the commands globally, or to each of `guilds` (instant updates,
/// for development) — writing only where Discord's set differs.
pub async fn register(http: &Http, application_id: ApplicationId, guilds: &[u64], locales: &Locales) -> Result<Registration, DiscordError> {
    let desired = payload(locales);
    let mut outcome = Registration::Unchanged;
    let scopes: Vec<Option<GuildId>> = if guilds.is_empty() { vec![None] } else { guilds.iter().map(|&g| Some(GuildId::new(g))).collect() };
    for scope in scopes {
        let route = || match scope {
            Some(guild_id) => Route::GuildCommands { application_id, guild_id },
            None => Route::Commands { application_id },
        };
        let current = http
            .fire::<Vec<Value>>(Request::new(route(), LightMethod::Get).params(Some(vec![("with_localizations", "true".to_string())])))
            .await;
        let current = match current {
            Ok(current) => Some(current),
            Err(error) => {
                tracing::warn!(error = %super::redact_error(&error), "could not read the registered commands; writing them");
                None
            }
        };
        let scope_name = scope.map_or_else(|| "global".to_string(), |g| format!("guild {g}"));
        if current.as_deref().is_some_and(|current| !differs(&desired, current)) {
            tracing::info!(scope = %scope_name, commands = desired.len(), "slash commands already up to date");
            continue;
        }
        let body = serde_json::to_vec(&desired).map_err(|e| DiscordError::Rest(e.to_string()))?;
        http.request(Request::new(route(), LightMethod::Put).body(Some(body)))
            .await
            .map_err(|error| DiscordError::Rest(format!("registering the slash commands ({scope_name}): {}", super::redact_error(&error))))?;
        tracing::info!(scope = %scope_name, commands = desired.len(), "slash commands registered");
        outcome = Registration::Updated;
    }
    Ok(outcome)
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = r#"
[ru.when]
description = "Когда это произошло?"
options = { event = "Событие или договор" }

[sr.when]
description = "Када?"

[hr.who]
name = "tko"
description = "Tko je to bio?"

[uk.frobnicate]
description = "x"
"#;

    #[test]
    fn translations_are_checked() {
        let (locales, problems) = Locales::parse(SAMPLE).unwrap();
        assert_eq!(locales.locales(), vec!["hr", "ru", "uk"]);
        assert!(problems.iter().any(|p| p.contains("`sr` is not a Discord locale")), "{problems:?}");
        assert!(problems.iter().any(|p| p.contains("no command `frobnicate`")), "{problems:?}");
        let commands = payload(&locales);
        let when = commands.iter().find(|c| c["name"] == "when").unwrap();
        assert_eq!(when["description_localizations"]["ru"], "Когда это произошло?");
        assert_eq!(when["options"][0]["description_localizations"]["ru"], "Событие или договор");
        let who = commands.iter().find(|c| c["name"] == "who").unwrap();
        assert_eq!(who["name_localizations"]["hr"], "tko");
    }

    #[test]
    fn shipped_translations_are_clean_and_complete() {
        let (locales, problems) = Locales::parse(include_str!("../../config/discord-locales.toml")).unwrap();
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(locales.locales(), vec!["hr", "ru", "uk"]);
        for command in payload(&locales) {
            for locale in ["hr", "ru", "uk"] {
                assert!(command["description_localizations"][locale].is_string(), "{} has no {locale} description", command["name"]);
                for option in command["options"].as_array().into_iter().flatten() {
                    assert!(option["description_localizations"][locale].is_string(), "{}/{} has no {locale} description", command["name"], option["name"]);
                }
            }
        }
    }

    #[test]
    fn bad_names_are_dropped() {
        let (locales, problems) = Locales::parse("[ru.when]\nname = \"Когда Это\"\ndescription = \"x\"\n").unwrap();
        assert_eq!(problems.len(), 1);
        assert!(payload(&locales).iter().all(|c| c.get("name_localizations").is_none()));
    }

    #[test]
    fn the_table_becomes_typed_options() {
        let commands = payload(&Locales::default());
        assert_eq!(commands.len(), COMMANDS.len());
        let year = commands.iter().find(|c| c["name"] == "year").unwrap();
        assert_eq!(year["options"][0], json!({ "type": 4, "name": "year", "description": "A year, e.g. 1948", "required": true, "min_value": 1300, "max_value": 2100 }));
        assert_eq!(year["options"][1]["min_value"], 1);
        let when = commands.iter().find(|c| c["name"] == "when").unwrap();
        assert_eq!(when["options"][0]["autocomplete"], true);
        let reload = commands.iter().find(|c| c["name"] == "reload").unwrap();
        assert_eq!(reload["default_member_permissions"], "32");
        assert_eq!(reload["contexts"], json!([0]));
        for command in &commands {
            assert!(command["description"].as_str().unwrap().chars().count() <= 100);
            for option in command["options"].as_array().into_iter().flatten() {
                assert!(option.get("choices").and_then(Value::as_array).map_or(0, Vec::len) <= 25);
            }
        }
    }

    #[test]
    fn the_diff_ignores_what_discord_adds() {
        let desired = payload(&Locales::default());
        let mut remote: Vec<Value> = desired.clone();
        for (i, command) in remote.iter_mut().enumerate() {
            command["id"] = json!(i.to_string());
            command["application_id"] = json!("1");
            command["version"] = json!("5");
            command["nsfw"] = json!(false);
            command["name_localizations"] = Value::Null;
        }
        remote.reverse();
        assert!(!differs(&desired, &remote));
        remote[0]["description"] = json!("changed");
        assert!(differs(&desired, &remote));
        assert!(differs(&desired, &remote[1..]));
    }
}
