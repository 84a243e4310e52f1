//! [`Answer`] → Discord message JSON: one embed (headline as title, the answer
//! with each excerpt as a block quote and its citation link, the licence in
//! the footer), suggestions as a field, and ◀ ▶ buttons for long answers.
//!
//! Every Discord limit is respected here, by truncating at a word with `…`,
//! so a reply never fails with a 400. Lengths are counted in UTF-16 code
//! units, which is never less than what Discord counts.
//!
//! Long answers page two ways, and the buttons walk both: the core's own
//! pages (`year`, `timeline`: `page_command` + number), and "views" when one
//! core page does not fit one embed (e.g. `compare` with long excerpts).
//! Buttons are stateless: the custom id holds what to run again and which
//! view to show.

use serde_json::{json, Map, Value};

use crate::ask::answer::{Answer, CompareCell, Comparison, Outcome, Part};
use crate::ask::commands;
use crate::ask::render::{escape_markdown, license_line};

/// Discord's limits (https://discord.com/developers/docs/resources/message#embed-object-embed-limits).
pub const TITLE_MAX: usize = 256;
pub const DESCRIPTION_MAX: usize = 4096;
pub const FIELD_NAME_MAX: usize = 256;
pub const FIELD_VALUE_MAX: usize = 1024;
pub const FIELDS_MAX: usize = 25;
pub const FOOTER_MAX: usize = 2048;
pub const EMBED_TOTAL_MAX: usize = 6000;
pub const CUSTOM_ID_MAX: usize = 100;
pub const CHOICES_MAX: usize = 25;
pub const CHOICE_NAME_MAX: usize = 100;
pub const CHOICE_VALUE_MAX: usize = 100;

/// Message flag: only the asker sees the reply.
pub const EPHEMERAL: u64 = 1 << 6;

/// Our own budgets inside the limits, so one part never crowds out the rest.
const HEADING_MAX: usize = 250;
const PART_TEXT_MAX: usize = 1200;
const QUOTE_MAX: usize = 1000;
const CITATION_NAME_MAX: usize = 120;
const URL_MAX: usize = 400;
const FOOTER_BUDGET: usize = 300;
const SUGGESTION_LINE_MAX: usize = 200;

/// The length Discord sees (UTF-16 code units; never less than code points).
pub fn discord_len(text: &str) -> usize {
    text.encode_utf16().count()
}

/// Shorten `text` to at most `max` (UTF-16 units), cutting at a word
/// boundary and ending with `…`. Text that fits is returned unchanged
/// (apart from surrounding white space).
pub fn truncate(text: &str, max: usize) -> String {
    let text = text.trim();
    if discord_len(text) <= max {
        return text.to_string();
    }
    if max == 0 {
        return String::new();
    }
    let budget = max - 1; // room for the ellipsis (one UTF-16 unit)
    let mut end = 0;
    let mut used = 0;
    for (index, c) in text.char_indices() {
        if used + c.len_utf16() > budget {
            break;
        }
        used += c.len_utf16();
        end = index + c.len_utf8();
    }
    let prefix = &text[..end];
    let at_word_end = text[end..].chars().next().is_some_and(char::is_whitespace);
    let cut = if at_word_end {
        prefix
    } else {
        match prefix.rfind(char::is_whitespace) {
            // Cut at the last word boundary unless that throws away most of the text.
            Some(space) if space >= end / 2 => &prefix[..space],
            _ => prefix,
        }
    };
    let mut cut = cut.trim_end_matches(|c: char| c.is_whitespace() || matches!(c, ',' | ';' | ':' | '—' | '-')).to_string();
    // A hard cut must not leave a dangling Markdown escape.
    if cut.chars().rev().take_while(|&c| c == '\\').count() % 2 == 1 {
        cut.pop();
    }
    cut.push('…');
    cut
}

/// What a ◀ ▶ button runs again. Stateless: everything is in the custom id.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Rerun {
    /// A typed line (the core's `page_command` with a page number).
    Line(String),
    /// A command with its argument values, in the order of the command table.
    Invocation { command: String, values: Vec<String> },
}

/// Commands a button may run again: the ones that only read.
const RERUNNABLE: &[&str] = &["when", "who", "treaty", "year", "timeline", "compare", "source", "ask", "help"];

/// Which view of an answer to show; [`LAST`] means the last one.
pub const LAST: usize = usize::MAX;

const ID_PREFIX: &str = "hb";

