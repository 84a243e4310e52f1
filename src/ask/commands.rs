//! The one command table. Discord slash commands, Matrix `!` commands, the
//! console and `help` are all generated from [`COMMANDS`].

use serde::Serialize;

/// What an argument holds; front ends map this to their own option types
/// (Discord: integer with bounds, or string with autocomplete).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ArgKind {
    /// An event or a treaty.
    Happening,
    /// A treaty.
    Treaty,
    /// A person.
    Person,
    /// Any entry.
    Entry,
    /// A year or any entry (`compare`).
    YearOrEntry,
    /// A period, by name or by a year in it (`period`).
    Period,
    /// A year, within bounds.
    Year,
    /// A page number, from 1.
    Page,
    /// What a quiz round is about (a tag, a period, years, a kind), or one
    /// of [`QUIZ_ACTIONS`] (`stop`, `me`, `leaderboard`, `stats`).
    QuizTopic,
    /// How many quiz questions, from 1 to [`QUIZ_COUNT_MAX`].
    Count,
    /// Free text.
    Text,
}

impl ArgKind {
    /// Whether the argument names entries (and so gets autocomplete).
    pub fn names_entries(self) -> bool {
        matches!(self, ArgKind::Happening | ArgKind::Treaty | ArgKind::Person | ArgKind::Entry | ArgKind::YearOrEntry | ArgKind::Period)
    }

    /// Whether front ends offer completions for the argument (entries, or
    /// quiz topics and actions).
    pub fn autocompletes(self) -> bool {
        self.names_entries() || self == ArgKind::QuizTopic
    }
}

/// The most questions a quiz round may have.
pub const QUIZ_COUNT_MAX: i64 = 20;

/// The words of `quiz` that are not topics: `quiz stop`, `quiz me [count]`,
/// `quiz leaderboard [week|all]`, `quiz stats`.
pub const QUIZ_ACTIONS: &[&str] = &["stop", "me", "leaderboard", "stats"];

/// The years the fact base can be asked about.
pub const YEAR_MIN: i64 = 1300;
pub const YEAR_MAX: i64 = 2100;

/// One argument of a command.
#[derive(Debug, Clone, Copy, Serialize)]
pub struct ArgSpec {
    pub name: &'static str,
    pub description: &'static str,
    pub kind: ArgKind,
    pub required: bool,
}

/// Who may run a command.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Access {
    Everyone,
    /// Gated by each front end (Discord permissions, Matrix power level),
    /// and checked again when the command runs.
    Moderator,
}

/// One command of the table.
#[derive(Debug, Clone, Copy, Serialize)]
pub struct CommandSpec {
    pub name: &'static str,
    /// One line, ≤ 100 characters (Discord's limit for descriptions).
    pub summary: &'static str,
    /// Longer help, with an example.
    pub help: &'static str,
    pub args: &'static [ArgSpec],
    pub access: Access,
}

const fn arg(name: &'static str, description: &'static str, kind: ArgKind, required: bool) -> ArgSpec {
    ArgSpec { name, description, kind, required }
}

