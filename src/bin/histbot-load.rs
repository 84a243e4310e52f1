//! The HTTP interactions endpoint under load (`scripts/load-bench.sh`).
//!
//! 1. **Stages**, in this process: how long each step of a signed `/when`
//!    takes on its own (the signature check, reading the JSON, the answer
//!    with its embed, writing the JSON, and the core's answer alone), so
//!    the server's CPU per request can be set against what the work costs.
//! 2. **Load**: starts the real `histbot run` in HTTP mode on loopback with
//!    a freshly generated Ed25519 key, then sends pre-signed requests (one
//!    phase each of `/when`, `/ask` with free text, and autocomplete) at a
//!    fixed rate, open loop: each request has its moment on a schedule,
//!    and a request that has to wait for its connection counts from its
//!    moment (no coordinated omission). Prints throughput, p50/p90/p99/max
//!    and the server's CPU time per request (`utime + stime` of
//!    `/proc/PID/stat`, before and after the phase).
//!
//! The client speaks HTTP/1.1 over raw keep-alive connections with the
//! requests serialised in advance, so it costs a few microseconds of CPU per
//! request on the machine it shares with the server.

use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::Arc;
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use anyhow::{bail, Context};
use clap::Parser;
use ed25519_dalek::{Signer, SigningKey};
use histbot::config::{Config, DiscordConfig};
use histbot::discord::http::Endpoint;
use histbot::discord::interaction::{self, Incoming};
use histbot::facts::Kind;
use histbot::service::{Asker, Service};
use serde_json::{json, Value};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

#[derive(Parser, Debug)]
#[command(about = "Load-test histbot's HTTP interactions endpoint")]
struct Args {
    /// The histbot binary to start (a release build).
    #[arg(long)]
    histbot: PathBuf,
    /// The repository (its facts/ and config/).
    #[arg(long, default_value = ".")]
    repo: PathBuf,
    /// Requests per second, in every phase.
    #[arg(long, default_value_t = 2000)]
    rate: u32,
    /// Seconds each phase lasts (after a warm-up of a tenth of it).
    #[arg(long, default_value_t = 20)]
    seconds: u64,
    /// Keep-alive connections the requests are spread over.
    #[arg(long, default_value_t = 64)]
    connections: usize,
    /// Phases to run, in order (`when`, `ask`, `autocomplete`).
    #[arg(long, value_delimiter = ',', default_value = "when,ask,autocomplete")]
    phases: Vec<String>,
    /// Iterations of each stage in the stage timings (0: skip them).
    #[arg(long, default_value_t = 20_000)]
    stage_iterations: u32,
    /// The server's `answer_cache_entries` (0: every request is answered
    /// and rendered afresh); its default when not given.
    #[arg(long)]
    answer_cache_entries: Option<usize>,
}

fn main() -> anyhow::Result<()> {
    let args = Args::parse();
    let key = SigningKey::from_bytes(&random_seed()?);
    let scratch =
        TempDir(std::env::temp_dir().join(format!("histbot-load-stages-{}", std::process::id())));
    let service = Service::start(&service_config(&args.repo, &scratch.0))
        .context("the fact base does not load")?;
    let requests = Requests::build(&service, &key);
    print_machine();
    if args.stage_iterations > 0 {
        stages(&service, &key, &requests, args.stage_iterations)?;
    }
    drop(service);
    drop(scratch);
    let server = Server::start(&args, &key)?;
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(1)
        .enable_all()
        .build()?;
    let result = runtime.block_on(async {
        server.wait_ready().await?;
        println!(
            "\nload: {} req/s for {} s per phase over {} connections (open loop), server pid {}",
            args.rate,
            args.seconds,
            args.connections,
            server.pid()
        );
        println!(
            "{:<13} {:>8} {:>9} {:>8} {:>8} {:>8} {:>8} {:>8} {:>14} {:>12}",
            "phase",
            "sent",
            "req/s",
            "errors",
            "p50",
            "p90",
            "p99",
            "max",
            "server CPU/req",
            "client/req"
        );
        for phase in &args.phases {
            let pool = requests.pool(phase)?;
            let warmup = Duration::from_secs(args.seconds)
                .div_f64(10.0)
                .max(Duration::from_secs(1));
            drive(server.addr, pool, args.rate, warmup, args.connections).await?;
            let before = (cpu_ticks(server.pid())?, cpu_ticks_self()?);
            let report = drive(
                server.addr,
                pool,
                args.rate,
                Duration::from_secs(args.seconds),
                args.connections,
            )
            .await?;
            let after = (cpu_ticks(server.pid())?, cpu_ticks_self()?);
            report.print(phase, after.0 - before.0, after.1 - before.1);
        }
        anyhow::Ok(())
    });
    drop(server);
    result
}

