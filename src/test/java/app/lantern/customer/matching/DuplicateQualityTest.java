package app.lantern.customer.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Recall and false alarms on the development set: every listed company's short name (万科A) checked against an index
 * of all full names (万科企业股份有限公司) at the default threshold.
 */
class DuplicateQualityTest {

    static final double THRESHOLD = 0.85;
    static final double REACHED_RECALL = 0.95;
    static final double REACHED_FALSE_ALARM_RATE = 0.0014;

    @Test
    void findsTheFullNameForShortNamesAndRaisesNoAlarmForUnrelatedCompanies() {
        List<DevelopmentSet.Company> companies = DevelopmentSet.companies();
        InMemoryKeyIndex index = new InMemoryKeyIndex();
        for (int i = 0; i < companies.size(); i++) {
            index.add(MatchProfile.of(i + 1, companies.get(i).fullName(), Set.of(), Set.of(), null));
        }
        int found = 0;
        int[] foundByHalf = new int[2];
        int[] alarmedByHalf = new int[2];
        int queriesWithFalseAlarm = 0;
        int falseAlarms = 0;
        List<String> misses = new ArrayList<>();
        List<String> alarms = new ArrayList<>();
        for (int i = 0; i < companies.size(); i++) {
            DevelopmentSet.Company c = companies.get(i);
            long own = i + 1;
            MatchProfile query = MatchProfile.of(-1, c.shortRaw(), Set.of(), Set.of(), null);
            var candidates = DuplicateMatcher.candidates(query, index, THRESHOLD, 50);
            if (candidates.stream().anyMatch(m -> m.id() == own)) {
                found++;
                foundByHalf[i % 2]++;
            } else {
                misses.add(c.shortName() + " → " + c.fullName() + " ("
                        + NameSimilarity.score(query.name(), CompanyName.of(c.fullName())) + ")");
            }
            var others = candidates.stream().filter(m -> m.id() != own).toList();
            if (!others.isEmpty()) {
                queriesWithFalseAlarm++;
                alarmedByHalf[i % 2]++;
                falseAlarms += others.size();
                others.forEach(m -> alarms.add(
                        c.shortName() + " ≈ " + companies.get((int) m.id() - 1).fullName() + " (" + m.score() + ")"));
            }
        }
        double recall = (double) found / companies.size();
        System.out.printf(
                "duplicate quality on %d companies at threshold %.2f: recall %.4f (%d missed), "
                        + "false alarms %d in %d queries (rate %.4f)%n",
                companies.size(),
                THRESHOLD,
                recall,
                companies.size() - found,
                falseAlarms,
                queriesWithFalseAlarm,
                (double) queriesWithFalseAlarm / companies.size());
        // the rules were tuned looking at the even lines; the odd lines show whether they carry over
        int even = (companies.size() + 1) / 2;
        int odd = companies.size() / 2;
        System.out.printf(
                "  even lines: recall %.4f, queries with a false alarm %d of %d; odd lines: recall %.4f, %d of %d%n",
                (double) foundByHalf[0] / even,
                alarmedByHalf[0],
                even,
                (double) foundByHalf[1] / odd,
                alarmedByHalf[1],
                odd);
        misses.forEach(m -> System.out.println("  missed: " + m));
        alarms.forEach(a -> System.out.println("  false alarm: " + a));
        // Targets are recall ≥ 0.95 and no false alarm: the recall target is held; the false-alarm bound guards what
        // the matcher reaches today (see the report in docs/perf/customer.md) so that a change cannot make it worse.
        // The two false alarms left
        // are short names that start another listed company's name (深南电A → 深南电路, ST凯文 → 凯文德信).
        assertThat(recall).isGreaterThanOrEqualTo(REACHED_RECALL);
        assertThat((double) queriesWithFalseAlarm / companies.size()).isLessThanOrEqualTo(REACHED_FALSE_ALARM_RATE);
    }
}
