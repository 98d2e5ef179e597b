package app.lantern.notification;

import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Channel credentials come from environment variables an admin names (e.g. {@code LANTERN_WECOM_SECRET}); the
 * database holds only the name. Only {@code LANTERN_*} names are accepted, and never the application's own
 * database or admin credentials, so that a channel cannot be used to read other secrets of the server.
 */
@Component
class Secrets {

    static final Pattern NAME = Pattern.compile("LANTERN_[A-Z0-9_]{1,60}");
    private static final Set<String> FORBIDDEN = Set.of(
            "LANTERN_DB_URL",
            "LANTERN_DB_USERNAME",
            "LANTERN_DB_PASSWORD",
            "LANTERN_ADMIN_PASSWORD",
            "LANTERN_TEST_DB_PASSWORD",
            "LANTERN_TEST_DB_USERNAME",
            "LANTERN_TEST_DB_URL");

    private final Environment environment;

    Secrets(Environment environment) {
        this.environment = environment;
    }

    static boolean acceptableName(String name) {
        return name != null && NAME.matcher(name).matches() && !FORBIDDEN.contains(name);
    }

    Optional<String> value(String name) {
        if (!acceptableName(name)) {
            return Optional.empty();
        }
        String v = environment.getProperty(name);
        return v == null || v.isBlank() ? Optional.empty() : Optional.of(v);
    }

    boolean isSet(String name) {
        return value(name).isPresent();
    }
}