impl Rerun {
    /// The custom id of a button that shows `view` of what this runs.
    pub fn custom_id(&self, view: usize) -> Option<String> {
        let view = if view == LAST { "L".to_string() } else { view.to_string() };
        let id = match self {
            Rerun::Line(line) => format!("{ID_PREFIX}|{view}|{line}"),
            Rerun::Invocation { command, values } => {
                if values.iter().any(|v| v.contains('|')) {
                    return None;
                }
                let mut id = format!("{ID_PREFIX}|{view}|{command}");
                for value in values {
                    id.push('|');
                    id.push_str(value);
                }
                id
            }
        };
        (discord_len(&id) <= CUSTOM_ID_MAX).then_some(id)
    }

    /// Read a custom id back: what to run and which view. `None` for ids
    /// this bot did not make, or that would run a command that changes anything.
    pub fn parse(custom_id: &str) -> Option<(Rerun, usize)> {
        let mut pieces = custom_id.splitn(3, '|');
        if pieces.next()? != ID_PREFIX {
            return None;
        }
        let view = match pieces.next()? {
            "L" => LAST,
            number => number.parse().ok()?,
        };
        let target = pieces.next()?;
        let rerun = if let Some(line) = target.strip_prefix('/') {
            let command = line.split_whitespace().next()?;
            Rerun::Line(target.to_string()).checked(command)?
        } else {
            let mut values = target.split('|');
            let command = values.next()?.to_string();
            Rerun::Invocation { command: command.clone(), values: values.map(str::to_string).collect() }.checked(&command)?
        };
        Some((rerun, view))
    }

    fn checked(self, command: &str) -> Option<Rerun> {
        RERUNNABLE.contains(&command.to_ascii_lowercase().as_str()).then_some(self)
    }

    /// The rerun for a paged answer: its `page_command` with page `page`.
    fn page(command: &str, page: usize) -> Rerun {
        Rerun::Line(format!("{} {page}", command.trim()))
    }

    /// The rerun for an invocation typed with slash-command options.
    pub fn of(command: &str, args: &[(String, String)]) -> Option<Rerun> {
        let spec = commands::find(command)?;
        if !RERUNNABLE.contains(&spec.name) {
            return None;
        }
        let mut values: Vec<String> = spec
            .args
            .iter()
            .map(|arg| args.iter().find(|(name, _)| name == arg.name).map(|(_, v)| v.clone()).unwrap_or_default())
            .collect();
        // Optional arguments left empty at the end are not carried.
        while values.last().is_some_and(String::is_empty) {
            values.pop();
        }
        Some(Rerun::Invocation { command: spec.name.to_string(), values })
    }
}

/// How to render one message of an answer.
#[derive(Debug, Clone, Default)]
pub struct Render {
    /// What the buttons run again when the answer has no core pages.
    pub rerun: Option<Rerun>,
    /// Which view (part of a core page that did not fit one embed) to show.
    pub view: usize,
    /// Add the ephemeral flag for not-found, ambiguous and error answers.
    pub allow_ephemeral: bool,
}

/// Whether an answer goes only to the asker.
pub fn is_ephemeral(answer: &Answer) -> bool {
    matches!(answer.outcome, Outcome::NotFound | Outcome::Ambiguous | Outcome::Error)
}

/// No mention in a message ever pings anyone.
pub fn no_mentions() -> Value {
    json!({ "parse": [] })
}

