//! The real `histbot` binary as a child process: its output collected as it
//! comes, signals sent to it as an operator's service manager would.
#![allow(dead_code)]

use std::io::Read;
use std::path::Path;
use std::process::{Child, ChildStdin, Command, ExitStatus, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// How long to wait for the binary to say or do something.
pub const PROCESS_WAIT: Duration = Duration::from_secs(60);

/// A running `histbot`.
pub struct Histbot {
    child: Child,
    pub stdin: Option<ChildStdin>,
    stdout: Arc<Mutex<Vec<u8>>>,
    stderr: Arc<Mutex<Vec<u8>>>,
}

impl Histbot {
    /// Start `histbot ARGS` in `dir` with `RUST_LOG=info` (plus `env`).
    pub fn start(dir: &Path, args: &[&str], env: &[(&str, &str)]) -> Histbot {
        let mut child = Command::new(env!("CARGO_BIN_EXE_histbot"))
            .args(args)
            .current_dir(dir)
            .env("RUST_LOG", "info")
            .envs(env.iter().copied())
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("start histbot");
        let stdout = collect(child.stdout.take().expect("piped stdout"));
        let stderr = collect(child.stderr.take().expect("piped stderr"));
        let stdin = child.stdin.take();
        Histbot { child, stdin, stdout, stderr }
    }

    pub fn id(&self) -> u32 {
        self.child.id()
    }

    pub fn stdout(&self) -> String {
        String::from_utf8_lossy(&self.stdout.lock().unwrap()).into_owned()
    }

    pub fn stderr(&self) -> String {
        String::from_utf8_lossy(&self.stderr.lock().unwrap()).into_owned()
    }

    /// Wait until standard output contains `needle`.
    pub fn wait_for_stdout(&mut self, needle: &str) {
        self.wait_until(&format!("{needle:?} on stdout"), |bot| bot.stdout().contains(needle));
    }

    /// Wait until standard error (the log) contains `needle`.
    pub fn wait_for_log(&mut self, needle: &str) {
        self.wait_until(&format!("{needle:?} in the log"), |bot| bot.stderr().contains(needle));
    }

    fn wait_until(&mut self, what: &str, check: impl Fn(&Histbot) -> bool) {
        let deadline = Instant::now() + PROCESS_WAIT;
        while !check(self) {
            if let Ok(Some(status)) = self.child.try_wait() {
                if check(self) {
                    return;
                }
                panic!("histbot exited ({status}) before {what}\nstdout:\n{}\nstderr:\n{}", self.stdout(), self.stderr());
            }
            assert!(Instant::now() < deadline, "timed out waiting for {what}\nstdout:\n{}\nstderr:\n{}", self.stdout(), self.stderr());
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    /// Send a signal by name (`TERM`, `INT`) with `kill`.
    pub fn signal(&self, name: &str) {
        let status = Command::new("kill").arg(format!("-{name}")).arg(self.id().to_string()).status().expect("run kill");
        assert!(status.success(), "kill -{name} failed");
    }

    /// Wait for the process to exit (killing it after [`PROCESS_WAIT`]).
    pub fn wait(&mut self) -> ExitStatus {
        let deadline = Instant::now() + PROCESS_WAIT;
        loop {
            if let Some(status) = self.child.try_wait().expect("wait for histbot") {
                // Let the reader threads take the last bytes.
                std::thread::sleep(Duration::from_millis(100));
                return status;
            }
            if Instant::now() > deadline {
                let _ = self.child.kill();
                panic!("histbot did not exit\nstdout:\n{}\nstderr:\n{}", self.stdout(), self.stderr());
            }
            std::thread::sleep(Duration::from_millis(20));
        }
    }
}

impl Drop for Histbot {
    fn drop(&mut self) {
        if let Ok(None) = self.child.try_wait() {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }
}

/// Read a pipe to its end on a thread, into a shared buffer.
fn collect(mut pipe: impl Read + Send + 'static) -> Arc<Mutex<Vec<u8>>> {
    let buffer = Arc::new(Mutex::new(Vec::new()));
    let shared = buffer.clone();
    std::thread::spawn(move || {
        let mut chunk = [0u8; 4096];
        while let Ok(read) = pipe.read(&mut chunk) {
            if read == 0 {
                break;
            }
            shared.lock().unwrap().extend_from_slice(&chunk[..read]);
        }
    });
    buffer
}