/// 32 random bytes for the signing key.
fn random_seed() -> anyhow::Result<[u8; 32]> {
    let mut seed = [0u8; 32];
    std::fs::File::open("/dev/urandom")
        .and_then(|mut file| std::io::Read::read_exact(&mut file, &mut seed))
        .context("read /dev/urandom")?;
    Ok(seed)
}

fn service_config(repo: &Path, data_dir: &Path) -> Config {
    Config {
        facts: repo.join("facts"),
        intents: repo.join("config/intents.toml"),
        data_dir: data_dir.to_path_buf(),
        ..Config::default()
    }
}

/// The CPU and load the figures were taken on.
fn print_machine() {
    let cpus = std::thread::available_parallelism().map_or(0, usize::from);
    let model = std::fs::read_to_string("/proc/cpuinfo")
        .ok()
        .and_then(|info| {
            info.lines()
                .find(|line| line.starts_with("model name"))
                .and_then(|line| line.split(':').nth(1))
                .map(|m| m.trim().to_string())
        })
        .unwrap_or_else(|| "unknown CPU".into());
    let load = std::fs::read_to_string("/proc/loadavg").unwrap_or_default();
    println!(
        "machine: {cpus} CPUs ({model}); load average {}",
        load.split_whitespace()
            .take(3)
            .collect::<Vec<_>>()
            .join(" ")
    );
}

// ---- Requests --------------------------------------------------------------

/// Pre-signed raw HTTP requests, by phase.
struct Requests {
    when: Vec<Arc<[u8]>>,
    ask: Vec<Arc<[u8]>>,
    autocomplete: Vec<Arc<[u8]>>,
    /// One `/when` body and its signature headers, for the stage timings.
    sample_when: (Vec<u8>, String, String),
}

impl Requests {
    /// Up to 64 different requests per phase, from the shipped entries.
    fn build(service: &Service, key: &SigningKey) -> Requests {
        let engine = service.engine();
        let events: Vec<_> = engine
            .base()
            .entries()
            .iter()
            .filter(|entry| entry.kind == Kind::Event)
            .take(64)
            .collect();
        let mut n = 0u64;
        let mut next_id = || {
            n += 1;
            format!("{}", 1_400_000_000_000_000_000u64 + n)
        };
        let when: Vec<Value> = events
            .iter()
            .map(|e| {
                command(
                    &next_id(),
                    "when",
                    json!([{ "name": "event", "type": 3, "value": e.id }]),
                )
            })
            .collect();
        let ask: Vec<Value> = events.iter().map(|e| command(&next_id(), "ask", json!([{ "name": "question", "type": 3, "value": format!("when was the {}?", e.title.to_lowercase()) }]))).collect();
        let autocomplete: Vec<Value> = events
            .iter()
            .map(|e| {
                let partial: String = e.title.chars().take(3 + e.title.len() % 4).collect();
                autocomplete_request(&next_id(), &partial)
            })
            .collect();
        let timestamp = unix_now().to_string();
        let sample = serde_json::to_vec(&when[0]).unwrap_or_default();
        let signature = sign(key, &timestamp, &sample);
        let raw = |bodies: &[Value]| {
            bodies
                .iter()
                .map(|body| raw_request(key, &timestamp, body))
                .collect()
        };
        Requests {
            when: raw(&when),
            ask: raw(&ask),
            autocomplete: raw(&autocomplete),
            sample_when: (sample, timestamp.clone(), signature),
        }
    }

    fn pool(&self, phase: &str) -> anyhow::Result<&[Arc<[u8]>]> {
        Ok(match phase {
            "when" => &self.when,
            "ask" => &self.ask,
            "autocomplete" => &self.autocomplete,
            other => bail!("unknown phase {other:?} (when, ask, autocomplete)"),
        })
    }
}

/// A guild slash command interaction, as Discord sends it.
fn command(id: &str, name: &str, options: Value) -> Value {
    json!({
        "id": id, "application_id": "111111111111111111", "type": 2, "token": "bG9hZC1iZW5jaC10b2tlbg",
        "data": { "id": "1200000000000000001", "name": name, "type": 1, "options": options },
        "guild_id": "1000000000000000001", "channel_id": "1000000000000000002",
        "member": { "user": { "id": "1000000000000000003", "username": "student", "global_name": "Student" }, "roles": [], "permissions": "1024" },
        "locale": "en-US", "version": 1
    })
}

