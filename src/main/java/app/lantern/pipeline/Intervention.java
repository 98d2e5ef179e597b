package app.lantern.pipeline;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * A manager's task opened when an opportunity's health falls below the threshold.
 *
 * @param status  OPEN or DONE
 * @param outcome COACHED, REPLANNED, CLOSED_LOST, NO_ACTION (null while open)
 */
public record Intervention(
        long id,
        long opportunityId,
        String opportunityName,
        long ownerId,
        String ownerName,
        long managerId,
        int score,
        Integer currentScore,
        String weakFactors,
        String status,
        String outcome,
        String note,
        OffsetDateTime openedAt,
        OffsetDateTime resolvedAt) {

    /** The weak factors, for showing them in the reader's language. */
    public List<HealthFactor> weakFactorList() {
        return HealthFactor.ofLabels(weakFactors);
    }
}
