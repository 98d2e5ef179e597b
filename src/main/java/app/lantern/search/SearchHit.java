package app.lantern.search;

/**
 * One record a search may show.
 *
 * @param kind     CUSTOMER, CONTACT, OPPORTUNITY or QUOTE (the label comes from {@code search.kind.<kind>})
 * @param title    the text matched and shown (a name or a quote number and title)
 * @param detail   a second line, shown but not matched (the customer of a contact, say); may be null
 * @param href     the record's page
 */
public record SearchHit(String kind, String title, String detail, String href) {}
