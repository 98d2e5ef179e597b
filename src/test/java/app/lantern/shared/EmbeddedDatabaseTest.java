package app.lantern.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/**
 * The embedded database keeps accepting data after the connection that created the schema is gone, as it is once the
 * pool retires the migration's connection (30 minutes after first start). H2 2.4.240 failed every insert into a
 * table with an IN-list check constraint from then on ("Check constraint invalid").
 */
class EmbeddedDatabaseTest {

    @Test
    void acceptsDataAfterTheMigrationConnectionClosed() throws Exception {
        String url = "jdbc:h2:mem:embedded-check;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
                + "DEFAULT_NULL_ORDERING=HIGH;CASE_INSENSITIVE_IDENTIFIERS=TRUE;DB_CLOSE_DELAY=-1";
        Flyway.configure()
                .dataSource(url, "sa", "")
                .locations("classpath:db/migration/common", "classpath:db/migration/h2")
                .failOnMissingLocations(false)
                .outOfOrder(true)
                .load()
                .migrate();
        try (Connection c = DriverManager.getConnection(url, "sa", "")) {
            try (PreparedStatement insert =
                    c.prepareStatement("insert into calendar_day (day_date, kind, name, source_year, updated_at)"
                            + " values (date '2031-10-08', 'HOLIDAY', '测试假日', 2031, current_timestamp)")) {
                assertThat(insert.executeUpdate()).isEqualTo(1);
            }
            try (ResultSet r = c.createStatement()
                    .executeQuery("select kind from calendar_day where day_date = date '2031-10-08'")) {
                assertThat(r.next()).isTrue();
                assertThat(r.getString(1)).isEqualTo("HOLIDAY");
            }
            c.createStatement().execute("shutdown");
        }
    }
}
