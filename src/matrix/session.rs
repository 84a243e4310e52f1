//! Logging in once and restoring the same session (and so the same device
//! and its encryption keys) on every restart.
//!
//! The store directory holds the sqlite state and crypto stores and
//! `session.json` (user id, device id, access token; mode 0600). The
//! password is never written anywhere; the access token only to that file.

use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::time::Duration;

use matrix_sdk::authentication::matrix::MatrixSession;
use matrix_sdk::config::RequestConfig;
use matrix_sdk::encryption::EncryptionSettings;
use matrix_sdk::ruma::api::error::ErrorKind;
use matrix_sdk::ruma::UserId;
use matrix_sdk::{Client, SessionMeta, SessionTokens};

use super::MatrixError;
use crate::config::{secret, MatrixConfig};

/// The file, in the store directory, that holds the session.
pub const SESSION_FILE: &str = "session.json";
/// The device name other users see for the bot.
const DEVICE_NAME: &str = "histbot";

/// What the bot authenticates with.
enum Credential {
    Password(String),
    AccessToken(String),
}

/// The configured credential: an access token if one is set, else a password.
fn credential(config: &MatrixConfig) -> Option<Credential> {
    if let Some(token) = secret(&config.access_token_env, config.access_token_file.as_deref()) {
        return Some(Credential::AccessToken(token));
    }
    secret(&config.password_env, config.password_file.as_deref()).map(Credential::Password)
}

fn password(config: &MatrixConfig) -> Option<String> {
    secret(&config.password_env, config.password_file.as_deref())
}

/// Build a client on the store in `store_dir` and log in or restore the
/// session saved there. Waits (with backoff) while the homeserver cannot be
/// reached; fails on wrong credentials or a store that belongs to someone else.
/// Returns the client and whether this was a fresh login (a new device).
pub async fn connect(config: &MatrixConfig, store_dir: &Path) -> Result<(Client, bool), MatrixError> {
    let homeserver = config.homeserver.as_deref().ok_or_else(|| MatrixError::Config("[matrix] needs `homeserver`".into()))?;
    let user_id_text = config.user_id.as_deref().ok_or_else(|| MatrixError::Config("[matrix] needs `user_id`".into()))?;
    let user_id = UserId::parse(user_id_text)
        .map_err(|error| MatrixError::Config(format!("[matrix] user_id {user_id_text:?} is not a Matrix user id (@name:server): {error}")))?;
    create_private_dir(store_dir)?;
    let session_path = store_dir.join(SESSION_FILE);
    let saved = read_session(&session_path)?;
    let credential = credential(config);
    if saved.is_none() && credential.is_none() {
        return Err(MatrixError::Config(format!(
            "no Matrix credential: set {} (or password_file), or {} (or access_token_file)",
            config.password_env, config.access_token_env
        )));
    }
    if saved.is_none() {
        // A store without its session cannot be used (its crypto account
        // belongs to a device we no longer have a token for): start afresh.
        remove_stale_store(store_dir)?;
    }
    let mut client = build_client(homeserver, store_dir).await?;
    let mut fresh = saved.is_none();
    match saved {
        Some(session) => {
            if session.meta.user_id != user_id {
                return Err(MatrixError::Config(format!(
                    "the store in {} belongs to {}, not {user_id}; use another store_dir",
                    store_dir.display(),
                    session.meta.user_id
                )));
            }
            let device_id = session.meta.device_id.clone();
            client.restore_session(session).await.map_err(|error| MatrixError::Login(format!("cannot restore the saved session: {error}")))?;
            match whoami_with_retry(&client).await {
                Ok(()) => {
                    tracing::info!(user_id = %user_id, device_id = %device_id, "restored the Matrix session");
                }
                Err(RejectedToken { soft_logout }) => {
                    let Some(password) = password(config) else {
                        return Err(MatrixError::Login(format!(
                            "the homeserver rejected the saved access token of device {device_id}; set the password ({} or password_file) so histbot can log in again, or delete {} to start as a new device",
                            config.password_env,
                            store_dir.display()
                        )));
                    };
                    // A client's session is set once: log in on a new client.
                    drop(client);
                    if soft_logout {
                        // The token expired but the device lives on: log in
                        // again as the same device, keeping its keys.
                        tracing::warn!(device_id = %device_id, "the saved access token expired; logging in again as the same device");
                        client = build_client(homeserver, store_dir).await?;
                        login_password(&client, &user_id, &password, Some(device_id.as_str())).await?;
                    } else {
                        // Logged out: the homeserver deleted the device and its
                        // keys, so its crypto store is useless. Start as a new device.
                        tracing::warn!(device_id = %device_id, "the device was logged out on the homeserver; starting as a new device");
                        let _ = std::fs::remove_file(&session_path);
                        remove_stale_store(store_dir)?;
                        client = build_client(homeserver, store_dir).await?;
                        login_password(&client, &user_id, &password, None).await?;
                        fresh = true;
                    }
                    save_session(&client, &session_path)?;
                    tracing::info!(user_id = %user_id, device_id = ?client.device_id(), "logged in to Matrix again; session saved");
                }
            }
        }
        None => {
            match credential {
                Some(Credential::Password(password)) => login_password(&client, &user_id, &password, None).await?,
                Some(Credential::AccessToken(token)) => login_token(&client, &user_id, token).await?,
                None => unreachable!("checked above"),
            }
            save_session(&client, &session_path)?;
            tracing::info!(user_id = %user_id, device_id = ?client.device_id(), "logged in to Matrix; session saved");
        }
    }
    Ok((client, fresh))
}

