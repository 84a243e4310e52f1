//! Unified diffs of one fact file, for the audit log (`diff -u` style,
//! three lines of context). Fact files are small; a pair of files whose
//! line-by-line comparison would be too large is shown as one hunk that
//! replaces the whole file.

/// The largest line-pair table compared (old lines × new lines).
const MAX_CELLS: usize = 4_000_000;
/// Lines of context around each change.
const CONTEXT: usize = 3;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Op {
    Same,
    Removed,
    Added,
}

/// A unified diff of `file` from `before` to `after` (`None`: the file does
/// not exist on that side). Empty when they are the same.
pub fn unified(file: &str, before: Option<&str>, after: Option<&str>) -> String {
    let old: Vec<&str> = before.map(|t| t.lines().collect()).unwrap_or_default();
    let new: Vec<&str> = after.map(|t| t.lines().collect()).unwrap_or_default();
    if before == after {
        return String::new();
    }
    let ops = if old.len().saturating_mul(new.len()) > MAX_CELLS { replace_all(&old, &new) } else { lcs_ops(&old, &new) };
    let mut out = String::new();
    out.push_str(&format!("--- {}\n", if before.is_some() { format!("a/{file}") } else { "/dev/null".into() }));
    out.push_str(&format!("+++ {}\n", if after.is_some() { format!("b/{file}") } else { "/dev/null".into() }));
    for (start, end) in hunks(&ops) {
        out.push_str(&render_hunk(&ops, start, end, &old, &new));
    }
    out
}

/// How many lines a diff adds and removes.
pub fn counts(diff: &str) -> (usize, usize) {
    let added = diff.lines().filter(|l| l.starts_with('+') && !l.starts_with("+++")).count();
    let removed = diff.lines().filter(|l| l.starts_with('-') && !l.starts_with("---")).count();
    (added, removed)
}

fn replace_all(old: &[&str], new: &[&str]) -> Vec<Op> {
    std::iter::repeat_n(Op::Removed, old.len()).chain(std::iter::repeat_n(Op::Added, new.len())).collect()
}

/// The edit script of a longest common subsequence of lines.
fn lcs_ops(old: &[&str], new: &[&str]) -> Vec<Op> {
    let (n, m) = (old.len(), new.len());
    // lengths[i][j]: the LCS of old[i..] and new[j..].
    let mut lengths = vec![0u32; (n + 1) * (m + 1)];
    let at = |i: usize, j: usize| i * (m + 1) + j;
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            lengths[at(i, j)] = if old[i] == new[j] { lengths[at(i + 1, j + 1)] + 1 } else { lengths[at(i + 1, j)].max(lengths[at(i, j + 1)]) };
        }
    }
    let (mut i, mut j) = (0, 0);
    let mut ops = Vec::with_capacity(n + m);
    while i < n || j < m {
        if i < n && j < m && old[i] == new[j] {
            ops.push(Op::Same);
            i += 1;
            j += 1;
        } else if i < n && (j == m || lengths[at(i + 1, j)] >= lengths[at(i, j + 1)]) {
            // Removals before additions, as `diff -u` shows a changed line.
            ops.push(Op::Removed);
            i += 1;
        } else {
            ops.push(Op::Added);
            j += 1;
        }
    }
    ops
}

/// Ranges of `ops` that make hunks: each change with its context, nearby changes merged.
fn hunks(ops: &[Op]) -> Vec<(usize, usize)> {
    let mut ranges: Vec<(usize, usize)> = Vec::new();
    for (index, op) in ops.iter().enumerate() {
        if *op == Op::Same {
            continue;
        }
        let start = index.saturating_sub(CONTEXT);
        let end = (index + 1 + CONTEXT).min(ops.len());
        match ranges.last_mut() {
            Some(last) if start <= last.1 => last.1 = last.1.max(end),
            _ => ranges.push((start, end)),
        }
    }
    ranges
}

/// The hunk `ops[start..end]`, numbered by the lines of each side before it.
fn render_hunk(ops: &[Op], start: usize, end: usize, old: &[&str], new: &[&str]) -> String {
    let (before, hunk) = (&ops[..start], &ops[start..end]);
    let mut old_line = before.iter().filter(|op| **op != Op::Added).count();
    let mut new_line = before.iter().filter(|op| **op != Op::Removed).count();
    let old_count = hunk.iter().filter(|op| **op != Op::Added).count();
    let new_count = hunk.iter().filter(|op| **op != Op::Removed).count();
    let first = |line: usize, count: usize| if count == 0 { line } else { line + 1 };
    let mut out = format!("@@ -{},{old_count} +{},{new_count} @@\n", first(old_line, old_count), first(new_line, new_count));
    for op in hunk {
        match op {
            Op::Same => {
                out.push_str(&format!(" {}\n", old.get(old_line).copied().unwrap_or_default()));
                old_line += 1;
                new_line += 1;
            }
            Op::Removed => {
                out.push_str(&format!("-{}\n", old.get(old_line).copied().unwrap_or_default()));
                old_line += 1;
            }
            Op::Added => {
                out.push_str(&format!("+{}\n", new.get(new_line).copied().unwrap_or_default()));
                new_line += 1;
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_changed_line_is_one_hunk_with_context() {
        let before = "a\nb\nc\nd\ne\nf\ng\nh\n";
        let after = "a\nb\nc\nd\nE\nf\ng\nh\n";
        assert_eq!(unified("x.toml", Some(before), Some(after)), "--- a/x.toml\n+++ b/x.toml\n@@ -2,7 +2,7 @@\n b\n c\n d\n-e\n+E\n f\n g\n h\n");
        assert_eq!(counts(&unified("x.toml", Some(before), Some(after))), (1, 1));
    }

    #[test]
    fn creation_and_removal_use_dev_null() {
        assert_eq!(unified("n.toml", None, Some("x\ny\n")), "--- /dev/null\n+++ b/n.toml\n@@ -0,0 +1,2 @@\n+x\n+y\n");
        assert_eq!(unified("n.toml", Some("x\n"), None), "--- a/n.toml\n+++ /dev/null\n@@ -1,1 +0,0 @@\n-x\n");
        assert_eq!(unified("n.toml", Some("same\n"), Some("same\n")), "");
    }

    #[test]
    fn distant_changes_are_separate_hunks() {
        let before: String = (0..20).map(|i| format!("{i}\n")).collect();
        let after = before.replace("2\n", "two\n").replace("17\n", "seventeen\n");
        let diff = unified("x", Some(&before), Some(&after));
        assert_eq!(diff.matches("@@ -").count(), 2, "{diff}");
    }
}
