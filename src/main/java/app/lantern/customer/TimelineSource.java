package app.lantern.customer;

import java.util.List;

/**
 * Contributes entries to customer timelines. Modules above customer (activities, quotes, …) implement it as a
 * bean; the customer page merges all sources by time. The caller has already checked the reader's scope.
 */
public interface TimelineSource {

    /** The newest {@code limit} entries of this source for the customer, newest first. */
    List<TimelineItem> timeline(long customerId, int limit);
}