/// How often matrix-sdk retries one failed request before reporting it.
const REQUEST_RETRIES: usize = 3;

async fn build_client(homeserver: &str, store_dir: &Path) -> Result<Client, MatrixError> {
    Client::builder()
        .homeserver_url(homeserver)
        .sqlite_store(store_dir, None)
        .with_encryption_settings(EncryptionSettings::default())
        // matrix-sdk retries a failed request forever by default, so a sync
        // during an outage never returned and /readyz never saw it; the sync
        // loop retries on its own, with its own backoff, and counts failures.
        .request_config(RequestConfig::new().timeout(Duration::from_secs(60)).retry_limit(REQUEST_RETRIES))
        // The configured homeserver is the one histbot talks to, after a
        // fresh login as after a restored session: matrix-sdk would
        // otherwise switch to the base URL a login response advertises
        // (Synapse's `public_baseurl`), bypassing the configured address
        // (a proxy, an internal name) until the next restart.
        .respect_login_well_known(false)
        .build()
        .await
        .map_err(|error| MatrixError::Store(format!("cannot open the Matrix store in {}: {error}", store_dir.display())))
}

struct RejectedToken {
    /// The device survives (`M_UNKNOWN_TOKEN` with `soft_logout`).
    soft_logout: bool,
}

/// Check the restored token. Network trouble is retried (the homeserver may
/// be starting); only an explicit "unknown token" is a rejection.
async fn whoami_with_retry(client: &Client) -> Result<(), RejectedToken> {
    let mut delay = Duration::from_millis(500);
    loop {
        match client.whoami().await {
            Ok(_) => return Ok(()),
            Err(error) => {
                if let Some(ErrorKind::UnknownToken(data)) = error.client_api_error_kind() {
                    return Err(RejectedToken { soft_logout: data.soft_logout });
                }
                if error.client_api_error_kind().is_some() {
                    // Another API error: the token may still be fine; let sync decide.
                    tracing::warn!(%error, "could not check the saved session; continuing");
                    return Ok(());
                }
                tracing::warn!(%error, retry_in = ?delay, "the homeserver is not reachable yet");
                tokio::time::sleep(delay).await;
                delay = (delay * 2).min(Duration::from_secs(30));
            }
        }
    }
}

async fn login_password(client: &Client, user_id: &UserId, password: &str, device_id: Option<&str>) -> Result<(), MatrixError> {
    let mut delay = Duration::from_millis(500);
    loop {
        let mut login = client.matrix_auth().login_username(user_id, password).initial_device_display_name(DEVICE_NAME);
        if let Some(device_id) = device_id {
            login = login.device_id(device_id);
        }
        match login.send().await {
            Ok(_) => return Ok(()),
            Err(error) => {
                if let Some(kind) = error.client_api_error_kind() {
                    if !matches!(kind, ErrorKind::LimitExceeded(_)) {
                        // The message names the problem, never the password.
                        return Err(MatrixError::Login(format!("the homeserver refused the login of {user_id}: {error}")));
                    }
                }
                tracing::warn!(%error, retry_in = ?delay, "cannot log in yet");
                tokio::time::sleep(delay).await;
                delay = (delay * 2).min(Duration::from_secs(30));
            }
        }
    }
}

