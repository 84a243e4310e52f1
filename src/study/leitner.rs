//! Spaced repetition with Leitner boxes, per person and entry.
//!
//! Every answered question moves its entry: a right answer one box up (it
//! comes back later and later: [`INTERVALS`]), a wrong one back to box 1,
//! due at once, so it is in the person's next `/quiz me`.

use serde::{Deserialize, Serialize};

/// Seconds in a day.
pub const DAY: u64 = 86_400;
/// The highest box.
pub const TOP_BOX: u8 = 5;
/// How long an entry in box N waits before it is due again (index N-1).
pub const INTERVALS: [u64; TOP_BOX as usize] = [0, DAY, 3 * DAY, 7 * DAY, 21 * DAY];

/// Where one entry stands for one person.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Card {
    pub entry: String,
    /// 1 ..= [`TOP_BOX`].
    pub level: u8,
    /// When it is due (Unix seconds).
    pub due: u64,
    /// When it was last answered.
    pub seen: u64,
    /// How many times it was answered wrongly in all.
    pub misses: u64,
}

impl Card {
    /// A card not seen before, after its first answer.
    pub fn first(entry: &str, correct: bool, now: u64) -> Card {
        Card { entry: entry.to_string(), level: 1, due: now, seen: now, misses: 0 }.answered(correct, now)
    }

    /// The card after an answer at `now`.
    pub fn answered(&self, correct: bool, now: u64) -> Card {
        let level = if correct { (self.level + 1).min(TOP_BOX) } else { 1 };
        let wait = INTERVALS[usize::from(level - 1)];
        Card { entry: self.entry.clone(), level, due: now.saturating_add(wait), seen: now, misses: self.misses + u64::from(!correct) }
    }

    pub fn is_due(&self, now: u64) -> bool {
        self.due <= now
    }
}

/// The entries a personal round asks about, most needed first: due cards
/// (lowest box, then longest overdue), then `unseen` entries in the order
/// given, then the cards due soonest. At most `count`.
pub fn review_order(cards: &[Card], unseen: &[String], now: u64, count: usize) -> Vec<String> {
    let mut due: Vec<&Card> = cards.iter().filter(|c| c.is_due(now)).collect();
    due.sort_by(|a, b| (a.level, a.due, &a.entry).cmp(&(b.level, b.due, &b.entry)));
    let mut later: Vec<&Card> = cards.iter().filter(|c| !c.is_due(now)).collect();
    later.sort_by(|a, b| (a.due, &a.entry).cmp(&(b.due, &b.entry)));
    due.iter().map(|c| c.entry.clone()).chain(unseen.iter().cloned()).chain(later.iter().map(|c| c.entry.clone())).take(count).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn right_answers_wait_longer_and_a_wrong_one_starts_again() {
        let card = Card::first("split", true, 0);
        assert_eq!((card.level, card.due), (2, DAY));
        let card = card.answered(true, DAY);
        assert_eq!((card.level, card.due), (3, DAY + 3 * DAY));
        let card = card.answered(true, 4 * DAY).answered(true, 11 * DAY).answered(true, 32 * DAY);
        assert_eq!((card.level, card.due), (5, 32 * DAY + 21 * DAY));
        let card = card.answered(false, 60 * DAY);
        assert_eq!((card.level, card.due, card.misses), (1, 60 * DAY, 1));
        assert!(card.is_due(60 * DAY));
    }

    #[test]
    fn due_cards_come_first_then_unseen_then_the_rest() {
        let cards = vec![
            Card { entry: "b".into(), level: 2, due: 50, seen: 0, misses: 0 },
            Card { entry: "a".into(), level: 1, due: 90, seen: 0, misses: 1 },
            Card { entry: "later".into(), level: 3, due: 500, seen: 0, misses: 0 },
        ];
        assert_eq!(review_order(&cards, &["new".into()], 100, 10), ["a", "b", "new", "later"]);
        assert_eq!(review_order(&cards, &["new".into()], 100, 2), ["a", "b"]);
    }
}
