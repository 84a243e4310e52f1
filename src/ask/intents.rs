//! Intent rules: regular expressions kept as data (`config/intents.toml`) that
//! route free-text questions to commands of the table.

use std::path::{Path, PathBuf};

use regex::Regex;
use serde::Deserialize;
use toml::Spanned;

use super::commands::{self, CommandSpec};
use super::parse::Invocation;
use crate::facts::diagnostic::Diagnostic;
use crate::facts::load::parse_toml;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct IntentsFile {
    #[serde(default)]
    intent: Vec<IntentRecord>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct IntentRecord {
    command: Spanned<String>,
    patterns: Vec<Spanned<String>>,
}

/// One compiled rule.
#[derive(Debug, Clone)]
struct Rule {
    command: &'static CommandSpec,
    pattern: Regex,
}

/// The compiled intent rules, in file order.
#[derive(Debug, Clone, Default)]
pub struct Intents {
    rules: Vec<Rule>,
    /// All patterns at once, to find the first matching rule in one pass.
    set: Option<regex::RegexSet>,
    /// The text the rules were compiled from (to tell whether a reload changed them).
    text: String,
}

impl Intents {
    /// Load and validate an intents file; `Err` carries every problem.
    pub fn load(path: &Path) -> Result<Intents, Vec<Diagnostic>> {
        let mut diagnostics = Vec::new();
        let content = match std::fs::read_to_string(path) {
            Ok(content) => content,
            Err(error) => {
                return Err(vec![Diagnostic::error("unreadable-file", path, "", None)
                    .message(format!("cannot read the intents file: {error}"))
                    .help("create config/intents.toml or point the config's `intents` key at it")])
            }
        };
        let intents = Intents::parse(path, &content, &mut diagnostics);
        if diagnostics.iter().any(Diagnostic::is_error) { Err(diagnostics) } else { Ok(intents) }
    }

    /// Parse intents from text, adding diagnostics for every bad rule.
    pub fn parse(path: &Path, content: &str, diagnostics: &mut Vec<Diagnostic>) -> Intents {
        let Some(file) = parse_toml::<IntentsFile>(path, content, diagnostics) else { return Intents::default() };
        let mut rules = Vec::new();
        for record in file.intent {
            let Some(command) = commands::find(record.command.get_ref()) else {
                let names: Vec<&str> = commands::COMMANDS.iter().map(|c| c.name).collect();
                diagnostics.push(
                    Diagnostic::error("unknown-command", path, content, Some(record.command.span()))
                        .message(format!("there is no command `{}`", record.command.get_ref()))
                        .help(format!("use one of: {}", names.join(", "))),
                );
                continue;
            };
            for pattern in &record.patterns {
                if let Some(rule) = compile_rule(path, content, command, pattern, diagnostics) {
                    rules.push(rule);
                }
            }
        }
        let set = regex::RegexSet::new(rules.iter().map(|rule| rule.pattern.as_str())).ok();
        Intents { rules, set, text: content.to_string() }
    }

    /// The default rules shipped in `config/intents.toml`, compiled into the binary.
    pub fn builtin() -> Intents {
        let mut diagnostics = Vec::new();
        Intents::parse(&PathBuf::from("config/intents.toml"), include_str!("../../config/intents.toml"), &mut diagnostics)
    }

    /// Route a free-text question to a command, if a rule matches.
    pub fn route(&self, question: &str) -> Option<Invocation> {
        let text = question.trim().trim_end_matches(['?', '!', '.', '？', '؟']).trim();
        let first = match &self.set {
            Some(set) => set.matches(text).iter().next()?,
            None => 0,
        };
        self.rules.iter().skip(first).find_map(|rule| {
            let captures = rule.pattern.captures(text)?;
            let mut invocation = Invocation::new(rule.command.name);
            for (position, spec) in rule.command.args.iter().enumerate() {
                let group = captures.name(spec.name).or_else(|| (position == 0).then(|| captures.name("arg")).flatten());
                if let Some(value) = group {
                    invocation.args.push((spec.name.to_string(), value.as_str().trim().to_string()));
                }
            }
            Some(invocation)
        })
    }

    /// The file text the rules came from.
    pub fn text(&self) -> &str {
        &self.text
    }

    pub fn len(&self) -> usize {
        self.rules.len()
    }

    pub fn is_empty(&self) -> bool {
        self.rules.is_empty()
    }
}

fn compile_rule(
    path: &Path,
    content: &str,
    command: &'static CommandSpec,
    pattern: &Spanned<String>,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<Rule> {
    let regex = match Regex::new(pattern.get_ref()) {
        Ok(regex) => regex,
        Err(error) => {
            diagnostics.push(
                Diagnostic::error("bad-intent-pattern", path, content, Some(pattern.span()))
                    .message(format!("this pattern is not a valid regular expression: {}", first_line(&error.to_string())))
                    .help("fix the pattern; write it in '…' (literal) quotes so backslashes stay as typed"),
            );
            return None;
        }
    };
    let allowed: Vec<&str> = command.args.iter().map(|a| a.name).chain(["arg"]).collect();
    for name in regex.capture_names().flatten() {
        if !allowed.contains(&name) {
            diagnostics.push(
                Diagnostic::error("bad-intent-group", path, content, Some(pattern.span()))
                    .message(format!("the group `{name}` is not an argument of `{}`", command.name))
                    .help(format!("name groups after the command's arguments: {}", allowed.join(", "))),
            );
        }
    }
    let required_missing = command.args.iter().enumerate().any(|(position, arg)| {
        arg.required && !regex.capture_names().flatten().any(|n| n == arg.name || (position == 0 && n == "arg"))
    });
    if required_missing && !command.args.is_empty() && command.name != "help" {
        diagnostics.push(
            Diagnostic::warning("intent-missing-argument", path, content, Some(pattern.span()))
                .message(format!("this pattern captures no value for every required argument of `{}`", command.name))
                .help("add named groups such as (?P<arg>.+) so the question's subject reaches the command"),
        );
    }
    Some(Rule { command, pattern: regex })
}

fn first_line(text: &str) -> String {
    text.lines().rev().find(|line| !line.trim().is_empty()).unwrap_or(text).trim().to_string()
}