async fn login_token(client: &Client, user_id: &UserId, token: String) -> Result<(), MatrixError> {
    // Ask the homeserver who the token belongs to (and which device).
    let probe = Client::builder()
        .homeserver_url(client.homeserver())
        .build()
        .await
        .map_err(|error| MatrixError::Login(format!("cannot reach the homeserver: {error}")))?;
    let placeholder = MatrixSession {
        meta: SessionMeta { user_id: user_id.to_owned(), device_id: "HISTBOTPROBE".into() },
        tokens: SessionTokens { access_token: token.clone(), refresh_token: None },
    };
    probe.restore_session(placeholder).await.map_err(|error| MatrixError::Login(format!("cannot use the access token: {error}")))?;
    let mut delay = Duration::from_millis(500);
    let response = loop {
        match probe.whoami().await {
            Ok(response) => break response,
            Err(error) if error.client_api_error_kind().is_some() => {
                return Err(MatrixError::Login(format!("the homeserver refused the access token: {error}")));
            }
            Err(error) => {
                tracing::warn!(%error, retry_in = ?delay, "the homeserver is not reachable yet");
                tokio::time::sleep(delay).await;
                delay = (delay * 2).min(Duration::from_secs(30));
            }
        }
    };
    if response.user_id != user_id {
        return Err(MatrixError::Config(format!("the access token belongs to {}, but user_id is {user_id}", response.user_id)));
    }
    let device_id = response.device_id.ok_or_else(|| MatrixError::Login("the access token has no device (it must come from a login, not an appservice)".into()))?;
    let session = MatrixSession {
        meta: SessionMeta { user_id: response.user_id, device_id },
        tokens: SessionTokens { access_token: token, refresh_token: None },
    };
    client.restore_session(session).await.map_err(|error| MatrixError::Login(format!("cannot use the access token: {error}")))
}

/// The session saved in `path`, if any.
fn read_session(path: &Path) -> Result<Option<MatrixSession>, MatrixError> {
    let text = match std::fs::read_to_string(path) {
        Ok(text) => text,
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(error) => return Err(MatrixError::Store(format!("cannot read {}: {error}", path.display()))),
    };
    serde_json::from_str(&text)
        .map(Some)
        .map_err(|error| MatrixError::Store(format!("{} is not a saved session ({error}); delete the store directory to log in afresh", path.display())))
}

/// Write the client's session to `path`, readable by the owner only.
fn save_session(client: &Client, path: &Path) -> Result<(), MatrixError> {
    let session = client.matrix_auth().session().ok_or_else(|| MatrixError::Login("logged in, but the client has no session".into()))?;
    let json = serde_json::to_string_pretty(&session).map_err(|error| MatrixError::Store(error.to_string()))?;
    write_private(path, json.as_bytes()).map_err(|error| MatrixError::Store(format!("cannot write {}: {error}", path.display())))
}

/// Write a file with mode 0600, atomically (write a temporary file, rename).
pub(super) fn write_private(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let temporary = path.with_extension("json.tmp");
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create(true).truncate(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt as _;
        options.mode(0o600);
    }
    let mut file = options.open(&temporary)?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt as _;
        file.set_permissions(std::fs::Permissions::from_mode(0o600))?;
    }
    file.write_all(bytes)?;
    file.sync_all()?;
    drop(file);
    std::fs::rename(&temporary, path)
}

fn create_private_dir(dir: &Path) -> Result<(), MatrixError> {
    std::fs::create_dir_all(dir).map_err(|error| MatrixError::Store(format!("cannot create the store directory {}: {error}", dir.display())))?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt as _;
        let _ = std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o700));
    }
    Ok(())
}

/// Remove the sqlite files matrix-sdk keeps in a store directory (and
/// nothing else).
fn remove_stale_store(dir: &Path) -> Result<(), MatrixError> {
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(_) => return Ok(()),
    };
    let stale: Vec<PathBuf> = entries
        .flatten()
        .map(|entry| entry.path())
        .filter(|path| path.file_name().and_then(|n| n.to_str()).is_some_and(|name| name.starts_with("matrix-sdk-") && name.contains(".sqlite3")))
        .collect();
    if !stale.is_empty() {
        tracing::warn!(dir = %dir.display(), "the store has no saved session; starting a new one");
    }
    for path in stale {
        std::fs::remove_file(&path).map_err(|error| MatrixError::Store(format!("cannot remove the stale {}: {error}", path.display())))?;
    }
    Ok(())
}

