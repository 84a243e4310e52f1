//! The test PostgreSQL (see scripts/postgres.sh): `HISTBOT_TEST_POSTGRES`
//! holds its URL and `HISTBOT_DATABASE_PASSWORD` the password. Without the
//! URL a test skips with a printed reason; `HISTBOT_REQUIRE_POSTGRES=1`
//! makes that a failure.
#![allow(dead_code)] // each test binary uses its own part of this module

pub const SKIP: &str = "skipping the PostgreSQL half: no server (set HISTBOT_TEST_POSTGRES, or run scripts/test-all.sh)";

/// The server's URL, or `None` (after printing why). A build without the
/// `postgres` feature cannot open one, so it always skips.
pub fn url() -> Option<String> {
    if !cfg!(feature = "postgres") {
        eprintln!("skipping the PostgreSQL half: this build has no `postgres` feature");
        return None;
    }
    let required = std::env::var("HISTBOT_REQUIRE_POSTGRES").is_ok_and(|v| v == "1");
    match std::env::var("HISTBOT_TEST_POSTGRES").ok().filter(|v| !v.trim().is_empty()) {
        Some(url) => Some(url),
        None if required => panic!("{SKIP}; HISTBOT_REQUIRE_POSTGRES=1 says this test must run, not skip"),
        None => {
            eprintln!("{SKIP}");
            None
        }
    }
}

/// The password, if the environment has one.
pub fn password() -> Option<String> {
    std::env::var("HISTBOT_DATABASE_PASSWORD").ok()
}

/// A fresh schema named after `test` on the server, as a URL whose connections use it.
pub fn schema(url: &str, test: &str) -> String {
    let nanos = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.subsec_nanos()).unwrap_or(0);
    let schema = format!("t_{test}_{}_{nanos}", std::process::id());
    let mut config: postgres::Config = url.parse().expect("HISTBOT_TEST_POSTGRES is a PostgreSQL URL");
    if let Some(password) = password() {
        config.password(password);
    }
    let mut client = config.connect(postgres::NoTls).expect("connect to the test PostgreSQL");
    client.batch_execute(&format!("DROP SCHEMA IF EXISTS {schema} CASCADE; CREATE SCHEMA {schema}")).expect("create a test schema");
    let separator = if url.contains('?') { '&' } else { '?' };
    format!("{url}{separator}options=-c%20search_path%3D{schema}")
}

/// A store to run one test on, and what keeps it alive.
pub struct Backend {
    pub name: &'static str,
    pub location: histbot::store::Location,
    pub _dir: Option<tempfile::TempDir>,
}

/// SQLite in a temporary directory, and PostgreSQL (a schema of its own,
/// named after `test`) when there is a server.
pub fn backends(test: &str) -> Vec<Backend> {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut backends = vec![Backend { name: "sqlite", location: histbot::store::Location::in_data_dir(dir.path()), _dir: Some(dir) }];
    if let Some(url) = url() {
        backends.push(Backend { name: "postgres", location: histbot::store::Location::Postgres { url: schema(&url, test), password: password() }, _dir: None });
    }
    backends
}
