package app.lantern.alert;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The alert board as a manager reads it: how many alerts each rule and each rep has, and the alerts of the chosen
 * rule and rep, the most urgent first, at most {@link #SHOWN} rows (a team can have hundreds of open alerts).
 *
 * @param alerts the alerts shown, after the filters and the cap
 * @param matching how many alerts match the filters before the cap
 * @param byRule open alerts per rule code over the whole board, most first
 * @param byRep one row per rep over the whole board, most high-severity alerts first
 */
public record AlertBoard(
        List<AlertView> alerts,
        int matching,
        int total,
        long high,
        Map<String, Integer> byRule,
        List<RepRow> byRep,
        String rule,
        Long rep) {

    public static final int SHOWN = 100;

    /** A rep's alerts on the board: how many, how many of high severity, and per rule. */
    public record RepRow(long repId, String repName, int total, int high, Map<String, Integer> byRule) {}

    /** Open alerts of one rep for one rule, as the database groups them. */
    public record Count(long repId, String repName, String ruleCode, int total, int high) {}

    /**
     * The board from the alerts shown (already filtered, capped and ordered) and the grouped counts of all open
     * alerts in scope.
     */
    public static AlertBoard of(List<AlertView> shown, List<Count> counts, String rule, Long rep) {
        Map<String, Integer> byRule = new LinkedHashMap<>();
        Map<Long, List<Count>> perRep = new LinkedHashMap<>();
        int total = 0;
        long high = 0;
        int matching = 0;
        for (Count c : counts) {
            byRule.merge(c.ruleCode(), c.total(), Integer::sum);
            perRep.computeIfAbsent(c.repId(), k -> new ArrayList<>()).add(c);
            total += c.total();
            high += c.high();
            if ((rule == null || rule.equals(c.ruleCode())) && (rep == null || rep == c.repId())) {
                matching += c.total();
            }
        }
        List<RepRow> reps = new ArrayList<>();
        perRep.forEach((id, list) -> {
            Map<String, Integer> rules = new LinkedHashMap<>();
            list.forEach(c -> rules.merge(c.ruleCode(), c.total(), Integer::sum));
            reps.add(new RepRow(
                    id,
                    list.getFirst().repName(),
                    list.stream().mapToInt(Count::total).sum(),
                    list.stream().mapToInt(Count::high).sum(),
                    sortedByCount(rules)));
        });
        reps.sort(Comparator.comparingInt(RepRow::high)
                .thenComparingInt(RepRow::total)
                .reversed()
                .thenComparing(RepRow::repName));
        return new AlertBoard(shown, matching, total, high, sortedByCount(byRule), reps, rule, rep);
    }

    public boolean filtered() {
        return rule != null || rep != null;
    }

    public boolean capped() {
        return matching > alerts.size();
    }

    private static Map<String, Integer> sortedByCount(Map<String, Integer> counts) {
        Map<String, Integer> sorted = new LinkedHashMap<>();
        counts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .forEach(e -> sorted.put(e.getKey(), e.getValue()));
        return sorted;
    }
}
