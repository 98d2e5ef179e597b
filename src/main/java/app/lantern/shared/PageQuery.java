package app.lantern.shared;

import java.util.Set;

/**
 * {@code ?page=0&size=50&sort=field,desc} as the API contract defines it. Sort fields are checked against the
 * caller's allowed set, so that a sort parameter can never reach SQL unchecked.
 */
public record PageQuery(int page, int size, String sortField, boolean descending) {

    public static final int MAX_SIZE = 200;
    public static final int DEFAULT_SIZE = 50;

    /**
     * The deepest row a page may start at. Deeper offsets are refused rather than computed, so that {@code page *
     * size} can never overflow into a negative offset, and a client cannot make the database skip billions of rows.
     */
    public static final long MAX_OFFSET = 10_000_000;

    public PageQuery {
        if (page < 0) {
            throw ValidationException.field("page", "must be 0 or more");
        }
        if (size < 1 || size > MAX_SIZE) {
            throw ValidationException.field("size", "must be between 1 and " + MAX_SIZE);
        }
        if ((long) page * size > MAX_OFFSET) {
            throw ValidationException.field("page", "is too deep: page × size must stay within " + MAX_OFFSET);
        }
    }

    public static PageQuery of(
            Integer page, Integer size, String sort, Set<String> allowedSortFields, String defaultSort) {
        String spec = sort == null || sort.isBlank() ? defaultSort : sort;
        String[] parts = spec.split(",");
        String field = parts[0].trim();
        if (!allowedSortFields.contains(field)) {
            throw ValidationException.field(
                    "sort",
                    "unknown sort field '" + field + "'; allowed: "
                            + String.join(
                                    ", ", allowedSortFields.stream().sorted().toList()));
        }
        boolean desc = parts.length > 1 && parts[1].trim().equalsIgnoreCase("desc");
        if (parts.length > 1 && !desc && !parts[1].trim().equalsIgnoreCase("asc")) {
            throw ValidationException.field("sort", "direction must be asc or desc");
        }
        return new PageQuery(page == null ? 0 : page, size == null ? DEFAULT_SIZE : size, field, desc);
    }

    public int offset() {
        return page * size;
    }
}
