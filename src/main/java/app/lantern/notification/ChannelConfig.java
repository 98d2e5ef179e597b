package app.lantern.notification;

/** A channel as the senders need it; secrets are resolved from the named environment variables at send time. */
record ChannelConfig(
        long id,
        String name,
        ChannelKind kind,
        String endpoint,
        String appId,
        String agentId,
        String credentialEnv,
        String secretEnv,
        String msgFormat,
        Long teamId,
        boolean defaultOn,
        boolean enabled) {

    boolean markdown() {
        return !"text".equals(msgFormat);
    }
}
