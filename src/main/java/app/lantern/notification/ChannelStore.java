package app.lantern.notification;

import static lantern.db.Tables.NOTIFICATION_CHANNELS;
import static lantern.db.Tables.NOTIFICATION_OPT;

import app.lantern.identity.Directory;
import app.lantern.identity.UserSummary;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import lantern.db.tables.records.NotificationChannelsRecord;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

/** Reads channels and decides which ones reach a user (team scope, the channel's default, the user's choice). */
@Component
class ChannelStore {

    record Reachable(ChannelConfig config, boolean receives) {}

    private final DSLContext db;
    private final Directory directory;

    ChannelStore(DSLContext db, Directory directory) {
        this.db = db;
        this.directory = directory;
    }

    static ChannelConfig config(NotificationChannelsRecord r) {
        return new ChannelConfig(
                r.getId(),
                r.getName(),
                ChannelKind.valueOf(r.getKind()),
                r.getEndpoint(),
                r.getAppId(),
                r.getAgentId(),
                r.getCredentialEnv(),
                r.getSecretEnv(),
                r.getMsgFormat(),
                r.getTeamId(),
                r.getDefaultOn(),
                r.getEnabled());
    }

    List<ChannelConfig> all() {
        return db.selectFrom(NOTIFICATION_CHANNELS)
                .orderBy(NOTIFICATION_CHANNELS.ID)
                .fetch(ChannelStore::config);
    }

    Optional<ChannelConfig> find(long id) {
        return db.selectFrom(NOTIFICATION_CHANNELS)
                .where(NOTIFICATION_CHANNELS.ID.eq(id))
                .fetchOptional()
                .map(ChannelStore::config);
    }

    /** Enabled channels that may reach the user, and whether the user receives each. */
    List<Reachable> channelsFor(long userId) {
        Long teamId = directory.user(userId).map(UserSummary::teamId).orElse(null);
        Map<Long, Boolean> choices =
                db.selectFrom(NOTIFICATION_OPT).where(NOTIFICATION_OPT.USER_ID.eq(userId)).fetch().stream()
                        .collect(Collectors.toMap(r -> r.getChannelId(), r -> r.getEnabled()));
        return all().stream()
                .filter(ChannelConfig::enabled)
                .filter(c -> c.teamId() == null
                        || teamId != null && directory.subtree(c.teamId()).contains(teamId))
                .map(c -> new Reachable(c, choices.getOrDefault(c.id(), c.defaultOn())))
                .toList();
    }

    List<ChannelConfig> channelsOf(long userId) {
        return channelsFor(userId).stream()
                .filter(Reachable::receives)
                .map(Reachable::config)
                .toList();
    }
}
