//! The real `histbot` binary on a pseudo-terminal, typed into as a person
//! would: its standard input, output and error are the terminal's, so it
//! sees a terminal (line editing, colours) and answers on the screen.
//!
//! Waiting is by content ([`Terminal::expect`]), with a generous limit
//! that only stops a hung test; nothing is timed.
#![cfg(unix)]
#![allow(dead_code)]

use std::fs::File;
use std::io::{Read, Write};
use std::os::fd::OwnedFd;
use std::path::Path;
use std::process::{Child, Command, ExitStatus, Stdio};
use std::sync::{Arc, Condvar, Mutex};
use std::time::{Duration, Instant};

use nix::fcntl::{fcntl, FcntlArg, FdFlag};
use nix::pty::{openpty, Winsize};

/// How long to wait for the binary to show something before failing.
pub const SCREEN_WAIT: Duration = Duration::from_secs(90);

/// Everything the terminal has received, and whether the program's side
/// is closed.
#[derive(Default)]
struct Screen {
    bytes: Vec<u8>,
    closed: bool,
}

/// A `histbot` running on a pseudo-terminal.
pub struct Terminal {
    child: Child,
    keyboard: File,
    screen: Arc<(Mutex<Screen>, Condvar)>,
    /// How much of the output [`Terminal::expect`] has gone past.
    seen: usize,
}

impl Terminal {
    /// Start `histbot ARGS` in `dir` on a terminal `columns` wide, with
    /// `TERM=xterm-256color`, `RUST_LOG=warn`, none of the variables that
    /// change how it draws (`NO_COLOR`, `FORCE_HYPERLINK`, `COLUMNS`,
    /// `TMUX`), and then `env`.
    pub fn start(dir: &Path, args: &[&str], env: &[(&str, &str)], columns: u16) -> Terminal {
        let size = Winsize { ws_row: 50, ws_col: columns, ws_xpixel: 0, ws_ypixel: 0 };
        let pty = openpty(&size, None).expect("open a pseudo-terminal");
        for fd in [&pty.master, &pty.slave] {
            // Other tests' children must not hold this terminal open.
            fcntl(fd, FcntlArg::F_SETFD(FdFlag::FD_CLOEXEC)).expect("close on exec");
        }
        let side = |fd: &OwnedFd| Stdio::from(fd.try_clone().expect("duplicate the terminal"));
        let mut command = Command::new(env!("CARGO_BIN_EXE_histbot"));
        command.args(args).current_dir(dir).stdin(side(&pty.slave)).stdout(side(&pty.slave)).stderr(side(&pty.slave));
        for name in ["NO_COLOR", "FORCE_HYPERLINK", "COLUMNS", "TMUX", "STY", "TERM_PROGRAM", "VTE_VERSION", "WT_SESSION", "KONSOLE_VERSION"] {
            command.env_remove(name);
        }
        command.env("TERM", "xterm-256color").env("RUST_LOG", "warn").envs(env.iter().copied());
        let child = command.spawn().expect("start histbot on the terminal");
        drop(pty.slave);
        let master = File::from(pty.master);
        let keyboard = master.try_clone().expect("duplicate the terminal");
        let screen = Arc::new((Mutex::new(Screen::default()), Condvar::new()));
        read_into(master, screen.clone());
        Terminal { child, keyboard, screen, seen: 0 }
    }

    /// Type text (keys such as Tab `\t`, Enter `\r`, ↑ `\x1b[A` included).
    pub fn type_keys(&mut self, keys: &str) {
        self.send(keys.as_bytes());
    }

    /// Send raw bytes, as a terminal in a wrong encoding would.
    pub fn send(&mut self, bytes: &[u8]) {
        self.keyboard.write_all(bytes).expect("type into the terminal");
        self.keyboard.flush().expect("type into the terminal");
    }

    /// Wait until `needle` appears after what earlier calls went past;
    /// return the output up to and including it, and go past it.
    pub fn expect(&mut self, needle: &str) -> String {
        let (lock, changed) = &*self.screen;
        let deadline = Instant::now() + SCREEN_WAIT;
        let mut screen = lock.lock().unwrap();
        loop {
            let fresh = &screen.bytes[self.seen.min(screen.bytes.len())..];
            if let Some(at) = find(fresh, needle.as_bytes()) {
                let end = at + needle.len();
                let text = String::from_utf8_lossy(&fresh[..end]).into_owned();
                self.seen += end;
                return text;
            }
            let now = Instant::now();
            if screen.closed || now >= deadline {
                let why = if screen.closed { "the program closed the terminal" } else { "timed out" };
                panic!("{why} before {needle:?} appeared; after the last match the screen got:\n{:?}", String::from_utf8_lossy(fresh));
            }
            screen = changed.wait_timeout(screen, deadline - now).unwrap().0;
        }
    }

    /// The program's process id.
    pub fn id(&self) -> u32 {
        self.child.id()
    }

    /// Whether the terminal is in its usual line mode (canonical input
    /// with echo), as a shell expects it to be left.
    pub fn is_in_line_mode(&self) -> bool {
        use nix::sys::termios::{tcgetattr, LocalFlags};
        let settings = tcgetattr(&self.keyboard).expect("read the terminal's settings");
        settings.local_flags.contains(LocalFlags::ICANON | LocalFlags::ECHO)
    }

    /// Everything the terminal has shown so far.
    pub fn output(&self) -> String {
        String::from_utf8_lossy(&self.screen.0.lock().unwrap().bytes).into_owned()
    }

    /// Wait for the program to exit (killing it after [`SCREEN_WAIT`]).
    pub fn wait(&mut self) -> ExitStatus {
        let deadline = Instant::now() + SCREEN_WAIT;
        loop {
            if let Some(status) = self.child.try_wait().expect("wait for histbot") {
                return status;
            }
            if Instant::now() > deadline {
                let _ = self.child.kill();
                panic!("histbot did not exit; the screen:\n{:?}", self.output());
            }
            std::thread::sleep(Duration::from_millis(20));
        }
    }
}

impl Drop for Terminal {
    fn drop(&mut self) {
        if let Ok(None) = self.child.try_wait() {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }
}

/// Copy what the program writes into `screen` on a thread, until its side
/// of the terminal is closed.
fn read_into(mut master: File, screen: Arc<(Mutex<Screen>, Condvar)>) {
    std::thread::spawn(move || {
        let mut chunk = [0u8; 4096];
        loop {
            let read = master.read(&mut chunk);
            let (lock, changed) = &*screen;
            let mut screen = lock.lock().unwrap();
            match read {
                Ok(n) if n > 0 => screen.bytes.extend_from_slice(&chunk[..n]),
                Err(error) if error.kind() == std::io::ErrorKind::Interrupted => continue,
                // End of file, or EIO once the program's side is closed.
                _ => {
                    screen.closed = true;
                    changed.notify_all();
                    return;
                }
            }
            changed.notify_all();
        }
    });
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    if needle.is_empty() {
        return Some(0);
    }
    haystack.windows(needle.len()).position(|window| window == needle)
}