/// The message data (`content`-less, one embed, buttons when paged) for an
/// interaction response, a webhook edit or a channel message.
pub fn message(answer: &Answer, render: &Render) -> Value {
    if let Some(comparison) = &answer.compare {
        return compare_message(answer, comparison, render);
    }
    let title = truncate(&escape_inline(&answer.headline), TITLE_MAX);
    let fields = suggestion_fields(answer);
    let fields_len: usize = fields.iter().map(|(n, v)| discord_len(n) + discord_len(v)).sum();
    let description_budget = DESCRIPTION_MAX.min(EMBED_TOTAL_MAX.saturating_sub(discord_len(&title) + fields_len + FOOTER_BUDGET));

    let blocks: Vec<String> = answer.parts.iter().map(|part| part_block(answer, part, description_budget)).filter(|b| !b.is_empty()).collect();
    let mut views = pack(&blocks, description_budget);

    // The walk over core pages and views needs a custom id that fits; without
    // one, everything goes into one view, shortened.
    let core_page = answer.page.filter(|p| p.count > 1).zip(answer.page_command.clone());
    let rerun_for = |page: Option<usize>| match (&core_page, page) {
        (Some((_, command)), Some(page)) => Some(Rerun::page(command, page)),
        _ => render.rerun.clone(),
    };
    let navigable = match &core_page {
        Some((page, _)) => rerun_for(Some(page.count)).and_then(|r| r.custom_id(LAST)).is_some(),
        None => views.len() > 1 && render.rerun.as_ref().and_then(|r| r.custom_id(LAST)).is_some(),
    };
    if views.len() > 1 && !navigable {
        views = vec![squeeze(&blocks, description_budget)];
    }
    let view = if render.view == LAST { views.len() - 1 } else { render.view.min(views.len().saturating_sub(1)) };
    let description = views.get(view).cloned().unwrap_or_default();

    let mut footer_items = Vec::new();
    match &core_page {
        Some((page, _)) if views.len() > 1 => footer_items.push(format!("Page {} of {} (part {} of {})", page.number, page.count, view + 1, views.len())),
        Some((page, _)) => footer_items.push(format!("Page {} of {}", page.number, page.count)),
        None if views.len() > 1 => footer_items.push(format!("Page {} of {}", view + 1, views.len())),
        None => {}
    }
    if let Some(license) = license_line(answer) {
        footer_items.push(license);
    }

    let mut embed = Map::new();
    embed.insert("title".into(), json!(title));
    if !description.is_empty() {
        embed.insert("description".into(), json!(description));
    }
    embed.insert("color".into(), json!(colour(answer.outcome)));
    if !fields.is_empty() {
        let fields: Vec<Value> = fields.into_iter().map(|(name, value)| json!({ "name": name, "value": value, "inline": false })).collect();
        embed.insert("fields".into(), Value::Array(fields));
    }
    if !footer_items.is_empty() {
        embed.insert("footer".into(), json!({ "text": truncate(&footer_items.join(" · "), FOOTER_BUDGET.min(FOOTER_MAX)) }));
    }

    let mut data = Map::new();
    data.insert("embeds".into(), json!([Value::Object(embed)]));
    data.insert("allowed_mentions".into(), no_mentions());
    let buttons = if navigable { buttons(core_page.as_ref().map(|(p, _)| (p.number, p.count)), view, views.len(), &rerun_for) } else { None };
    data.insert("components".into(), buttons.map_or_else(|| json!([]), |row| json!([row])));
    if render.allow_ephemeral && is_ephemeral(answer) {
        data.insert("flags".into(), json!(EPHEMERAL));
    }
    Value::Object(data)
}

/// Budgets of a side-by-side comparison's fields.
const CELL_TEXT_MAX: usize = 300;
const CELL_NAME_MAX: usize = 120;
/// Rows per view: three inline fields each (left, right, and an empty one
/// that ends the line), and room for none other.
const ROWS_PER_VIEW: usize = FIELDS_MAX / 3;
const ZERO_WIDTH: &str = "\u{200B}";

