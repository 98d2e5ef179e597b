package app.lantern.scale;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.postgresql.PGConnection;

/**
 * Rows for one table, buffered and written in bulk when {@link #flush()} is called: {@code COPY … FROM STDIN} on
 * PostgreSQL, a JDBC batch elsewhere (H2). The generator flushes the tables of a chunk in foreign-key order.
 */
abstract class TableSink {

    final String table;
    final List<String> columns;
    long written;

    TableSink(String table, String columns) {
        this.table = table;
        this.columns = List.of(columns.split(",\\s*"));
    }

    static TableSink of(Connection c, String table, String columns) throws SQLException {
        return c.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres")
                ? new Copy(c, table, columns)
                : new Batch(c, table, columns);
    }

    /** One row, values in the order of the columns. */
    final void add(Object... values) {
        if (values.length != columns.size()) {
            throw new IllegalArgumentException(
                    table + ": " + values.length + " values for " + columns.size() + " columns " + columns);
        }
        append(values);
        written++;
    }

    abstract void append(Object[] values);

    abstract void flush() throws SQLException;

    /** PostgreSQL: rows as CSV text, streamed with the copy API. */
    private static final class Copy extends TableSink {

        private final PGConnection pg;
        private final StringBuilder csv = new StringBuilder(1 << 20);

        Copy(Connection c, String table, String columns) throws SQLException {
            super(table, columns);
            this.pg = c.unwrap(PGConnection.class);
        }

        @Override
        void append(Object[] values) {
            for (int i = 0; i < values.length; i++) {
                if (i > 0) {
                    csv.append(',');
                }
                Object v = values[i];
                if (v instanceof String s) {
                    csv.append('"').append(s.replace("\"", "\"\"")).append('"');
                } else if (v != null) {
                    csv.append(v);
                }
            }
            csv.append('\n');
        }

        @Override
        void flush() throws SQLException {
            if (csv.isEmpty()) {
                return;
            }
            try {
                pg.getCopyAPI()
                        .copyIn(
                                "COPY " + table + " (" + String.join(", ", columns) + ") FROM STDIN WITH (FORMAT csv)",
                                new StringReader(csv.toString()));
            } catch (IOException e) {
                throw new SQLException(e);
            }
            csv.setLength(0);
        }
    }

    /** Any other database: a prepared insert executed as a batch. */
    private static final class Batch extends TableSink {

        private final Connection connection;
        private final List<Object[]> rows = new ArrayList<>();

        Batch(Connection c, String table, String columns) {
            super(table, columns);
            this.connection = c;
        }

        @Override
        void append(Object[] values) {
            rows.add(values);
        }

        @Override
        void flush() throws SQLException {
            if (rows.isEmpty()) {
                return;
            }
            String marks = String.join(", ", Collections.nCopies(columns.size(), "?"));
            try (PreparedStatement ps = connection.prepareStatement(
                    "INSERT INTO " + table + " (" + String.join(", ", columns) + ") VALUES (" + marks + ")")) {
                for (Object[] row : rows) {
                    for (int i = 0; i < row.length; i++) {
                        ps.setObject(i + 1, row[i]);
                    }
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            rows.clear();
        }
    }
}
