//! Who is a moderator: the `[moderation]` scope, decided here for every
//! front end.
//!
//! The fact base and the report queue are shared by every server and room
//! the bot is in, so a server's or room's own permissions (Manage Server on
//! Discord, a power level on Matrix) count only inside the servers and rooms
//! the operator listed. Listed users and roles count wherever they ask.
//! Nothing listed: nobody is a moderator from chat (the console always is).
//!
//! Front ends describe what their platform says about the asker (a
//! [`DiscordStanding`] or a [`MatrixStanding`]) and set
//! [`Asker::is_moderator`](super::Asker) from the decision.

use std::collections::HashSet;

use crate::config::ModerationConfig;

/// The moderation scope from the config.
#[derive(Debug, Clone, Default)]
pub struct Moderation {
    discord_guilds: HashSet<u64>,
    discord_roles: HashSet<u64>,
    discord_users: HashSet<u64>,
    matrix_rooms: HashSet<String>,
    matrix_users: HashSet<String>,
}

/// What Discord says about someone running a command.
#[derive(Debug, Clone, Default)]
pub struct DiscordStanding<'a> {
    /// The server it was run in; `None` in a direct message.
    pub guild: Option<u64>,
    /// The user's id.
    pub user: Option<u64>,
    /// The member's role ids in that server.
    pub roles: &'a [u64],
    /// Manage Server or Administrator in that server.
    pub manages_guild: bool,
}

/// What Matrix says about someone sending a command.
#[derive(Debug, Clone, Default)]
pub struct MatrixStanding<'a> {
    /// The room id it was sent in.
    pub room: &'a str,
    /// The sender's user id.
    pub user: &'a str,
    /// At least the moderator power level in that room (or a creator).
    pub has_power: bool,
    /// The room is the configured `moderator_room`, which counts as listed.
    pub moderator_room: bool,
}

impl Moderation {
    /// The scope the config lists.
    pub fn from_config(config: &ModerationConfig) -> Moderation {
        Moderation {
            discord_guilds: config.discord_guilds.iter().copied().collect(),
            discord_roles: config.discord_roles.iter().copied().collect(),
            discord_users: config.discord_users.iter().copied().collect(),
            matrix_rooms: config.matrix_rooms.iter().map(|room| room.trim().to_string()).collect(),
            matrix_users: config.matrix_users.iter().map(|user| user.trim().to_string()).collect(),
        }
    }

    /// A listed user or a holder of a listed role; or Manage Server inside a listed server.
    pub fn discord(&self, standing: &DiscordStanding) -> bool {
        let listed_user = standing.user.is_some_and(|user| self.discord_users.contains(&user));
        let listed_role = standing.guild.is_some() && standing.roles.iter().any(|role| self.discord_roles.contains(role));
        let local = standing.manages_guild && standing.guild.is_some_and(|guild| self.discord_guilds.contains(&guild));
        listed_user || listed_role || local
    }

    /// A listed user; or the moderator power level inside a listed room (or the moderator room).
    pub fn matrix(&self, standing: &MatrixStanding) -> bool {
        let in_scope = standing.moderator_room || self.matrix_rooms.contains(standing.room);
        self.matrix_users.contains(standing.user) || (standing.has_power && in_scope)
    }

    /// Whether local power levels count in this Matrix room (the moderator room aside).
    pub fn lists_matrix_room(&self, room: &str) -> bool {
        self.matrix_rooms.contains(room)
    }

    /// Whether nothing is listed (the `moderator_room` aside).
    pub fn is_empty(&self) -> bool {
        self.discord_guilds.is_empty()
            && self.discord_roles.is_empty()
            && self.discord_users.is_empty()
            && self.matrix_rooms.is_empty()
            && self.matrix_users.is_empty()
    }

    /// Say at start who can moderate from chat (at INFO).
    pub fn log_scope(&self, matrix_moderator_room: bool) {
        if self.is_empty() && !matrix_moderator_room {
            tracing::info!("moderation: nobody is a moderator from Discord or Matrix ([moderation] lists no servers, rooms or users); /reload and /facts work only in the console");
            return;
        }
        tracing::info!(
            discord_guilds = self.discord_guilds.len(),
            discord_roles = self.discord_roles.len(),
            discord_users = self.discord_users.len(),
            matrix_rooms = self.matrix_rooms.len() + usize::from(matrix_moderator_room),
            matrix_users = self.matrix_users.len(),
            "moderation: only the servers, rooms, roles and users in [moderation] can moderate from chat"
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scope(text: &str) -> Moderation {
        let config: ModerationConfig = toml::from_str(text).expect("valid [moderation]");
        Moderation::from_config(&config)
    }

    const GUILD: u64 = 100;
    const ROLE: u64 = 300;

    fn member(guild: Option<u64>, user: u64, roles: &[u64], manages_guild: bool) -> DiscordStanding<'_> {
        DiscordStanding { guild, user: Some(user), roles, manages_guild }
    }

    #[test]
    fn nothing_listed_means_no_moderator_from_chat() {
        let none = Moderation::default();
        assert!(none.is_empty());
        assert!(!none.discord(&member(Some(GUILD), 1, &[], true)));
        assert!(!none.matrix(&MatrixStanding { room: "!a:x", user: "@a:x", has_power: true, moderator_room: false }));
    }

    #[test]
    fn discord_manage_server_counts_only_inside_listed_servers() {
        let moderation = scope("discord_guilds = [100]");
        assert!(moderation.discord(&member(Some(GUILD), 1, &[], true)));
        assert!(!moderation.discord(&member(Some(GUILD), 1, &[], false)), "a plain member of the listed server");
        assert!(!moderation.discord(&member(Some(999), 1, &[], true)), "the admin of another server");
        assert!(!moderation.discord(&member(None, 1, &[], true)), "a direct message");
    }

    #[test]
    fn discord_listed_users_and_roles_count_as_given() {
        let moderation = scope("discord_users = [7]\ndiscord_roles = [300]");
        assert!(moderation.discord(&member(Some(999), 7, &[], false)));
        assert!(moderation.discord(&member(None, 7, &[], false)), "a listed user in a direct message");
        assert!(moderation.discord(&member(Some(GUILD), 8, &[5, ROLE], false)));
        assert!(!moderation.discord(&member(Some(GUILD), 8, &[5], true)), "Manage Server outside discord_guilds");
        assert!(!moderation.discord(&DiscordStanding { user: None, ..member(Some(GUILD), 7, &[], false) }));
    }

    #[test]
    fn matrix_power_counts_only_inside_listed_rooms_and_the_moderator_room() {
        let moderation = scope("matrix_rooms = [\"!mods:example.org\"]\nmatrix_users = [\"@ana:example.org\"]");
        let standing = |room, user, has_power, moderator_room| MatrixStanding { room, user, has_power, moderator_room };
        assert!(moderation.matrix(&standing("!mods:example.org", "@bob:example.org", true, false)));
        assert!(!moderation.matrix(&standing("!mods:example.org", "@bob:example.org", false, false)));
        assert!(!moderation.matrix(&standing("!own:evil.org", "@bob:example.org", true, false)), "the creator of another room");
        assert!(moderation.matrix(&standing("!notices:example.org", "@bob:example.org", true, true)), "the moderator room counts");
        assert!(moderation.matrix(&standing("!own:evil.org", "@ana:example.org", false, false)), "a listed user anywhere");
    }
}