/// A side-by-side comparison: each row as inline fields (the left entry's
/// cell beside the right one's, each with its excerpts), the other parts in
/// the description. Rows that do not fit one embed go to further views,
/// walked with ◀ ▶ like a long answer; without a way to rerun it, the rows
/// that fit are shown and the footer says how many are not.
fn compare_message(answer: &Answer, comparison: &Comparison, render: &Render) -> Value {
    let title = truncate(&escape_inline(&answer.headline), TITLE_MAX);
    let description_budget = 1500;
    let blocks: Vec<String> = answer.parts.iter().map(|part| part_block(answer, part, description_budget)).filter(|b| !b.is_empty()).collect();
    let description = squeeze(&blocks, description_budget);
    let rows: Vec<[(String, String); 2]> = comparison
        .rows
        .iter()
        .map(|row| {
            [(&comparison.left.title, &row.left), (&comparison.right.title, &row.right)]
                .map(|(side, cell)| (truncate(&format!("{} · {}", row.label, escape_inline(side)), CELL_NAME_MAX), cell_value(answer, cell)))
        })
        .collect();
    let fixed = discord_len(&title) + FOOTER_BUDGET;
    let mut views: Vec<Vec<usize>> = vec![Vec::new()];
    let mut used = fixed + discord_len(&description);
    for (index, row) in rows.iter().enumerate() {
        let size: usize = row.iter().map(|(n, v)| discord_len(n) + discord_len(v)).sum::<usize>() + 2;
        let current = views.last_mut().expect("one view at least");
        if !current.is_empty() && (current.len() >= ROWS_PER_VIEW || used + size > EMBED_TOTAL_MAX) {
            views.push(vec![index]);
            used = fixed + size;
        } else {
            current.push(index);
            used += size;
        }
    }
    let navigable = views.len() > 1 && render.rerun.as_ref().and_then(|r| r.custom_id(LAST)).is_some();
    let view = if render.view == LAST { views.len() - 1 } else { render.view.min(views.len() - 1) };
    let shown: &[usize] = if navigable { &views[view] } else { &views[0] };
    let mut fields = Vec::new();
    for &index in shown {
        for (name, value) in &rows[index] {
            fields.push(json!({ "name": name, "value": value, "inline": true }));
        }
        fields.push(json!({ "name": ZERO_WIDTH, "value": ZERO_WIDTH, "inline": true }));
    }
    let mut footer_items = Vec::new();
    if navigable {
        footer_items.push(format!("Page {} of {}", view + 1, views.len()));
    } else if views.len() > 1 {
        let hidden = rows.len() - views[0].len();
        footer_items.push(format!("{hidden} more rows: run the command again to page through them"));
    }
    if let Some(license) = license_line(answer) {
        footer_items.push(license);
    }
    let mut embed = Map::new();
    embed.insert("title".into(), json!(title));
    // The description goes with the first view only.
    if (view == 0 || !navigable) && !description.is_empty() {
        embed.insert("description".into(), json!(description));
    }
    embed.insert("color".into(), json!(colour(answer.outcome)));
    embed.insert("fields".into(), Value::Array(fields));
    if !footer_items.is_empty() {
        embed.insert("footer".into(), json!({ "text": truncate(&footer_items.join(" · "), FOOTER_BUDGET.min(FOOTER_MAX)) }));
    }
    let mut data = Map::new();
    data.insert("embeds".into(), json!([Value::Object(embed)]));
    data.insert("allowed_mentions".into(), no_mentions());
    let rerun_for = |_: Option<usize>| render.rerun.clone();
    let buttons = if navigable { buttons(None, view, views.len(), &rerun_for) } else { None };
    data.insert("components".into(), buttons.map_or_else(|| json!([]), |row| json!([row])));
    if render.allow_ephemeral && is_ephemeral(answer) {
        data.insert("flags".into(), json!(EPHEMERAL));
    }
    Value::Object(data)
}

/// One cell of a comparison: its text, then each excerpt as a block quote
/// with its citation, within a field's 1024.
fn cell_value(answer: &Answer, cell: &CompareCell) -> String {
    let mut value = if cell.text.trim().is_empty() { "—".to_string() } else { truncate(&escape_markdown(&cell.text), CELL_TEXT_MAX) };
    for excerpt in cell.excerpts.iter().filter_map(|&i| answer.excerpts.get(i)) {
        let citation = format!("> — {}", citation(&excerpt.title, &excerpt.section, &excerpt.url));
        let room = FIELD_VALUE_MAX.saturating_sub(discord_len(&value) + discord_len(&citation) + 4);
        if room < 80 {
            break;
        }
        let quote = truncate(&escape_markdown(&excerpt.quote), room);
        value.push_str(&format!("\n> {quote}\n{citation}"));
    }
    truncate(&value, FIELD_VALUE_MAX)
}

/// The ◀ ▶ row, or `None` when there is nowhere to go.
fn buttons(core: Option<(usize, usize)>, view: usize, views: usize, rerun_for: &dyn Fn(Option<usize>) -> Option<Rerun>) -> Option<Value> {
    let (page, count) = core.unwrap_or((1, 1));
    let core_page = |p: usize| core.map(|_| p);
    let previous = if view > 0 {
        rerun_for(core_page(page)).and_then(|r| r.custom_id(view - 1))
    } else if page > 1 {
        rerun_for(core_page(page - 1)).and_then(|r| r.custom_id(LAST))
    } else {
        None
    };
    let next = if view + 1 < views {
        rerun_for(core_page(page)).and_then(|r| r.custom_id(view + 1))
    } else if page < count {
        rerun_for(core_page(page + 1)).and_then(|r| r.custom_id(0))
    } else {
        None
    };
    if previous.is_none() && next.is_none() {
        return None;
    }
    let button = |label: &str, id: Option<String>, fallback: &str| {
        json!({
            "type": 2,
            "style": 2,
            "label": label,
            "custom_id": id.clone().unwrap_or_else(|| format!("{ID_PREFIX}|-|{fallback}")),
            "disabled": id.is_none(),
        })
    };
    Some(json!({
        "type": 1,
        "components": [button("◀ Previous", previous, "previous"), button("Next ▶", next, "next")],
    }))
}

