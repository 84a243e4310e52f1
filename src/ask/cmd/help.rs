//! `help [command]`: generated from the command table.

use crate::ask::answer::{Answer, Outcome};
use crate::ask::commands::{self, Access, COMMANDS};
use crate::ask::engine::Engine;

pub fn run(_engine: &Engine, command: Option<&str>) -> Answer {
    let wanted = command.map(|c| c.trim().trim_start_matches(['/', '!'])).filter(|c| !c.is_empty());
    if let Some(name) = wanted {
        return match commands::find(name) {
            Some(spec) => one(spec),
            None => Answer::new("help", Outcome::Error, format!("There is no command `{}`.", crate::text::echo::echo(name))).text(list_text()),
        };
    }
    Answer::new("help", Outcome::Help, "histbot: Soviet–Yugoslav and Russian–Serbian relations, with sources")
        .text(list_text())
        .text("Or just ask, e.g. “when did Tito get the Order of Lenin?”. Every answer quotes its source word for word; when the fact base has no answer, histbot says so.")
}

fn list_text() -> String {
    COMMANDS
        .iter()
        .filter(|c| c.access == Access::Everyone)
        .map(|c| format!("/{}{} — {}", c.name, usage(c), c.summary))
        .collect::<Vec<_>>()
        .join("\n")
}

/// ` <event>` / ` [page]` argument list for a command.
pub fn usage(spec: &commands::CommandSpec) -> String {
    spec.args
        .iter()
        .map(|a| if a.required { format!(" <{}>", a.name) } else { format!(" [{}]", a.name) })
        .collect()
}

fn one(spec: &commands::CommandSpec) -> Answer {
    let mut text = format!("/{}{}\n{}\n{}", spec.name, usage(spec), spec.summary, spec.help);
    for arg in spec.args {
        text.push_str(&format!("\n  {}: {}{}", arg.name, arg.description, if arg.required { "" } else { " (optional)" }));
    }
    if spec.access == Access::Moderator {
        text.push_str("\nModerators only.");
    }
    Answer::new("help", Outcome::Help, format!("/{}", spec.name)).text(text)
}
