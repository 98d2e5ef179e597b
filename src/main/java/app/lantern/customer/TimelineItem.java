package app.lantern.customer;

import java.time.OffsetDateTime;

/**
 * One entry of a customer's timeline.
 *
 * @param type one of note, contact, attachment, activity, opportunity, quote, contract, order, ticket, email, chat,
 *             transcript, registry, task
 * @param link path of the page showing the source record, or null
 */
public record TimelineItem(
        String type, OffsetDateTime occurredAt, String title, String body, String link, long actorId) {}