/// One part as Markdown: bold heading, text, each excerpt as a block quote
/// with its citation. Fits `budget`; excerpts that do not fit are left out.
fn part_block(answer: &Answer, part: &Part, budget: usize) -> String {
    let mut block = String::new();
    if let Some(heading) = part.heading.as_deref().filter(|h| !h.trim().is_empty()) {
        block.push_str(&format!("**{}**\n", truncate(&escape_markdown(heading), HEADING_MAX)));
    }
    if !part.text.trim().is_empty() {
        let text = truncate(&escape_markdown(&part.text), PART_TEXT_MAX.min(budget.saturating_sub(discord_len(&block) + 1)));
        block.push_str(&text);
        block.push('\n');
    }
    for &index in &part.excerpts {
        let Some(excerpt) = answer.excerpts.get(index) else { continue };
        let citation = format!("> — {}\n", citation(&excerpt.title, &excerpt.section, &excerpt.url));
        let room = budget.saturating_sub(discord_len(&block) + discord_len(&citation) + 4);
        if room < 80 {
            break;
        }
        let quote = truncate(&escape_markdown(&excerpt.quote), QUOTE_MAX.min(room));
        block.push_str(&format!("> {quote}\n{citation}"));
    }
    block.trim_end().to_string()
}

/// Escaping for embed titles: they render only inline formatting, so only
/// that is escaped (parentheses and brackets stay readable); mentions are broken.
fn escape_inline(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' | '*' | '_' | '~' | '`' | '|' => {
                out.push('\\');
                out.push(c);
            }
            '@' => out.push_str("@\u{200B}"),
            _ => out.push(c),
        }
    }
    out
}

/// `[Title](url), section “Section”`.
fn citation(title: &str, section: &str, url: &str) -> String {
    let title = truncate(&escape_markdown(title), CITATION_NAME_MAX);
    let linked = match link_target(url) {
        Some(url) => format!("[{title}]({url})"),
        None => title,
    };
    if section.trim().is_empty() {
        linked
    } else {
        format!("{linked}, section “{}”", truncate(&escape_markdown(section), CITATION_NAME_MAX))
    }
}

/// A URL safe inside Markdown link parentheses, or `None`.
fn link_target(url: &str) -> Option<String> {
    let url = url.trim();
    if !(url.starts_with("https://") || url.starts_with("http://")) || discord_len(url) > URL_MAX {
        return None;
    }
    let mut safe = String::with_capacity(url.len());
    for c in url.chars() {
        match c {
            '(' => safe.push_str("%28"),
            ')' => safe.push_str("%29"),
            ' ' => safe.push_str("%20"),
            '<' | '>' | '"' | '\\' | '`' => return None,
            c if c.is_control() || c.is_whitespace() => return None,
            c => safe.push(c),
        }
    }
    Some(safe)
}

/// Blocks into descriptions of at most `budget`, in order.
fn pack(blocks: &[String], budget: usize) -> Vec<String> {
    let mut views: Vec<String> = Vec::new();
    let mut current = String::new();
    for block in blocks {
        let block = truncate(block, budget);
        let joined = if current.is_empty() { discord_len(&block) } else { discord_len(&current) + 2 + discord_len(&block) };
        if joined > budget && !current.is_empty() {
            views.push(std::mem::take(&mut current));
        }
        if !current.is_empty() {
            current.push_str("\n\n");
        }
        current.push_str(&block);
    }
    if !current.is_empty() || views.is_empty() {
        views.push(current);
    }
    views
}

/// Everything in one description: whole blocks while they fit, then a note.
fn squeeze(blocks: &[String], budget: usize) -> String {
    let mut out = String::new();
    for (shown, block) in blocks.iter().enumerate() {
        let rest = blocks.len() - shown;
        let note = format!("\n\n*…and {rest} more not shown.*");
        let separator = if out.is_empty() { 0 } else { 2 };
        let fits_with_note = discord_len(&out) + separator + discord_len(block) + discord_len(&note) <= budget;
        let fits_last = rest == 1 && discord_len(&out) + separator + discord_len(block) <= budget;
        if !(fits_with_note || fits_last) {
            if out.is_empty() {
                return truncate(block, budget);
            }
            out.push_str(&note);
            return out;
        }
        if !out.is_empty() {
            out.push_str("\n\n");
        }
        out.push_str(block);
    }
    out
}

