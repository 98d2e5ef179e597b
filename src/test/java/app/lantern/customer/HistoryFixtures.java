package app.lantern.customer;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.dhatim.fastexcel.Workbook;
import tools.jackson.databind.JsonNode;

/**
 * The export fixtures of {@code src/test/resources/imports/history}, each run's external ids and company names made
 * unique by the token that replaces {@code {run}} (so a test passes again on a database that kept earlier runs).
 */
final class HistoryFixtures {

    final String run;

    HistoryFixtures() {
        Random random = new Random();
        this.run = ImportClient.latin(random) + random.nextInt(1000);
    }

    String text(String name) {
        try (InputStream in = HistoryFixtures.class.getResourceAsStream("/imports/history/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("{run}", run);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    byte[] csv(String name) {
        return text(name).getBytes(StandardCharsets.UTF_8);
    }

    /** The csv fixture saved as Excel would: cells {@code yyyy-MM-dd HH:mm} become date-time cells with that format. */
    byte[] xlsx(String name) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Workbook wb = new Workbook(out, "HubSpot", "1.0");
        var ws = wb.newWorksheet("Export");
        String[] lines = text(name).split("\n");
        for (int r = 0; r < lines.length; r++) {
            List<String> cells = new ArrayList<>(List.of(lines[r].split(",", -1)));
            for (int c = 0; c < cells.size(); c++) {
                String v = cells.get(c).strip();
                if (r > 0 && v.matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}")) {
                    ws.value(r, c, LocalDateTime.parse(v.replace(' ', 'T')));
                    ws.style(r, c).format("yyyy-mm-dd hh:mm").set();
                } else {
                    ws.value(r, c, v);
                }
            }
        }
        wb.finish();
        return out.toByteArray();
    }

    /** The message of a file line's outcome (empty when none). */
    static String message(JsonNode row) {
        return row.get("message") == null || row.get("message").isNull()
                ? ""
                : row.get("message").asString();
    }
}