fn autocomplete_request(id: &str, partial: &str) -> Value {
    let mut request = command(
        id,
        "when",
        json!([{ "name": "event", "type": 3, "value": partial, "focused": true }]),
    );
    request["type"] = json!(4);
    request
}

fn unix_now() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs())
}

fn sign(key: &SigningKey, timestamp: &str, body: &[u8]) -> String {
    let mut message = timestamp.as_bytes().to_vec();
    message.extend_from_slice(body);
    hex::encode(key.sign(&message).to_bytes())
}

fn raw_request(key: &SigningKey, timestamp: &str, body: &Value) -> Arc<[u8]> {
    let body = serde_json::to_vec(body).unwrap_or_default();
    let signature = sign(key, timestamp, &body);
    let mut request = format!(
        "POST /interactions HTTP/1.1\r\nhost: 127.0.0.1\r\ncontent-type: application/json\r\nx-signature-ed25519: {signature}\r\nx-signature-timestamp: {timestamp}\r\ncontent-length: {}\r\n\r\n",
        body.len()
    )
    .into_bytes();
    request.extend_from_slice(&body);
    request.into()
}

// ---- Stages ----------------------------------------------------------------

/// Time each step of a signed `/when` on its own, in this process.
fn stages(
    service: &Arc<Service>,
    key: &SigningKey,
    requests: &Requests,
    iterations: u32,
) -> anyhow::Result<()> {
    let config = DiscordConfig {
        public_key: Some(hex::encode(key.verifying_key().to_bytes())),
        ..DiscordConfig::default()
    };
    let endpoint = Endpoint::new(service.clone(), &config, None)?;
    let (body, timestamp, signature) = &requests.sample_when;
    let mut headers = axum::http::HeaderMap::new();
    headers.insert("x-signature-ed25519", signature.parse()?);
    headers.insert("x-signature-timestamp", timestamp.parse()?);
    let incoming = Incoming::from_slice(body)?;
    let response = interaction::respond(service, &incoming);
    let asker = Asker {
        platform: "discord".into(),
        ..Asker::console()
    };
    let invocation = incoming.invocation();

    println!(
        "\nstages of one signed /when, in process ({iterations} runs each, median of 10 batches):"
    );
    let rows: Vec<(&str, f64)> = vec![
        (
            "signature check (Ed25519)",
            time(iterations, || endpoint.verify(&headers, body).is_ok()),
        ),
        (
            "JSON body → Incoming",
            time(iterations, || Incoming::from_slice(body).is_ok()),
        ),
        (
            "the core's answer (Service::handle)",
            time(iterations, || {
                !std::hint::black_box(service.handle(&invocation, &asker))
                    .headline
                    .is_empty()
            }),
        ),
        (
            "answer + embed (interaction::respond)",
            time(iterations, || {
                interaction::respond(service, &incoming).is_object()
            }),
        ),
        (
            "answer + embed + JSON, kept (cache hit)",
            time(iterations, || {
                interaction::command_json_now(service, &incoming, None, &endpoint.rendered)
                    .is_some_and(|json| !json.is_empty())
            }),
        ),
        (
            "response Value → JSON bytes",
            time(iterations, || {
                serde_json::to_vec(&response).is_ok_and(|bytes| !bytes.is_empty())
            }),
        ),
    ];
    for (name, nanos) in rows {
        println!("  {name:<40} {:>9.1} µs", nanos / 1000.0);
    }
    Ok(())
}

/// Median nanoseconds per call of `f` over 10 batches.
fn time(iterations: u32, mut f: impl FnMut() -> bool) -> f64 {
    let batch = (iterations / 10).max(1);
    let mut per_call: Vec<f64> = (0..10)
        .map(|_| {
            let started = Instant::now();
            for _ in 0..batch {
                std::hint::black_box(f());
            }
            started.elapsed().as_nanos() as f64 / f64::from(batch)
        })
        .collect();
    per_call.sort_by(f64::total_cmp);
    per_call[per_call.len() / 2]
}

// ---- The server ------------------------------------------------------------

/// `histbot run` in HTTP mode, stopped (SIGKILL) when dropped.
struct Server {
    child: Child,
    addr: SocketAddr,
    _dir: TempDir,
}

/// A directory removed when dropped.
struct TempDir(PathBuf);

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