/// Suggestions as one field of bullet lines.
fn suggestion_fields(answer: &Answer) -> Vec<(String, String)> {
    if answer.suggestions.is_empty() {
        return Vec::new();
    }
    let name = match answer.outcome {
        Outcome::Ambiguous => "Did you mean",
        Outcome::NotFound => "Closest entries",
        _ => "See also",
    };
    let mut value = String::new();
    for suggestion in &answer.suggestions {
        let line = format!("• {}", truncate(&escape_markdown(suggestion), SUGGESTION_LINE_MAX));
        if discord_len(&value) + discord_len(&line) + 1 > FIELD_VALUE_MAX {
            break;
        }
        if !value.is_empty() {
            value.push('\n');
        }
        value.push_str(&line);
    }
    if value.is_empty() {
        return Vec::new();
    }
    vec![(truncate(name, FIELD_NAME_MAX), value)].into_iter().take(FIELDS_MAX).collect()
}

fn colour(outcome: Outcome) -> u32 {
    match outcome {
        Outcome::Facts => 0x003B_6EA5,
        Outcome::Help => 0x0058_65F2,
        Outcome::Notice => 0x00E0_A800,
        Outcome::Ambiguous | Outcome::NotFound => 0x008C_8C8C,
        Outcome::Error => 0x00D9_534F,
    }
}

/// Autocomplete choices within Discord's limits.
pub fn choices(choices: &[crate::ask::Choice]) -> Value {
    let list: Vec<Value> = choices
        .iter()
        .filter(|c| !c.value.is_empty() && discord_len(&c.value) <= CHOICE_VALUE_MAX)
        .take(CHOICES_MAX)
        .map(|c| json!({ "name": truncate(&c.name, CHOICE_NAME_MAX), "value": c.value }))
        .collect();
    json!({ "choices": list })
}

