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

    public static AlertBoard of(List<AlertView> board, String rule, Long rep) {
        Map<String, Integer> byRule = new LinkedHashMap<>();
        Map<Long, List<AlertView>> perRep = new LinkedHashMap<>();
        for (AlertView a : board) {
            byRule.merge(a.ruleCode(), 1, Integer::sum);
            perRep.computeIfAbsent(a.ownerId(), k -> new ArrayList<>()).add(a);
        }
        List<RepRow> reps = new ArrayList<>();
        perRep.forEach((id, list) -> {
            Map<String, Integer> rules = new LinkedHashMap<>();
            list.forEach(a -> rules.merge(a.ruleCode(), 1, Integer::sum));
            reps.add(new RepRow(
                    id,
                    list.getFirst().ownerName(),
                    list.size(),
                    (int) list.stream().filter(AlertBoard::high).count(),
                    rules));
        });
        reps.sort(Comparator.comparingInt(RepRow::high)
                .thenComparingInt(RepRow::total)
                .reversed()
                .thenComparing(RepRow::repName));
        List<AlertView> matching = board.stream()
                .filter(a -> rule == null || rule.equals(a.ruleCode()))
                .filter(a -> rep == null || rep == a.ownerId())
                .toList();
        return new AlertBoard(
                matching.size() > SHOWN ? matching.subList(0, SHOWN) : matching,
                matching.size(),
                board.size(),
                board.stream().filter(AlertBoard::high).count(),
                sortedByCount(byRule),
                reps,
                rule,
                rep);
    }

    public boolean filtered() {
        return rule != null || rep != null;
    }

    public boolean capped() {
        return matching > alerts.size();
    }

    private static boolean high(AlertView a) {
        return "HIGH".equals(a.severity());
    }

    private static Map<String, Integer> sortedByCount(Map<String, Integer> counts) {
        Map<String, Integer> sorted = new LinkedHashMap<>();
        counts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .forEach(e -> sorted.put(e.getKey(), e.getValue()));
        return sorted;
    }
}
