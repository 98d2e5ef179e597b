package app.lantern.calendar;

/**
 * Where a year's holidays come from: the State Council notice entered for that year, or (no notice loaded) the
 * statutory holiday dates of 《全国年节及纪念日放假办法》 without any make-up working days.
 */
public enum YearSource {
    NOTICE,
    FALLBACK;

    /** The lower-case form used in the API ({@code notice}, {@code fallback}). */
    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
