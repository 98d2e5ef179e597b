package app.lantern.customer;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Contributes entries to customer timelines. Modules above customer (activities, quotes, …) implement it as a
 * bean; the customer page merges all sources by time. The caller has already checked the reader's scope.
 */
public interface TimelineSource {

    /** At most this many entries per customer are read by the default {@link #since}. */
    int SINCE_LIMIT = 200;

    /** The newest {@code limit} entries of this source for the customer, newest first. */
    List<TimelineItem> timeline(long customerId, int limit);

    /**
     * Entries at or after {@code since} per customer, for the value score's frequency and engagement. The default
     * reads {@link #timeline} customer by customer; a source may answer all customers with one query instead.
     */
    default Map<Long, List<TimelineItem>> since(Collection<Long> customerIds, OffsetDateTime since) {
        Map<Long, List<TimelineItem>> result = new LinkedHashMap<>();
        for (Long id : customerIds) {
            List<TimelineItem> items = timeline(id, SINCE_LIMIT).stream()
                    .filter(i -> !i.occurredAt().isBefore(since))
                    .toList();
            if (!items.isEmpty()) {
                result.put(id, items);
            }
        }
        return result;
    }
}