/// Every embed limit a message breaks (empty when it is fine). Used by the tests
/// and as a last check before sending.
pub fn limit_problems(data: &Value) -> Vec<String> {
    let mut problems = Vec::new();
    let text_len = |v: Option<&Value>| v.and_then(Value::as_str).map_or(0, discord_len);
    let embeds: &[Value] = data.get("embeds").and_then(Value::as_array).map_or(&[], Vec::as_slice);
    if embeds.len() > 10 {
        problems.push(format!("{} embeds (max 10)", embeds.len()));
    }
    let mut total = 0;
    for embed in embeds {
        let title = text_len(embed.get("title"));
        let description = text_len(embed.get("description"));
        let footer = text_len(embed.pointer("/footer/text"));
        let fields: &[Value] = embed.get("fields").and_then(Value::as_array).map_or(&[], Vec::as_slice);
        if title > TITLE_MAX {
            problems.push(format!("title {title} > {TITLE_MAX}"));
        }
        if description > DESCRIPTION_MAX {
            problems.push(format!("description {description} > {DESCRIPTION_MAX}"));
        }
        if footer > FOOTER_MAX {
            problems.push(format!("footer {footer} > {FOOTER_MAX}"));
        }
        if fields.len() > FIELDS_MAX {
            problems.push(format!("{} fields > {FIELDS_MAX}", fields.len()));
        }
        total += title + description + footer;
        for field in fields {
            let (name, value) = (text_len(field.get("name")), text_len(field.get("value")));
            if name == 0 || name > FIELD_NAME_MAX || value == 0 || value > FIELD_VALUE_MAX {
                problems.push(format!("field name {name} / value {value} out of bounds"));
            }
            total += name + value;
        }
    }
    if total > EMBED_TOTAL_MAX {
        problems.push(format!("embeds total {total} > {EMBED_TOTAL_MAX}"));
    }
    for row in data.get("components").and_then(Value::as_array).into_iter().flatten() {
        for component in row.get("components").and_then(Value::as_array).into_iter().flatten() {
            let id = text_len(component.get("custom_id"));
            if id == 0 || id > CUSTOM_ID_MAX {
                problems.push(format!("custom_id length {id}"));
            }
        }
    }
    problems
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ask::answer::{Excerpt, Page};

    fn excerpt(quote: &str) -> Excerpt {
        Excerpt {
            source: "s".into(),
            title: "Soviet Union–Yugoslavia relations".into(),
            section: "Lead".into(),
            quote: quote.into(),
            url: "https://en.wikipedia.org/wiki/Soviet_Union%E2%80%93Yugoslavia_relations_(test)".into(),
            lang: "en".into(),
            license: "CC BY-SA 4.0".into(),
        }
    }

    fn huge_answer(parts: usize) -> Answer {
        let word = "Tito’s Yugoslavia and Stalin’s Soviet Union quarrelled @everyone ";
        let mut answer = Answer::new("compare", Outcome::Facts, word.repeat(20));
        for i in 0..parts {
            answer.excerpts.push(excerpt(&word.repeat(40 + i)));
            answer.parts.push(Part { heading: Some(format!("Part {i}: {}", word.repeat(8))), text: word.repeat(40), excerpts: vec![i] });
        }
        answer.suggestions = (0..60).map(|i| format!("{i}: {}", word.repeat(5))).collect();
        answer
    }

    #[test]
    fn truncates_at_a_word_with_an_ellipsis() {
        assert_eq!(truncate("short", 10), "short");
        assert_eq!(truncate("the quick brown fox jumps", 12), "the quick…");
        let cut = truncate(&"word ".repeat(100), 50);
        assert!(discord_len(&cut) <= 50 && cut.ends_with("word…"), "{cut}");
        // No white space at all: a hard cut, still within the limit.
        let cut = truncate(&"x".repeat(300), 256);
        assert_eq!(discord_len(&cut), 256);
        // Astral characters count double.
        let cut = truncate(&"😀 ".repeat(100), 21);
        assert!(discord_len(&cut) <= 21, "{cut}");
        // Never a dangling escape.
        assert!(!truncate(&"\\*".repeat(50), 10).trim_end_matches('…').ends_with('\\'));
    }

    #[test]
    fn huge_answers_respect_every_limit() {
        for parts in [1, 3, 12, 40] {
            let mut answer = huge_answer(parts);
            let render = Render { rerun: Rerun::of("compare", &[("a".into(), "1956".into()), ("b".into(), "1968".into())]), view: 0, allow_ephemeral: true };
            let first = message(&answer, &render);
            assert_eq!(limit_problems(&first), Vec::<String>::new(), "{parts} parts");
            assert_eq!(first["allowed_mentions"], json!({ "parse": [] }));
            assert!(first["embeds"][0]["description"].as_str().unwrap().contains("@\u{200B}everyone"));
            let last = message(&answer, &Render { view: LAST, ..render.clone() });
            assert_eq!(limit_problems(&last), Vec::<String>::new());
            // Paged by the core as well.
            answer.page = Some(Page { number: 2, count: 3 });
            answer.page_command = Some("/timeline 1941 1948".into());
            let paged = message(&answer, &Render::default());
            assert_eq!(limit_problems(&paged), Vec::<String>::new());
            let buttons = &paged["components"][0]["components"];
            assert!(buttons[0]["custom_id"].as_str().unwrap().starts_with("hb|L|/timeline 1941 1948 1"), "{buttons}");
        }
    }

    fn huge_comparison(rows: usize) -> Answer {
        use crate::ask::answer::{CompareCell, CompareRow, CompareSide, Comparison};
        use crate::facts::Kind;
        let word = "Yugoslavia and the Soviet Union signed @everyone ";
        let mut answer = Answer::new("compare", Outcome::Facts, "A compared with B");
        let side = |id: &str| CompareSide { id: id.into(), kind: Kind::Treaty, title: format!("{id} {}", word.repeat(5)) };
        let mut compare_rows = Vec::new();
        for i in 0..rows {
            answer.excerpts.push(excerpt(&word.repeat(10 + i)));
            let cell = |n: usize| CompareCell { text: format!("row {i} cell {n} {}", word.repeat(3)), excerpts: vec![i] };
            compare_rows.push(CompareRow { label: format!("Row {i}"), left: cell(0), right: cell(1) });
        }
        answer.compare = Some(Comparison { left: side("a"), right: side("b"), rows: compare_rows });
        answer.parts.push(Part { heading: None, text: "A came 4 years before B.".into(), excerpts: Vec::new() });
        answer
    }

    #[test]
    fn comparisons_are_inline_fields_paged_within_every_limit() {
        for rows in [1, 6, 9, 20] {
            let answer = huge_comparison(rows);
            let rerun = Rerun::of("compare", &[("a".into(), "a".into()), ("b".into(), "b".into())]);
            let render = Render { rerun: rerun.clone(), view: 0, allow_ephemeral: false };
            let mut seen = Vec::new();
            let mut view = 0;
            loop {
                let data = message(&answer, &Render { view, ..render.clone() });
                assert_eq!(limit_problems(&data), Vec::<String>::new(), "{rows} rows, view {view}");
                let fields = data["embeds"][0]["fields"].as_array().unwrap();
                assert!(fields.iter().all(|f| f["inline"] == json!(true)));
                seen.extend(fields.iter().filter_map(|f| f["name"].as_str()).filter(|n| n.starts_with("Row ")).map(str::to_string));
                let next = &data["components"][0]["components"][1];
                if next.is_null() || next["disabled"] == json!(true) {
                    break;
                }
                let (parsed, next_view) = Rerun::parse(next["custom_id"].as_str().unwrap()).unwrap();
                assert_eq!(Some(parsed), rerun);
                view = next_view;
            }
            // Every row of both entries, none cut: two fields per row.
            assert_eq!(seen.len(), 2 * rows, "{rows} rows: {seen:?}");
            if rows > ROWS_PER_VIEW {
                assert!(view > 0, "{rows} rows need more than one view");
            }
        }
    }

    #[test]
    fn trailing_empty_options_take_no_room_in_a_custom_id() {
        let rerun = Rerun::of("compare", &[("a".into(), "treaty-of-friendship-and-non-aggression-1941".into()), ("b".into(), "treaty-of-friendship-and-cooperation-1945".into())]).unwrap();
        let id = rerun.custom_id(1).expect("fits 100");
        assert!(!id.ends_with('|'), "{id}");
        let (parsed, _) = Rerun::parse(&id).unwrap();
        assert_eq!(parsed, Rerun::Invocation { command: "compare".into(), values: vec!["treaty-of-friendship-and-non-aggression-1941".into(), "treaty-of-friendship-and-cooperation-1945".into()] });
    }

    #[test]
    fn views_walk_forward_and_back() {
        let answer = huge_answer(8);
        let rerun = Rerun::of("compare", &[("a".into(), "tito".into()), ("b".into(), "stalin".into())]);
        let render = Render { rerun: rerun.clone(), view: 0, allow_ephemeral: false };
        let first = message(&answer, &render);
        let row = &first["components"][0]["components"];
        assert_eq!(row[0]["disabled"], json!(true));
        let next = row[1]["custom_id"].as_str().unwrap();
        let (parsed, view) = Rerun::parse(next).unwrap();
        assert_eq!((Some(parsed), view), (rerun, 1));
        let second = message(&answer, &Render { view, ..render });
        assert_ne!(first["embeds"][0]["description"], second["embeds"][0]["description"]);
        assert!(second["embeds"][0]["footer"]["text"].as_str().unwrap().starts_with("Page 2 of"));
    }

    #[test]
    fn custom_ids_round_trip_and_refuse_writes() {
        let rerun = Rerun::Line("/year 1948 2".into());
        assert_eq!(Rerun::parse(&rerun.custom_id(3).unwrap()), Some((rerun, 3)));
        assert_eq!(Rerun::parse("hb|0|report|x|y"), None);
        assert_eq!(Rerun::parse("hb|0|/reload"), None);
        assert_eq!(Rerun::parse("other|0|/year 1948"), None);
        assert!(Rerun::Invocation { command: "ask".into(), values: vec!["q".repeat(200)] }.custom_id(0).is_none());
    }

    #[test]
    fn ephemeral_only_for_misses_and_errors() {
        let render = Render { allow_ephemeral: true, ..Render::default() };
        let miss = message(&Answer::new("when", Outcome::NotFound, "I don't know."), &render);
        assert_eq!(miss["flags"], json!(EPHEMERAL));
        let hit = message(&Answer::new("when", Outcome::Facts, "1955"), &render);
        assert!(hit.get("flags").is_none());
    }

    #[test]
    fn titles_escape_formatting_and_mentions_only() {
        assert_eq!(escape_inline("Tito (1892–1980) *bold* @everyone"), "Tito (1892–1980) \\*bold\\* @\u{200B}everyone");
    }

    #[test]
    fn links_are_made_safe() {
        assert_eq!(link_target("https://x.org/a_(b)").as_deref(), Some("https://x.org/a_%28b%29"));
        assert_eq!(link_target("javascript:alert(1)"), None);
        assert_eq!(link_target("https://x.org/a>b"), None);
    }
}
