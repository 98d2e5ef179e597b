package app.lantern.calendar;

/**
 * An admin should enter the State Council notice for {@code year}: until then the year's holidays are derived from
 * the statutory dates, without make-up working days (and without lunar festivals when {@code lunarCovered} is false).
 */
public record FallbackWarning(int year, boolean lunarCovered) {}