/// Every command histbot understands, in the order `help` lists them.
pub const COMMANDS: &[CommandSpec] = &[
    CommandSpec {
        name: "when",
        summary: "When did an event happen or a treaty get signed?",
        help: "The date, what happened, and the passage it comes from. Example: `when belgrade-declaration`.",
        args: &[arg("event", "An event or treaty, e.g. belgrade-declaration", ArgKind::Happening, true)],
        access: Access::Everyone,
    },
    CommandSpec {
        name: "who",
        summary: "Who was this person in Soviet–Yugoslav and Russian–Serbian relations?",
        help: "Their role and their dated involvement, each with its excerpt. Example: `who tito`.",
        args: &[arg("person", "A person, e.g. tito", ArgKind::Person, true)],
        access: Access::Everyone,
    },
    CommandSpec {
        name: "treaty",
        summary: "Parties, date, place and effect of a treaty or agreement.",
        help: "Parties and signatories, date, place, what it did, and the excerpt. Example: `treaty akkerman-convention`.",
        args: &[arg("treaty", "A treaty, declaration or agreement", ArgKind::Treaty, true)],
        access: Access::Everyone,
    },
    CommandSpec {
        name: "year",
        summary: "Everything dated in one year, in order.",
        help: "Each entry dated in that year, with its excerpt. Example: `year 1948`.",
        args: &[
            arg("year", "A year, e.g. 1948", ArgKind::Year, true),
            arg("page", "Page of a long list", ArgKind::Page, false),
        ],
        access: Access::Everyone,
    },
    CommandSpec {
        name: "timeline",
        summary: "A chronological list over a range of years, or of one topic.",
        help: "Entries between two years, or the dated entries about one topic (an event, a person, a theme), oldest first, in pages. Examples: `timeline 1941 1948`, `timeline tito stalin split`.",
        args: &[
            arg("from", "First year, or a topic", ArgKind::YearOrEntry, true),
            arg("to", "Last year", ArgKind::Year, false),
            arg("page", "Page of a long list", ArgKind::Page, false),
        ],
        access: Access::Everyone,
    },
    CommandSpec {
        name: "compare",
        summary: "Two years (their periods, what links them, every entry) or two entries side by side.",
        help: "Two years: the period each falls in, the quotes that speak of both, then every entry of both years, in pages. Two entries (events, treaties, people or periods): date, parties, people, place, period and what each did, side by side. Examples: `compare 1956 1968`, `compare tito-stalin-split belgrade-declaration`.",
        args: &[
            arg("a", "A year or an entry", ArgKind::YearOrEntry, true),
            arg("b", "Another year or entry", ArgKind::YearOrEntry, true),
            arg("page", "Page of a long comparison of two years", ArgKind::Page, false),
        ],
        access: Access::Everyone,
    },
    CommandSpec {
        name: "period",
        summary: "A period of the relations (by name or year): its dates, quotes and main entries.",
        help: "The period as the sources describe it, the quotes that give its start and end, and its main events and treaties. Without an argument, every period. Examples: `period 1950`, `period normalization`.",
        args: &[arg("period", "A period's name, or a year, e.g. 1950", ArgKind::Period, false)],
        access: Access::Everyone,
    },
    CommandSpec {
        name: "source",
        summary: "The whole passage a fact comes from, with its section and link.",
        help: "Example: `source tito-order-of-lenin`.",
        args: &[arg("entry", "Any event, treaty or person", ArgKind::Entry, true)],
        access: Access::Everyone,
    },
    CommandSpec {
        name: "ask",
        summary: "Ask a question in your own words.",
        help: "Example: `ask when did Tito get the Order of Lenin?`. Questions outside the fact base get \"I don't know\".",
        args: &[arg("question", "Your question", ArgKind::Text, true)],
        access: Access::Everyone,
    },
    CommandSpec {
        name: "report",
        summary: "Report a wrong answer to the moderators.",
        help: "Example: `report belgrade-declaration the date should be 1955`. Moderators review the queue.",
        args: &[
            arg("entry", "The entry that is wrong", ArgKind::Entry, true),
            arg("problem", "What is wrong", ArgKind::Text, true),
        ],
        access: Access::Everyone,
    },
    CommandSpec {
        name: "quiz",
        summary: "Study mode: a quiz round from the fact base; each answer shown with its source.",
        help: "`quiz [topic] [count]`: a round of questions (default 5, at most 20) for everyone here, each open for a while, then its answer with the quote that proves it, and the scores at the end. The topic is a tag (`cold-war`), a period, years (`1941-1948`) or a kind (`treaties`); none means everything. `quiz stop` stops the round (its starter or a moderator); `quiz me [count]`: a personal round from what you missed and have not seen (spaced repetition); `quiz leaderboard [week|all]`; `quiz stats`: your accuracy and what to reread. Example: `quiz cold-war 5`.",
        args: &[
            arg("topic", "A tag, period, years (1941-1948) or kind; or stop, me, leaderboard, stats", ArgKind::QuizTopic, false),
            arg("count", "How many questions (1 to 20)", ArgKind::Count, false),
        ],
        access: Access::Everyone,
    },
    CommandSpec {
        name: "help",
        summary: "List the commands, or explain one.",
        help: "Example: `help compare`.",
        args: &[arg("command", "A command name", ArgKind::Text, false)],
        access: Access::Everyone,
    },
    CommandSpec {
        name: "reload",
        summary: "Moderators: reload the fact base from disk.",
        help: "Loads and checks facts/ and config/intents.toml; swaps them in only if they are clean.",
        args: &[],
        access: Access::Moderator,
    },
    CommandSpec {
        name: "facts",
        summary: "Moderators: status, reports, unanswered questions, edits and their history.",
        help: "`facts status`, `facts check`, `facts reports`, `facts close <report> [change]`, `facts gaps [page]`, `facts gaps done <n>`, `facts gaps out-of-scope <n>`, `facts edit <entry>`, `facts new <kind> <id>`, `facts history [entry]`, `facts undo <change>`.",
        args: &[
            arg("action", "status, check, reports, close, gaps, edit, new, history or undo", ArgKind::Text, true),
            arg("what", "An entry, a report, gap or change number, a page, or done/out-of-scope and a number", ArgKind::Text, false),
        ],
        access: Access::Moderator,
    },
];

/// Look a command up by name (case-insensitive).
pub fn find(name: &str) -> Option<&'static CommandSpec> {
    COMMANDS.iter().find(|c| c.name.eq_ignore_ascii_case(name))
}

/// Actions of the `facts` moderator command.
pub const FACTS_ACTIONS: &[&str] = &["status", "check", "reports", "close", "gaps", "edit", "new", "history", "undo"];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_respects_discord_limits() {
        for command in COMMANDS {
            assert!(command.summary.chars().count() <= 100, "{} summary too long", command.name);
            assert!(command.name.len() <= 32 && command.name.chars().all(|c| c.is_ascii_lowercase()));
            let mut optional_seen = false;
            for arg in command.args {
                assert!(arg.description.chars().count() <= 100);
                assert!(!(arg.required && optional_seen), "{}: required after optional", command.name);
                optional_seen |= !arg.required;
            }
        }
    }
}
