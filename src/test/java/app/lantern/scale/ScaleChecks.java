package app.lantern.scale;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Consistency of generated data, each rule a query counting the rows that break it, over the records owned by the
 * users whose name starts with the plan's prefix. Used by the test and after every generator run.
 */
final class ScaleChecks {

    private static final String OWNED = " JOIN users u ON u.id = o.owner_id AND u.username LIKE ?";

    private static final Map<String, String> RULES = new LinkedHashMap<>();

    static {
        RULES.put(
                "opportunity without its customer",
                "SELECT COUNT(*) FROM opportunities o" + OWNED
                        + " LEFT JOIN customers c ON c.id = o.customer_id WHERE c.id IS NULL");
        RULES.put(
                "opportunity owner outside any team",
                "SELECT COUNT(*) FROM opportunities o" + OWNED + " WHERE u.team_id IS NULL");
        RULES.put(
                "opportunity owned by someone else than its customer's owner",
                "SELECT COUNT(*) FROM opportunities o" + OWNED
                        + " JOIN customers c ON c.id = o.customer_id WHERE c.owner_id <> o.owner_id");
        RULES.put(
                "opportunity without stage history",
                "SELECT COUNT(*) FROM opportunities o" + OWNED
                        + " WHERE NOT EXISTS (SELECT 1 FROM opportunity_stage_history h WHERE h.opportunity_id = o.id)");
        RULES.put(
                "stage left before it was entered",
                "SELECT COUNT(*) FROM opportunity_stage_history h JOIN opportunities o ON o.id = h.opportunity_id"
                        + OWNED + " WHERE h.exited_at < h.entered_at");
        RULES.put(
                "stage history out of order (a later stage entered before the previous one was left)",
                "SELECT COUNT(*) FROM opportunity_stage_history h JOIN opportunities o ON o.id = h.opportunity_id"
                        + OWNED + " JOIN opportunity_stage_history n ON n.opportunity_id = h.opportunity_id"
                        + " AND n.id = h.id + 1 WHERE h.exited_at IS NULL OR n.entered_at <> h.exited_at");
        RULES.put(
                "history stage from another pipeline",
                "SELECT COUNT(*) FROM opportunity_stage_history h JOIN opportunities o ON o.id = h.opportunity_id"
                        + OWNED + " JOIN pipeline_stages s ON s.id = h.stage_id WHERE s.pipeline_id <> o.pipeline_id");
        RULES.put(
                "open opportunity whose current stage is not its one open history row",
                "SELECT COUNT(*) FROM opportunities o" + OWNED + " WHERE o.status = 'OPEN' AND 1 <> (SELECT COUNT(*)"
                        + " FROM opportunity_stage_history h WHERE h.opportunity_id = o.id AND h.exited_at IS NULL"
                        + " AND h.stage_id = o.stage_id AND h.entered_at = o.stage_entered_at)");
        RULES.put(
                "closed opportunity with an open stage or without a closing date",
                "SELECT COUNT(*) FROM opportunities o" + OWNED + " WHERE o.status <> 'OPEN' AND (o.closed_at IS NULL"
                        + " OR EXISTS (SELECT 1 FROM opportunity_stage_history h WHERE h.opportunity_id = o.id"
                        + " AND h.exited_at IS NULL))");
        RULES.put(
                "activity outside its opportunity's life or of another owner or customer",
                "SELECT COUNT(*) FROM activities a JOIN opportunities o ON o.id = a.opportunity_id" + OWNED
                        + " WHERE a.occurred_at < o.created_at OR (o.closed_at IS NOT NULL"
                        + " AND a.occurred_at > o.closed_at) OR a.owner_id <> o.owner_id"
                        + " OR a.customer_id <> o.customer_id");
        RULES.put(
                "team target that is not the sum of its reps' targets",
                "SELECT COUNT(*) FROM targets t JOIN teams o ON o.id = t.subject_id JOIN users u"
                        + " ON u.id = o.leader_id AND u.username LIKE ? WHERE t.org_level = 'TEAM'"
                        + " AND t.amount <> (SELECT SUM(r.amount) FROM targets r WHERE r.parent_id = t.id)");
    }

    private ScaleChecks() {}

    /** Rule → number of rows breaking it, only the rules that are broken. */
    static Map<String, Long> violations(Connection c, String prefix) throws SQLException {
        Map<String, Long> broken = new LinkedHashMap<>();
        for (var rule : RULES.entrySet()) {
            try (PreparedStatement ps = c.prepareStatement(rule.getValue())) {
                ps.setString(1, prefix.replace("_", "\\_") + "%");
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    if (rs.getLong(1) > 0) {
                        broken.put(rule.getKey(), rs.getLong(1));
                    }
                }
            }
        }
        return broken;
    }
}
