package app.lantern.shared;

import java.util.List;
import java.util.function.Function;

/**
 * One page of a list: {@code {"items":[…],"page","size","total","totalExact"}}. Lists count their rows only up to
 * {@link #COUNT_LIMIT}: beyond it {@code total} is that limit and {@code totalExact} is false ("10,000+"), so that a
 * page of a million-row list does not count a million rows.
 */
public record PageResult<T>(List<T> items, int page, int size, long total, boolean totalExact) {

    public static final int COUNT_LIMIT = 10_000;

    public static <T> PageResult<T> of(List<T> items, PageQuery query, long total) {
        return new PageResult<>(items, query.page(), query.size(), total, true);
    }

    /**
     * A page whose total was counted with a limit of {@link #COUNT_LIMIT}{@code + 1} rows ({@code SELECT count(*) FROM
     * (SELECT 1 … LIMIT 10001)}): more than the limit reads as "at least the limit".
     */
    public static <T> PageResult<T> counted(List<T> items, PageQuery query, long countedUpToLimitPlusOne) {
        boolean exact = countedUpToLimitPlusOne <= COUNT_LIMIT;
        return new PageResult<>(
                items, query.page(), query.size(), exact ? countedUpToLimitPlusOne : COUNT_LIMIT, exact);
    }

    public <R> PageResult<R> map(Function<T, R> mapper) {
        return new PageResult<>(items.stream().map(mapper).toList(), page, size, total, totalExact);
    }

    public int totalPages() {
        return size == 0 ? 0 : (int) ((total + size - 1) / size);
    }

    /** Whether a page follows this one: by the total when exact, otherwise whenever this page is full. */
    public boolean hasNext() {
        return totalExact ? page + 1 < totalPages() : items.size() == size;
    }
}
