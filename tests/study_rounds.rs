//! Study mode's rounds on the store, on SQLite and (when
//! `HISTBOT_TEST_POSTGRES` is set) on a real PostgreSQL: a full round with
//! three players driven by a controlled clock, one round per place, stop
//! rights, a restart in the middle of a round, the leaderboard across a
//! reopen, replicas racing, spaced repetition in personal rounds, stats.

#[path = "support/postgres.rs"]
mod pg;
mod support;

use std::sync::Arc;

use histbot::facts::FactBase;
use histbot::store::{self, Store};
use histbot::study::leitner::DAY;
use histbot::study::play::{week_start, ABANDONED_AFTER_SECS};
use histbot::study::round::{Moved, Phase, RoundError, REVEAL_PAUSE_SECS};
use histbot::study::{view, Board, Place, Player, Quiz, QuizError};

/// 2026-11-30 09:00 UTC, a Monday.
const NOW: u64 = 1_796_029_200;
const SECS: u64 = 20;

use pg::{backends, Backend};

fn on_every_backend(name: &str, test: impl Fn(&Backend, Arc<dyn Store>, &FactBase)) {
    let base = FactBase::load(support::shipped_facts()).expect("clean base");
    for backend in backends(name) {
        let store = store::open_migrated(&backend.location).unwrap_or_else(|e| panic!("{}: {e}", backend.name));
        eprintln!("{name} on {}", backend.name);
        test(&backend, store, &base);
    }
}

fn player(name: &str) -> Player {
    Player { id: format!("test:{}", name.to_lowercase()), name: name.into() }
}

fn channel(n: u32) -> Place {
    Place { platform: "test".into(), key: format!("test:channel-{n}"), scope: Some("test:server".into()) }
}

fn direct(name: &str) -> Place {
    Place { platform: "test".into(), key: format!("test:dm-{name}"), scope: None }
}

/// The right option of the open question, and a wrong one.
fn right_and_wrong(quiz: &Quiz, place: &Place) -> (usize, usize) {
    let round = quiz.active(&place.key).unwrap().expect("a round");
    let (_, q) = round.current().expect("a question");
    (q.correct, (q.correct + 1) % q.options.len())
}

#[test]
fn a_full_round_with_three_players_is_scored_revealed_with_proofs_and_ranked() {
    on_every_backend("study_full_round", |backend, store, base| {
        let quiz = Quiz::new(store.as_ref(), base);
        let place = channel(1);
        let (ana, bob, chen) = (player("Ana"), player("Bob"), player("Chen"));
        let mut round = quiz.start(&place, &ana, "cold-war", 5, SECS, 7, NOW).unwrap();
        assert_eq!(round.questions.len(), 5);
        let mut now = NOW;
        for n in 0..5 {
            assert_eq!(round.current().map(|(i, _)| i), Some(n), "{}", backend.name);
            let (right, wrong) = right_and_wrong(&quiz, &place);
            // Ana is always right, Bob right on even questions, Chen never answers the last.
            assert!(quiz.answer(&place.key, &ana, right, now + 1).unwrap().first);
            let bob_choice = if n % 2 == 0 { right } else { wrong };
            quiz.answer(&place.key, &bob, bob_choice, now + 2).unwrap();
            // A second click does not change Bob's answer.
            let again = quiz.answer(&place.key, &bob, right, now + 3).unwrap();
            assert_eq!((again.first, again.choice), (false, bob_choice));
            if n < 4 {
                quiz.answer(&place.key, &chen, wrong, now + 4).unwrap();
            }
            // Too late.
            assert!(matches!(quiz.answer(&place.key, &chen, right, now + SECS), Err(QuizError::Round(RoundError::TimeUp))));
            assert_eq!(quiz.tick(&mut round, now + SECS - 1).unwrap(), None);
            assert_eq!(quiz.tick(&mut round, now + SECS).unwrap(), Some(Moved::Revealed(n)));
            let answers = quiz.answers(&round).unwrap();
            let reveal = view::reveal(base, &round, n, &answers);
            assert!(!reveal.excerpts.is_empty());
            let text = reveal.to_plain_text();
            assert!(text.contains("Ana (") && text.contains(&round.questions[n].answer_text()), "{text}");
            now += SECS + REVEAL_PAUSE_SECS;
            let moved = quiz.tick(&mut round, now).unwrap();
            assert_eq!(moved, Some(if n < 4 { Moved::Asked(n + 1) } else { Moved::Finished }));
        }
        assert_eq!(round.phase, Phase::Finished);
        assert!(quiz.active(&place.key).unwrap().is_none(), "a finished round is closed");
        let answers = quiz.answers(&round).unwrap();
        assert_eq!(answers.len(), 5 + 5 + 4);
        let results = view::results(base, &round, &answers).to_plain_text();
        assert!(results.contains("1. Ana — 5 of 5") && results.contains("2. Bob — 3 of 5") && results.contains("3. Chen — 0 of 5"), "{results}");
        let board = quiz.leaderboard("test:server", Board::Week, now).unwrap();
        let lines: Vec<(String, u64, u64)> = board.iter().map(|s| (s.name.clone(), s.points, s.answered)).collect();
        assert_eq!(lines, [("Ana".into(), 5, 5), ("Bob".into(), 3, 5), ("Chen".into(), 0, 4)]);
        assert!(quiz.leaderboard("test:elsewhere", Board::AllTime, now).unwrap().is_empty());
        // Next week, this week's board starts empty; all time keeps it.
        let next_week = week_start(now) + 7 * DAY;
        assert!(quiz.leaderboard("test:server", Board::Week, next_week).unwrap().is_empty());
        assert_eq!(quiz.leaderboard("test:server", Board::AllTime, next_week).unwrap().len(), 3);
    });
}

