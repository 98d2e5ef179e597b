package app.lantern.audit;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Template helper ({@code @auditView}) that turns an {@link AuditEntry} into what a reader sees: the time in the
 * business zone, a label for the action and field, and a before → after row per field. Keeps JSON out of templates.
 */
@Component("auditView")
public class AuditView {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final MessageSource messages;
    private final ZoneId zone;
    private final List<HistoryFormat> formats;

    AuditView(
            MessageSource messages,
            @Value("${lantern.time-zone:Asia/Shanghai}") ZoneId zone,
            List<HistoryFormat> formats) {
        this.messages = messages;
        this.zone = zone;
        this.formats = List.copyOf(formats);
    }

    /**
     * One row of an entry's change table.
     *
     * @param before the value before (null for created entries and details)
     * @param after  the value after (null for deleted entries)
     */
    public record FieldChange(String field, String label, String before, String after) {}

    public String time(OffsetDateTime time) {
        return time == null ? "" : time.atZoneSameInstant(zone).format(TIME);
    }

    public String actionLabel(String action, Locale locale) {
        return label("audit.action." + action, action, locale);
    }

    public String entityLabel(String entityType, Locale locale) {
        return label("audit.entity." + entityType, entityType, locale);
    }

    public String fieldLabel(String field, Locale locale) {
        return label("audit.field." + field, field, locale);
    }

    /** Whether the rows of {@link #changes} have a before and an after (updates) rather than one value. */
    public boolean isUpdate(AuditEntry entry) {
        return "updated".equals(entry.action());
    }

    /** The entry's changes as rows: before → after for updates, the values for everything else. */
    public List<FieldChange> changes(AuditEntry entry, Locale locale) {
        JsonNode root;
        try {
            root = entry.changes() == null ? null : JSON.readTree(entry.changes());
        } catch (RuntimeException e) {
            return List.of(new FieldChange("", "", null, entry.changes()));
        }
        List<FieldChange> rows = new ArrayList<>();
        if (root == null || !root.isObject()) {
            if (root != null && !root.isNull()) {
                rows.add(new FieldChange("", "", null, text(root)));
            }
            return rows;
        }
        boolean deleted = "deleted".equals(entry.action());
        HistoryFormat format = formats.stream()
                .filter(h -> h.entityTypes().contains(entry.entityType()))
                .findFirst()
                .orElse(null);
        Iterator<Map.Entry<String, JsonNode>> fields = root.properties().iterator();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> f = fields.next();
            String field = f.getKey();
            JsonNode v = f.getValue();
            String label = format == null
                    ? fieldLabel(field, locale)
                    : format.label(field, locale).orElseGet(() -> fieldLabel(field, locale));
            if (isUpdate(entry) && v.isObject() && v.has("before") && v.has("after")) {
                rows.add(new FieldChange(
                        field,
                        label,
                        shown(format, field, text(v.get("before")), locale),
                        shown(format, field, text(v.get("after")), locale)));
            } else if (deleted) {
                rows.add(new FieldChange(field, label, shown(format, field, text(v), locale), null));
            } else {
                rows.add(new FieldChange(field, label, null, shown(format, field, text(v), locale)));
            }
        }
        return rows;
    }

    private static String shown(HistoryFormat format, String field, String value, Locale locale) {
        if (format == null || value == null) {
            return value;
        }
        return format.value(field, value, locale).orElse(value);
    }

    private static String text(JsonNode v) {
        if (v == null || v.isNull() || v.isMissingNode()) {
            return null;
        }
        if (v.isArray() && v.valueStream().allMatch(JsonNode::isValueNode)) {
            return String.join("、", v.valueStream().map(JsonNode::asString).toList());
        }
        return v.isValueNode() ? v.asString() : v.toString();
    }

    private String label(String key, String fallback, Locale locale) {
        return messages.getMessage(key, null, fallback, locale == null ? Locale.SIMPLIFIED_CHINESE : locale);
    }
}