impl Server {
    fn start(args: &Args, key: &SigningKey) -> anyhow::Result<Server> {
        let dir =
            TempDir(std::env::temp_dir().join(format!("histbot-load-{}", std::process::id())));
        std::fs::create_dir_all(&dir.0)?;
        let port = std::net::TcpListener::bind("127.0.0.1:0")?
            .local_addr()?
            .port();
        let addr: SocketAddr = format!("127.0.0.1:{port}").parse()?;
        let repo = args.repo.canonicalize().context("the repository")?;
        let quoted = |path: &Path| toml_string(&path.to_string_lossy());
        let config = format!(
            "facts = {}\nintents = {}\ndata_dir = {}\n\n[reload]\nwatch = false\n\n[discord]\nenabled = true\nmode = \"http\"\nlisten = {}\npublic_key = {}\ntoken_env = \"HISTBOT_LOAD_NO_TOKEN\"\nlocales = {}\n",
            quoted(&repo.join("facts")),
            quoted(&repo.join("config/intents.toml")),
            quoted(&dir.0.join("data")),
            toml_string(&addr.to_string()),
            toml_string(&hex::encode(key.verifying_key().to_bytes())),
            quoted(&repo.join("config/discord-locales.toml")),
        );
        let config = match args.answer_cache_entries {
            Some(entries) => format!("{config}answer_cache_entries = {entries}\n"),
            None => config,
        };
        let config_path = dir.0.join("histbot.toml");
        std::fs::write(&config_path, config)?;
        let log = std::fs::File::create(dir.0.join("histbot.log"))?;
        let child = Command::new(&args.histbot)
            .args(["run", "--config"])
            .arg(&config_path)
            .env("RUST_LOG", "warn")
            .env_remove("HISTBOT_LOAD_NO_TOKEN")
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(log)
            .spawn()
            .with_context(|| format!("start {}", args.histbot.display()))?;
        Ok(Server {
            child,
            addr,
            _dir: dir,
        })
    }

    fn pid(&self) -> u32 {
        self.child.id()
    }