#[test]
fn one_round_per_place_and_only_its_starter_or_a_moderator_stops_it() {
    on_every_backend("study_one_round", |backend, store, base| {
        let quiz = Quiz::new(store.as_ref(), base);
        let (ana, bob) = (player("Ana"), player("Bob"));
        let first = quiz.start(&channel(1), &ana, "", 3, SECS, 1, NOW).unwrap();
        match quiz.start(&channel(1), &bob, "treaties", 3, SECS, 2, NOW + 1) {
            Err(QuizError::Busy(open)) => assert_eq!(open.id, first.id, "{}", backend.name),
            other => panic!("{}: {other:?}", backend.name),
        }
        quiz.start(&channel(2), &bob, "treaties", 3, SECS, 2, NOW + 1).expect("another channel has its own round");
        assert!(matches!(quiz.stop(&channel(1).key, &bob, false, NOW + 2), Err(QuizError::Round(RoundError::NotAllowed))));
        let stopped = quiz.stop(&channel(1).key, &bob, true, NOW + 2).expect("a moderator stops it");
        assert_eq!(stopped.phase, Phase::Stopped);
        assert!(matches!(quiz.stop(&channel(1).key, &ana, false, NOW + 3), Err(QuizError::NoRound)));
        quiz.start(&channel(1), &bob, "1941-1948", 2, SECS, 3, NOW + 4).expect("a new round once the old one stopped");
        quiz.stop(&channel(2).key, &bob, false, NOW + 5).expect("the starter stops their round");
        assert!(matches!(quiz.start(&channel(3), &ana, "no-such-topic", 3, SECS, 1, NOW), Err(QuizError::Topic(_))));
    });
}

