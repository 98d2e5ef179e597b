package app.lantern.conversation;

import app.lantern.calendar.CalendarDay;
import app.lantern.calendar.DayKind;
import app.lantern.calendar.WorkingCalendar;
import app.lantern.calendar.WorkingCalendars;
import app.lantern.calendar.WorkingHours;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The labelled development set ({@code conversation/devset.jsonl}): even ids tune, odd ids are held out. The working
 * calendar is the one the application ships (the 2025/2026 State Council notices from the migration).
 */
record DevSet(List<Snippet> snippets) {

    record Role(String name, ChainRole role) {}

    record Due(Party who, LocalDate due) {}

    record Snippet(
            int id,
            LocalDate callDate,
            String text,
            List<ObjectionCategory> objections,
            List<Role> roles,
            List<Due> commitments,
            Extraction.Budget budget,
            List<String> competitors) {

        boolean heldOut() {
            return id % 2 == 1;
        }
    }

    static DevSet load() {
        JsonMapper json = JsonMapper.builder().build();
        List<Snippet> out = new ArrayList<>();
        try (InputStream in = DevSet.class.getResourceAsStream("/conversation/devset.jsonl")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode n = json.readTree(line);
                List<ObjectionCategory> obj = new ArrayList<>();
                n.path("obj").forEach(o -> obj.add(ObjectionCategory.valueOf(o.asString())));
                List<Role> roles = new ArrayList<>();
                n.path("roles")
                        .forEach(r -> roles.add(new Role(
                                r.get(0).asString(), ChainRole.valueOf(r.get(1).asString()))));
                List<Due> com = new ArrayList<>();
                n.path("com")
                        .forEach(c -> com.add(new Due(
                                Party.valueOf(c.get(0).asString()),
                                LocalDate.parse(c.get(1).asString()))));
                Extraction.Budget budget = n.has("budget")
                        ? new Extraction.Budget(
                                amount(n.get("budget").get(0)),
                                amount(n.get("budget").get(1)))
                        : null;
                List<String> comp = new ArrayList<>();
                n.path("comp").forEach(c -> comp.add(c.asString()));
                out.add(new Snippet(
                        n.get("id").asInt(),
                        LocalDate.parse(n.get("date").asString()),
                        n.get("text").asString(),
                        obj,
                        roles,
                        com,
                        budget,
                        comp));
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return new DevSet(out);
    }

    private static BigDecimal amount(JsonNode n) {
        return n == null || n.isNull() ? null : new BigDecimal(n.asString());
    }

    List<Snippet> tuning() {
        return snippets.stream().filter(s -> !s.heldOut()).toList();
    }

    List<Snippet> heldOut() {
        return snippets.stream().filter(Snippet::heldOut).toList();
    }

    /** The application's working calendar for 2025–2026 as the calendar migration loads it. */
    static WorkingCalendar shippedCalendar() {
        Pattern row = Pattern.compile("DATE '(\\d{4}-\\d{2}-\\d{2})', '(HOLIDAY|WORKDAY)', '([^']+)'");
        List<CalendarDay> days = new ArrayList<>();
        try (InputStream in =
                DevSet.class.getResourceAsStream("/db/migration/common/V4_1__calendar_notices_2025_2026.sql")) {
            Matcher m = row.matcher(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            while (m.find()) {
                days.add(new CalendarDay(LocalDate.parse(m.group(1)), DayKind.valueOf(m.group(2)), m.group(3), true));
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return WorkingCalendars.inMemory(
                ZoneId.of("Asia/Shanghai"), WorkingHours.DEFAULT, Map.of(2025, "2025", 2026, "2026"), days);
    }
}
