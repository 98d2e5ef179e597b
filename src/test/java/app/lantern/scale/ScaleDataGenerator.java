package app.lantern.scale;

import app.lantern.testing.SuiteClock;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.Map;
import org.flywaydb.core.Flyway;

/**
 * Command line of the scale data generator ({@code scripts/scale-data.sh}): migrates the database named by
 * {@code LANTERN_DB_URL} (user {@code LANTERN_DB_USERNAME}, password {@code LANTERN_DB_PASSWORD}), generates the
 * organisation described by the {@code -Dscale.*} properties, checks it with {@link ScaleChecks} and, on PostgreSQL,
 * refreshes the planner statistics. Defaults: the million-deal set of docs/perf/scale.md.
 */
public final class ScaleDataGenerator {

    private ScaleDataGenerator() {}

    public static void main(String[] args) throws SQLException {
        String url = System.getenv("LANTERN_DB_URL");
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("set LANTERN_DB_URL (and LANTERN_DB_USERNAME, LANTERN_DB_PASSWORD)");
        }
        String user = env("LANTERN_DB_USERNAME", "sa");
        String password = env("LANTERN_DB_PASSWORD", "");
        ScaleData.Plan plan = new ScaleData.Plan(
                Integer.getInteger("scale.teams", 20),
                Integer.getInteger("scale.reps", 25),
                Integer.getInteger("scale.customers", 200_000),
                Integer.getInteger("scale.opportunities", 1_000_000),
                Integer.getInteger("scale.activities", 3_000_000),
                Integer.getInteger("scale.years", 3),
                Long.getLong("scale.seed", 19L),
                LocalDate.parse(System.getProperty(
                        "scale.asOf", LocalDate.now(SuiteClock.get()).toString())),
                System.getProperty("scale.prefix", "s"));
        migrate(url, user, password);
        try (Connection c = DriverManager.getConnection(url, user, password)) {
            long t0 = System.nanoTime();
            ScaleData.Written written = ScaleData.generate(c, plan);
            long t1 = System.nanoTime();
            written.rows().forEach((table, n) -> System.out.printf("%-28s %,12d rows%n", table, n));
            System.out.printf("generated in %.1f s%n", (t1 - t0) / 1e9);
            if (postgres(c)) {
                c.setAutoCommit(true);
                try (Statement st = c.createStatement()) {
                    st.execute("ANALYZE");
                }
                System.out.printf("analyzed in %.1f s%n", (System.nanoTime() - t1) / 1e9);
            }
            Map<String, Long> broken = ScaleChecks.violations(c, plan.prefix());
            if (!broken.isEmpty()) {
                throw new IllegalStateException("generated data is inconsistent: " + broken);
            }
            System.out.println("consistency checks passed");
        }
    }

    /** The application's migrations, as Spring Boot would run them at start-up. */
    static void migrate(String url, String user, String password) {
        String vendor = url.startsWith("jdbc:postgresql") ? "postgresql" : "h2";
        Flyway.configure()
                .dataSource(url, user, password)
                .locations("classpath:db/migration/common", "classpath:db/migration/" + vendor)
                .failOnMissingLocations(false)
                .outOfOrder(true)
                .load()
                .migrate();
    }

    private static boolean postgres(Connection c) throws SQLException {
        return c.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres");
    }

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null ? fallback : v;
    }
}