#[test]
fn a_restart_mid_round_resumes_it_and_scores_survive() {
    on_every_backend("study_restart", |backend, store, base| {
        let place = channel(1);
        let ana = player("Ana");
        let round_id = {
            let quiz = Quiz::new(store.as_ref(), base);
            let mut round = quiz.start(&place, &ana, "cold-war", 3, SECS, 5, NOW).unwrap();
            let (right, _) = right_and_wrong(&quiz, &place);
            quiz.answer(&place.key, &ana, right, NOW + 1).unwrap();
            quiz.tick(&mut round, NOW + SECS).unwrap();
            quiz.tick(&mut round, NOW + SECS + REVEAL_PAUSE_SECS).unwrap();
            round.id
        };
        // The process dies here, with question 2 open; a new one opens the store.
        drop(store);
        let store = store::open_migrated(&backend.location).unwrap();
        let quiz = Quiz::new(store.as_ref(), base);
        let resumed = quiz.resume(NOW + SECS + REVEAL_PAUSE_SECS + 60).unwrap();
        assert_eq!(resumed.len(), 1, "{}", backend.name);
        let mut round = resumed.into_iter().next().unwrap();
        assert_eq!((round.id, round.current().map(|(i, _)| i)), (round_id, Some(1)));
        // Question 2's time ran out while histbot was down: the next tick reveals it.
        let later = NOW + SECS + REVEAL_PAUSE_SECS + 60;
        assert_eq!(quiz.tick(&mut round, later).unwrap(), Some(Moved::Revealed(1)));
        assert_eq!(quiz.tick(&mut round, later + REVEAL_PAUSE_SECS).unwrap(), Some(Moved::Asked(2)));
        let (right, _) = right_and_wrong(&quiz, &place);
        quiz.answer(&place.key, &ana, right, later + REVEAL_PAUSE_SECS + 1).unwrap();
        quiz.tick(&mut round, later + REVEAL_PAUSE_SECS + SECS).unwrap();
        assert_eq!(quiz.tick(&mut round, later + 2 * REVEAL_PAUSE_SECS + SECS).unwrap(), Some(Moved::Finished));
        drop(quiz);
        drop(store);
        let store = store::open_migrated(&backend.location).unwrap();
        let quiz = Quiz::new(store.as_ref(), base);
        let board = quiz.leaderboard("test:server", Board::AllTime, later + 100).unwrap();
        assert_eq!(board.iter().map(|s| (s.name.as_str(), s.points, s.answered)).collect::<Vec<_>>(), [("Ana", 2, 2)]);
    });
}

#[test]
fn a_round_abandoned_for_long_is_closed_at_start() {
    on_every_backend("study_abandoned", |_, store, base| {
        let quiz = Quiz::new(store.as_ref(), base);
        quiz.start(&channel(1), &player("Ana"), "", 3, SECS, 1, NOW).unwrap();
        quiz.start(&channel(2), &player("Bob"), "", 3, SECS, 1, NOW + ABANDONED_AFTER_SECS).unwrap();
        let kept = quiz.resume(NOW + ABANDONED_AFTER_SECS + 1).unwrap();
        assert_eq!(kept.iter().map(|r| r.place.key.as_str()).collect::<Vec<_>>(), ["test:channel-2"]);
        assert!(quiz.active(&channel(1).key).unwrap().is_none());
        quiz.start(&channel(1), &player("Ana"), "", 3, SECS, 1, NOW + ABANDONED_AFTER_SECS + 2).expect("the place is free again");
    });
}

#[test]
fn two_replicas_move_a_round_on_once_and_a_late_answer_is_refused() {
    on_every_backend("study_replicas", |backend, store, base| {
        let quiz = Quiz::new(store.as_ref(), base);
        let place = channel(1);
        let mut here = quiz.start(&place, &player("Ana"), "", 3, SECS, 1, NOW).unwrap();
        let mut there = quiz.active(&place.key).unwrap().unwrap();
        assert_eq!(quiz.tick(&mut here, NOW + SECS).unwrap(), Some(Moved::Revealed(0)));
        assert_eq!(quiz.tick(&mut there, NOW + SECS).unwrap(), None, "{}: the other replica lost the race", backend.name);
        assert_eq!(there, here, "and now sees the round as it is");
        // An answer given against the round as it was before the reveal is not recorded.
        let stale = {
            let mut old = here.clone();
            old.phase = Phase::Asking { question: 0, closes_at: NOW + SECS };
            old.step -= 1;
            old
        };
        assert!(matches!(quiz.answer_round(stale, Some(0), &player("Bob"), 0, NOW + SECS - 1), Err(QuizError::Round(RoundError::NotAsking))));
        assert!(quiz.answers(&here).unwrap().is_empty());
    });
}