    /// Wait (at most 60 s) until `/readyz` answers 200.
    async fn wait_ready(&self) -> anyhow::Result<()> {
        let deadline = Instant::now() + Duration::from_secs(60);
        loop {
            if let Ok(mut stream) = TcpStream::connect(self.addr).await {
                stream
                    .write_all(
                        b"GET /readyz HTTP/1.1\r\nhost: 127.0.0.1\r\nconnection: close\r\n\r\n",
                    )
                    .await?;
                let mut response = Vec::new();
                stream.read_to_end(&mut response).await?;
                if response.starts_with(b"HTTP/1.1 200") {
                    return Ok(());
                }
            }
            if Instant::now() > deadline {
                bail!(
                    "the server did not become ready within 60 s (its log is in {})",
                    self._dir.0.display()
                );
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn toml_string(text: &str) -> String {
    let escaped: String = text
        .chars()
        .flat_map(|c| {
            if c == '"' || c == '\\' {
                vec!['\\', c]
            } else {
                vec![c]
            }
        })
        .collect();
    format!("\"{escaped}\"")
}

/// `utime + stime` of a process, in clock ticks.
fn cpu_ticks(pid: u32) -> anyhow::Result<u64> {
    ticks_of(
        &std::fs::read_to_string(format!("/proc/{pid}/stat"))
            .context("read the server's /proc/PID/stat")?,
    )
}

fn cpu_ticks_self() -> anyhow::Result<u64> {
    ticks_of(&std::fs::read_to_string("/proc/self/stat")?)
}

/// Fields 14 and 15 of a `/proc/PID/stat` line (after the command name,
/// which may hold spaces, in parentheses).
fn ticks_of(stat: &str) -> anyhow::Result<u64> {
    let after_name = stat
        .rsplit_once(')')
        .map(|(_, rest)| rest)
        .context("a /proc stat line")?;
    let fields: Vec<&str> = after_name.split_whitespace().collect();
    // After the name: state is field 3, so utime (14) and stime (15) are at 11 and 12.
    let utime: u64 = fields.get(11).context("utime")?.parse()?;
    let stime: u64 = fields.get(12).context("stime")?.parse()?;
    Ok(utime + stime)
}

/// Clock ticks per second (`getconf CLK_TCK`, else the usual 100).
fn ticks_per_second() -> f64 {
    Command::new("getconf")
        .arg("CLK_TCK")
        .output()
        .ok()
        .and_then(|output| String::from_utf8(output.stdout).ok())
        .and_then(|text| text.trim().parse().ok())
        .unwrap_or(100.0)
}

// ---- The load --------------------------------------------------------------

/// What one phase measured.
struct Report {
    latencies: Vec<Duration>,
    errors: u64,
    elapsed: Duration,
}

impl Report {
    fn print(mut self, phase: &str, server_ticks: u64, client_ticks: u64) {
        self.latencies.sort();
        let done = self.latencies.len();
        let at = |q: f64| {
            self.latencies
                .get(((done as f64 - 1.0) * q).round() as usize)
                .copied()
                .unwrap_or_default()
        };
        let ms = |d: Duration| format!("{:.2}ms", d.as_secs_f64() * 1000.0);
        let per_request = |ticks: u64| {
            let seconds = ticks as f64 / ticks_per_second();
            format!("{:.0}µs", seconds * 1e6 / (done.max(1) as f64))
        };
        println!(
            "{:<13} {:>8} {:>9.0} {:>8} {:>8} {:>8} {:>8} {:>8} {:>14} {:>12}",
            phase,
            done + self.errors as usize,
            done as f64 / self.elapsed.as_secs_f64(),
            self.errors,
            ms(at(0.5)),
            ms(at(0.9)),
            ms(at(0.99)),
            ms(self.latencies.last().copied().unwrap_or_default()),
            per_request(server_ticks),
            per_request(client_ticks),
        );
    }
}

/// Send `pool`'s requests round robin at `rate` per second for `length`,
/// spread over `connections` keep-alive connections.
async fn drive(
    addr: SocketAddr,
    pool: &[Arc<[u8]>],
    rate: u32,
    length: Duration,
    connections: usize,
) -> anyhow::Result<Report> {
    let total = (f64::from(rate) * length.as_secs_f64()) as u64;
    let period = Duration::from_secs(1).div_f64(f64::from(rate.max(1)));
    let start = tokio::time::Instant::now() + Duration::from_millis(20);
    let connections = connections.max(1) as u64;
    let mut tasks = tokio::task::JoinSet::new();
    for lane in 0..connections {
        let pool: Vec<Arc<[u8]>> = pool.to_vec();
        tasks.spawn(async move {
            let mut stream = TcpStream::connect(addr).await?;
            stream.set_nodelay(true)?;
            let mut buffer = Vec::with_capacity(16 * 1024);
            let mut latencies = Vec::new();
            let mut errors = 0u64;
            let mut free_at = start;
            let mut i = lane;
            while i < total {
                let due = start + period.mul_f64(i as f64);
                tokio::time::sleep_until(due).await;
                // Waiting for the connection counts; a late timer does not.
                let counted_from = if free_at > due {
                    due
                } else {
                    tokio::time::Instant::now()
                };
                let request = &pool[(i as usize) % pool.len()];
                stream.write_all(request).await?;
                let ok = read_response(&mut stream, &mut buffer).await?;
                free_at = tokio::time::Instant::now();
                if ok {
                    latencies.push(free_at - counted_from);
                } else {
                    errors += 1;
                }
                i += connections;
            }
            anyhow::Ok((latencies, errors))
        });
    }
    let mut report = Report {
        latencies: Vec::with_capacity(total as usize),
        errors: 0,
        elapsed: Duration::ZERO,
    };
    while let Some(joined) = tasks.join_next().await {
        let (latencies, errors) = joined??;
        report.latencies.extend(latencies);
        report.errors += errors;
    }
    report.elapsed = start.elapsed();
    Ok(report)
}

/// Read one HTTP/1.1 response (with a `content-length`); whether it was a 200.
async fn read_response(stream: &mut TcpStream, buffer: &mut Vec<u8>) -> anyhow::Result<bool> {
    buffer.clear();
    let mut chunk = [0u8; 8192];
    loop {
        if let Some(end) = find(buffer, b"\r\n\r\n") {
            let head =
                std::str::from_utf8(&buffer[..end]).context("a response head that is not text")?;
            let length = head
                .lines()
                .find_map(|line| {
                    line.split_once(':')
                        .filter(|(name, _)| name.eq_ignore_ascii_case("content-length"))
                        .map(|(_, v)| v.trim().parse::<usize>())
                })
                .context("a response without content-length")??;
            let ok = head.starts_with("HTTP/1.1 200");
            while buffer.len() < end + 4 + length {
                let read = stream.read(&mut chunk).await?;
                if read == 0 {
                    bail!("the server closed the connection mid-response");
                }
                buffer.extend_from_slice(&chunk[..read]);
            }
            return Ok(ok);
        }
        let read = stream.read(&mut chunk).await?;
        if read == 0 {
            bail!("the server closed the connection");
        }
        buffer.extend_from_slice(&chunk[..read]);
    }
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack
        .windows(needle.len())
        .position(|window| window == needle)
}
