package app.lantern.customer.matching;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Measures the duplicate check on one half of the development set: the companies whose stock code has the given
 * parity. Rules are tuned on the even half only; the odd half is held out and reported.
 *
 * <p>Every company of both halves is in the base (its full name). Positive queries: a company's short name, which
 * must find its own full name. Unrelated queries, which must raise nothing: a company's short name against the base
 * without its own company, and probes built by rule from real names in the shapes unrelated names take (see {@link
 * #probes}). Each query keeps its best own score and its best score of another company, so one run gives every
 * threshold.
 */
final class HeldOutEvaluation {

    static final double[] THRESHOLDS = {0.70, 0.75, 0.80, 0.85, 0.90, 0.95};

    /** One unrelated query: its shape, the text, the best score any candidate reached and that candidate. */
    record Unrelated(String shape, String query, double best, String bestName) {}

    /** One positive query: the short name, its own full name, the best own and best other score. */
    record Positive(String shortName, String fullName, double own, double other, String otherName) {}

    final String label;
    final List<Positive> positives = new ArrayList<>();
    final List<Unrelated> unrelated = new ArrayList<>();

    private HeldOutEvaluation(String label) {
        this.label = label;
    }

    static boolean heldOut(DevelopmentSet.Company c) {
        return Integer.parseInt(c.code()) % 2 == 1;
    }

    static HeldOutEvaluation run(List<DevelopmentSet.Company> companies, boolean heldOutHalf) {
        InMemoryKeyIndex index = new InMemoryKeyIndex();
        for (int i = 0; i < companies.size(); i++) {
            index.add(MatchProfile.of(i + 1, companies.get(i).fullName(), Set.of(), Set.of(), null));
        }
        Set<String> realBrands = new java.util.HashSet<>();
        for (DevelopmentSet.Company c : companies) {
            realBrands.add(brand(c.fullName()));
            realBrands.add(brand(c.shortRaw()));
        }
        HeldOutEvaluation e = new HeldOutEvaluation(heldOutHalf ? "held-out (odd codes)" : "tuning (even codes)");
        List<Integer> half = new ArrayList<>();
        for (int i = 0; i < companies.size(); i++) {
            if (heldOut(companies.get(i)) == heldOutHalf) {
                half.add(i);
            }
        }
        for (int i : half) {
            DevelopmentSet.Company c = companies.get(i);
            long own = i + 1;
            MatchProfile query = MatchProfile.of(-1, c.shortRaw(), Set.of(), Set.of(), null);
            List<DuplicateMatcher.Match> all = search(query, index, id -> true);
            double ownScore = all.stream()
                    .filter(m -> m.id() == own)
                    .mapToDouble(DuplicateMatcher.Match::score)
                    .max()
                    .orElse(0);
            DuplicateMatcher.Match other =
                    all.stream().filter(m -> m.id() != own).findFirst().orElse(null);
            e.positives.add(new Positive(
                    c.shortName(),
                    c.fullName(),
                    ownScore,
                    other == null ? 0 : other.score(),
                    other == null ? null : companies.get((int) other.id() - 1).fullName()));
            List<DuplicateMatcher.Match> without = search(query, index, id -> id != own);
            e.add("short name, own company absent", c.shortName(), without, companies);
        }
        for (var probe : probes(companies, half).entrySet()) {
            for (String q : probe.getValue()) {
                if (!realBrands.contains(brand(q))) {
                    e.add(
                            probe.getKey(),
                            q,
                            search(MatchProfile.of(-1, q, Set.of(), Set.of(), null), index, id -> true),
                            companies);
                }
            }
        }
        return e;
    }

    /** A name's core without generic words: a probe with a real company's brand would not be invented. */
    private static String brand(String name) {
        return GenericWords.strip(CompanyName.of(name).core());
    }

    private void add(
            String shape, String query, List<DuplicateMatcher.Match> found, List<DevelopmentSet.Company> companies) {
        DuplicateMatcher.Match best = found.isEmpty() ? null : found.get(0);
        unrelated.add(new Unrelated(
                shape,
                query,
                best == null ? 0 : best.score(),
                best == null ? null : companies.get((int) best.id() - 1).fullName()));
    }

    /** Candidates down to the lowest threshold reported, as the check finds them, among the ids {@code keep} accepts. */
    private static List<DuplicateMatcher.Match> search(MatchProfile query, KeyIndex index, Predicate<Long> keep) {
        List<Long> ids = DuplicateMatcher.candidateIds(query, index, key -> true, DuplicateMatcher.MAX_SCORED).stream()
                .filter(keep)
                .toList();
        return ids.isEmpty() ? List.of() : DuplicateMatcher.rank(query, index.profiles(ids), THRESHOLDS[0], 50);
    }

    /**
     * Invented names of the shapes unrelated companies' short names take against a real full name, built by rule
     * from the cores of the half's companies (a probe with the brand of a real company is dropped by the caller):
     * <ul>
     *   <li>its leading two characters with another company's trade word (a shared region-like or brand word in
     *       another line of business: 渤海航运 against 渤海食品);
     *   <li>its second and third characters with another trade word (a brand found inside a longer brand);
     *   <li>its first character and one three or more characters on, as a two-character brand with 股份 (two
     *       characters of a long name found apart).
     * </ul>
     * The trade word comes from the next company of the half with a core of four or more characters whose last two
     * characters the source's core lacks.
     */
    static Map<String, List<String>> probes(List<DevelopmentSet.Company> companies, List<Integer> half) {
        Map<String, List<String>> probes = new LinkedHashMap<>();
        List<String> lead = new ArrayList<>();
        List<String> inside = new ArrayList<>();
        List<String> apart = new ArrayList<>();
        List<String> cores = half.stream()
                .map(i -> CompanyName.of(companies.get(i).fullName()).core())
                .toList();
        for (int k = 0; k < cores.size(); k++) {
            String core = cores.get(k);
            if (core.length() < 3) {
                continue;
            }
            String trade = tradeFrom(cores, k);
            if (trade != null) {
                lead.add(core.substring(0, 2) + trade);
                if (core.length() >= 4) {
                    inside.add(core.substring(1, 3) + trade);
                }
            }
            if (core.length() >= 5) {
                apart.add(core.charAt(0) + "" + core.charAt(3) + "股份");
            }
        }
        probes.put("leading word + another trade", lead);
        probes.put("inner brand + another trade", inside);
        probes.put("two characters found apart", apart);
        return probes;
    }

    private static String tradeFrom(List<String> cores, int k) {
        String core = cores.get(k);
        for (int step = 1; step < cores.size(); step++) {
            String other = cores.get((k + step) % cores.size());
            if (other.length() >= 4) {
                String trade = other.substring(other.length() - 2);
                if (!core.contains(trade) && !GenericWords.isGeneric(trade)) {
                    return trade;
                }
            }
        }
        return null;
    }

    double recall(double threshold) {
        return (double) positives.stream().filter(p -> p.own() >= threshold).count() / positives.size();
    }

    double falseAlarmRate(double threshold) {
        return rate(unrelated, threshold);
    }

    private static double rate(List<Unrelated> queries, double threshold) {
        return queries.isEmpty()
                ? 0
                : (double) queries.stream().filter(u -> u.best() >= threshold).count() / queries.size();
    }

    /** Of the alarms raised at {@code threshold} (positives' candidates and unrelated queries'), the share that is right. */
    double precision(double threshold) {
        long right = positives.stream().filter(p -> p.own() >= threshold).count();
        long wrong = positives.stream().filter(p -> p.other() >= threshold).count()
                + unrelated.stream().filter(u -> u.best() >= threshold).count();
        return right + wrong == 0 ? 1 : (double) right / (right + wrong);
    }

    Map<String, Double> falseAlarmRateByShape(double threshold) {
        Map<String, List<Unrelated>> byShape = new LinkedHashMap<>();
        unrelated.forEach(
                u -> byShape.computeIfAbsent(u.shape(), s -> new ArrayList<>()).add(u));
        Map<String, Double> result = new LinkedHashMap<>();
        byShape.forEach((shape, queries) -> result.put(shape + " (" + queries.size() + ")", rate(queries, threshold)));
        return result;
    }

    String table() {
        StringBuilder sb = new StringBuilder();
        sb.append(
                String.format("%s: %d short names, %d unrelated queries%n", label, positives.size(), unrelated.size()));
        sb.append("| threshold | recall | false-alarm rate | precision |\n|---|---|---|---|\n");
        for (double t : THRESHOLDS) {
            sb.append(String.format("| %.2f | %.4f | %.4f | %.4f |%n", t, recall(t), falseAlarmRate(t), precision(t)));
        }
        falseAlarmRateByShape(0.85)
                .forEach((shape, rate) ->
                        sb.append(String.format("  false-alarm rate at 0.85, %s: %.4f%n", shape, rate)));
        return sb.toString();
    }

    String failures(double threshold) {
        StringBuilder sb = new StringBuilder();
        positives.stream()
                .filter(p -> p.own() < threshold)
                .forEach(p ->
                        sb.append(String.format("  missed: %s → %s (%.3f)%n", p.shortName(), p.fullName(), p.own())));
        unrelated.stream()
                .filter(u -> u.best() >= threshold)
                .forEach(u -> sb.append(String.format(
                        "  false alarm [%s]: %s ≈ %s (%.3f)%n", u.shape(), u.query(), u.bestName(), u.best())));
        return sb.toString();
    }
}