#[test]
fn missed_entries_come_back_in_the_next_personal_round_at_growing_intervals() {
    on_every_backend("study_leitner", |backend, store, base| {
        let quiz = Quiz::new(store.as_ref(), base);
        let ana = player("Ana");
        let place = direct("ana");
        // First personal round: Ana misses the first question, gets the rest right.
        let mut round = quiz.start_personal(&place, &ana, 4, 0, 3, NOW).unwrap();
        assert!(round.personal && round.place.scope.is_none());
        let mut missed = String::new();
        let mut right_entries = Vec::new();
        for n in 0..4 {
            let (_, q) = round.current().unwrap();
            let (right, wrong) = (q.correct, (q.correct + 1) % q.options.len());
            if n == 0 {
                missed = q.entry.clone();
                quiz.answer(&place.key, &ana, wrong, NOW + n).unwrap();
            } else {
                right_entries.push(q.entry.clone());
                quiz.answer(&place.key, &ana, right, NOW + n).unwrap();
            }
            quiz.reveal(&mut round, NOW + n).unwrap();
            quiz.next(&mut round, NOW + n).unwrap();
        }
        assert_eq!(round.phase, Phase::Finished);
        // The next personal round starts with the missed entry, then new ones.
        let next = quiz.start_personal(&place, &ana, 4, 0, 4, NOW + 60).unwrap();
        assert_eq!(next.questions[0].entry, missed, "{}", backend.name);
        assert!(next.questions.iter().all(|q| !right_entries.contains(&q.entry)), "entries answered right wait a day");
        quiz.stop(&place.key, &ana, false, NOW + 61).unwrap();
        // A day later the right ones are due again, after the missed one (box 1 before box 2).
        let later = quiz.start_personal(&place, &ana, 4, 0, 5, NOW + DAY + 10).unwrap();
        let entries: Vec<&str> = later.questions.iter().map(|q| q.entry.as_str()).collect();
        assert_eq!(entries[0], missed);
        let mut expected = right_entries.clone();
        expected.sort();
        let mut due: Vec<String> = entries[1..].iter().map(|e| e.to_string()).collect();
        due.sort();
        assert_eq!(due, expected);
        // Personal rounds count for no leaderboard; the stats see them.
        assert!(quiz.leaderboard("test:server", Board::AllTime, NOW + DAY).unwrap().is_empty());
        let stats = quiz.stats(&ana.id).unwrap();
        assert_eq!((stats.answered, stats.right), (4, 3));
        assert_eq!(stats.by_period.iter().map(|t| t.answered).sum::<u64>(), 4);
        assert_eq!(stats.reread.len(), 1);
        let missed_entry = base.get(&missed).unwrap();
        assert_eq!(stats.reread[0], histbot::ask::engine::suggestion(missed_entry));
        let shown = view::stats(&stats).to_plain_text();
        assert!(shown.contains("3 right of 4") && shown.contains(&missed_entry.id), "{shown}");
    });
}

#[test]
fn a_poll_answer_can_be_changed_until_the_question_closes() {
    on_every_backend("study_revise", |backend, store, base| {
        let quiz = Quiz::new(store.as_ref(), base);
        let place = channel(9);
        let ana = player("Ana");
        let mut round = quiz.start(&place, &ana, "", 2, SECS, 3, NOW).unwrap();
        let (right, wrong) = right_and_wrong(&quiz, &place);
        let first = quiz.revise(round.clone(), &ana, wrong, NOW + 1).unwrap();
        assert!(first.first, "{}", backend.name);
        let changed = quiz.revise(round.clone(), &ana, right, NOW + 2).unwrap();
        assert!(!changed.first);
        let answers = quiz.answers(&round).unwrap();
        assert_eq!(answers.iter().map(|a| (a.choice, a.correct)).collect::<Vec<_>>(), [(right, true)], "the last answer counts");
        // After the time is up, and after the reveal, nothing changes any more.
        assert!(matches!(quiz.revise(round.clone(), &ana, wrong, NOW + SECS), Err(QuizError::Round(RoundError::TimeUp))));
        let stale = round.clone();
        assert_eq!(quiz.tick(&mut round, NOW + SECS).unwrap(), Some(Moved::Revealed(0)));
        assert!(matches!(quiz.revise(stale, &ana, wrong, NOW + 3), Err(QuizError::Round(RoundError::NotAsking))), "a round that moved on refuses");
        assert_eq!(quiz.answers(&round).unwrap()[0].choice, right);
        // The Leitner card was filed once, for the first answer.
        assert_eq!(store.cards(&ana.id).unwrap().len(), 1);
    });
}
