package app.lantern.customer.matching;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Counts per long id without boxing (open addressing); small and single-use, for candidate generation. */
final class LongIntCounter {

    private static final long EMPTY = Long.MIN_VALUE;
    private long[] keys;
    private int[] counts;
    private int size;

    LongIntCounter(int capacity) {
        int cap = Integer.highestOneBit(Math.max(16, capacity) * 2);
        keys = new long[cap];
        counts = new int[cap];
        Arrays.fill(keys, EMPTY);
    }

    void add(long key, int delta) {
        if (size * 2 >= keys.length) {
            grow();
        }
        int mask = keys.length - 1;
        int i = Long.hashCode(key * 0x9E3779B97F4A7C15L) & mask;
        while (keys[i] != EMPTY && keys[i] != key) {
            i = (i + 1) & mask;
        }
        if (keys[i] == EMPTY) {
            keys[i] = key;
            size++;
        }
        counts[i] += delta;
    }

    void remove(long key) {
        int mask = keys.length - 1;
        int i = Long.hashCode(key * 0x9E3779B97F4A7C15L) & mask;
        while (keys[i] != EMPTY) {
            if (keys[i] == key) {
                counts[i] = 0;
                return;
            }
            i = (i + 1) & mask;
        }
    }

    /** Ids counted at least {@code min}, the highest counts first, at most {@code limit}. */
    List<Long> top(int min, int limit) {
        int n = 0;
        long[] packed = new long[size];
        for (int i = 0; i < keys.length; i++) {
            if (keys[i] != EMPTY && counts[i] >= min) {
                packed[n++] = ((long) counts[i] << 32) | i;
            }
        }
        Arrays.sort(packed, 0, n);
        List<Long> result = new ArrayList<>(Math.min(n, limit));
        for (int k = n - 1; k >= 0 && result.size() < limit; k--) {
            result.add(keys[(int) (packed[k] & 0xFFFFFFFFL)]);
        }
        return result;
    }

    private void grow() {
        long[] oldKeys = keys;
        int[] oldCounts = counts;
        keys = new long[oldKeys.length * 2];
        counts = new int[oldKeys.length * 2];
        Arrays.fill(keys, EMPTY);
        size = 0;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != EMPTY) {
                add(oldKeys[i], oldCounts[i]);
            }
        }
    }
}
