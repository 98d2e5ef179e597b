package app.lantern.scale;

import static org.assertj.core.api.Assertions.assertThat;

import app.lantern.testing.SuiteClock;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The scale generator at a small size on a fresh H2 database: what it writes holds together and is repeatable. */
class ScaleDataTest {

    private static final AtomicInteger DATABASES = new AtomicInteger();

    private final ScaleData.Plan small =
            new ScaleData.Plan(2, 5, 200, 1_000, 3_000, 3, 7L, LocalDate.now(SuiteClock.get()), "t");

    @Test
    void writesAConsistentOrganisationOfTeamsRepsCustomersDealsAndActivities() throws SQLException {
        try (Connection c = freshDatabase()) {
            ScaleData.Written written = ScaleData.generate(c, small);

            assertThat(written.rows())
                    .containsEntry("teams", 3L)
                    .containsEntry("users", 13L)
                    .containsEntry("customers", 200L)
                    .containsEntry("opportunities", 1_000L);
            assertThat(written.rows().get("activities")).isBetween(2_700L, 3_300L);
            assertThat(count(c, "SELECT COUNT(*) FROM opportunities")).isEqualTo(1_000);
            assertThat(count(c, "SELECT COUNT(DISTINCT status) FROM opportunities"))
                    .isEqualTo(3);
            assertThat(count(c, "SELECT COUNT(*) FROM opportunity_stage_history"))
                    .isGreaterThan(1_000);
            assertThat(count(c, "SELECT COUNT(DISTINCT owner_id) FROM opportunities"))
                    .isEqualTo(10);
            assertThat(count(c, "SELECT COUNT(*) FROM teams WHERE leader_id IS NULL"))
                    .isZero();
            assertThat(count(c, "SELECT COUNT(*) FROM targets WHERE org_level = 'REP' AND period_type = 'YEAR'"))
                    .isEqualTo(30);
            assertThat(ScaleChecks.violations(c, "t")).isEmpty();
        }
    }

    @Test
    void sameSeedSameDataAndTheApplicationKeepsNumberingAfterIt() throws SQLException {
        List<String> first;
        try (Connection c = freshDatabase()) {
            ScaleData.generate(c, small);
            first = sample(c);
            try (Statement st = c.createStatement()) {
                st.executeUpdate("INSERT INTO customers (name, owner_id, status, created_at, updated_at)"
                        + " VALUES ('后来录入的客户', 2, 'ACTIVE', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)");
            }
            assertThat(count(c, "SELECT id FROM customers WHERE name = '后来录入的客户'"))
                    .isEqualTo(201);
        }
        try (Connection c = freshDatabase()) {
            ScaleData.generate(c, small);
            assertThat(sample(c)).isEqualTo(first).hasSize(20);
        }
    }

    private static List<String> sample(Connection c) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT o.name, o.amount, o.status, o.created_at FROM opportunities o"
                        + " ORDER BY o.id FETCH FIRST 20 ROWS ONLY")) {
            while (rs.next()) {
                rows.add(rs.getString(1) + "|" + rs.getBigDecimal(2) + "|" + rs.getString(3) + "|" + rs.getString(4));
            }
        }
        return rows;
    }

    private static long count(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static Connection freshDatabase() throws SQLException {
        String url = "jdbc:h2:mem:scale-" + DATABASES.incrementAndGet()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;CASE_INSENSITIVE_IDENTIFIERS=TRUE";
        ScaleDataGenerator.migrate(url + ";DB_CLOSE_DELAY=-1", "sa", "");
        return DriverManager.getConnection(url + ";DB_CLOSE_DELAY=-1", "sa", "");
    }
}
