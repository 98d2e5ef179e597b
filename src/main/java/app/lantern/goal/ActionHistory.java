package app.lantern.goal;

import app.lantern.activity.ActivityRef;
import app.lantern.activity.ActivityType;
import app.lantern.pipeline.ClosedDeals;
import app.lantern.pipeline.OpportunityRef;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Builds each owner's {@link ActionPlan.History} from data read once for all owners of a roll-up. */
final class ActionHistory {

    /** Weeks of activity the rates and the best week are taken from. */
    static final int WEEKS = 12;

    private ActionHistory() {}

    /**
     * @param closed    deals closed in the last 12 months per owner
     * @param acts      activities of the {@value #WEEKS} weeks before {@code monday}
     * @param created   opportunities created in those weeks
     * @param monday    the Monday of the current week (the window ends before it)
     */
    static Map<Long, ActionPlan.History> of(
            Collection<Long> owners,
            Map<Long, ClosedDeals> closed,
            List<ActivityRef> acts,
            List<OpportunityRef> created,
            LocalDate monday,
            ZoneId zone) {
        LocalDate start = monday.minusWeeks(WEEKS);
        Map<Long, int[][]> weekly = new HashMap<>();
        for (ActivityRef a : acts) {
            int kind = a.type() == ActivityType.VISIT ? 0 : a.type() == ActivityType.DEMO ? 2 : -1;
            if (kind >= 0) {
                add(weekly, a.ownerId(), week(start, a.occurredAt(), zone), kind);
            }
        }
        for (OpportunityRef o : created) {
            add(weekly, o.ownerId(), week(start, o.createdAt(), zone), 1);
        }
        Map<Long, ActionPlan.History> result = new HashMap<>();
        for (long owner : owners) {
            ClosedDeals deals = closed.getOrDefault(owner, ClosedDeals.NONE);
            int[][] w = weekly.getOrDefault(owner, new int[3][WEEKS]);
            result.put(
                    owner,
                    new ActionPlan.History(
                            deals.won(),
                            deals.lost(),
                            deals.wonAmount(),
                            sum(w[0]),
                            sum(w[2]),
                            sum(w[1]),
                            max(w[0]),
                            max(w[1]),
                            max(w[2])));
        }
        return result;
    }

    private static int week(LocalDate start, OffsetDateTime at, ZoneId zone) {
        return (int) (ChronoUnit.DAYS.between(start, at.atZoneSameInstant(zone).toLocalDate()) / 7);
    }

    private static void add(Map<Long, int[][]> weekly, long owner, int week, int kind) {
        if (week >= 0 && week < WEEKS) {
            weekly.computeIfAbsent(owner, k -> new int[3][WEEKS])[kind][week]++;
        }
    }

    private static long sum(int[] counts) {
        long s = 0;
        for (int c : counts) {
            s += c;
        }
        return s;
    }

    private static int max(int[] counts) {
        int m = 0;
        for (int c : counts) {
            m = Math.max(m, c);
        }
        return m;
    }
}
