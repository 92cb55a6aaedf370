package dev.iamgate.internal.compile;

import dev.iamgate.internal.match.ResourcePattern;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Narrows the statements of one bucket and effect to those that can match a request's resource,
 * so that many statements on distinct ARNs cost one hash lookup rather than one comparison each.
 *
 * <p>The key is an ARN's last segment, the text after its last colon. A {@code Resource} entry
 * whose last segment has no wildcard ({@code *}, {@code ?}) can only match a resource ending with
 * the entry's text from its last wildcard on, colon included (matching is anchored and
 * case-sensitive), so the resource's last segment equals the entry's. That covers plain ARNs and
 * ARNs with wildcards in the region or account ({@code arn:aws:iam::*:user/alice}). A statement
 * whose entries all have such a key is filed under each key; every other statement (a wildcard in
 * the last segment, a policy variable anywhere, {@code NotResource}, {@code *}, no colon, no
 * resource element) is scanned for every request. The index only pre-selects: every candidate is
 * still matched in full.
 *
 * <p>Both lists hold positions in the bucket's array, ascending; the caller merges them, so
 * candidates come in the bucket's order and the first applicable statement is the one a plain
 * scan would find. Lookups hash the request's last segment in place, allocating nothing. Below
 * {@value #WORTH_IT} keyed statements nothing is keyed: walking the array costs less.
 */
final class ResourceIndex {

    /** Below this many keyed statements, walking the array costs less than the index saves. */
    private static final int WORTH_IT = 16;

    private static final int[] NONE = new int[0];

    /** What {@link #keysOf} answers for a statement that must be scanned. */
    static final String[] NO_KEYS = new String[0];

    /** The index of an empty array. */
    static final ResourceIndex EMPTY = new ResourceIndex(new String[1], new int[1][], NONE);

    /**
     * {@code UNINDEXED[n]} walks all of {@code n} statements, shared: a small policy set compiled
     * for one use (as {@code iamgate eval} does per case) should not pay for building its own.
     */
    private static final ResourceIndex[] UNINDEXED = new ResourceIndex[64];

    static {
        for (int count = 0; count < UNINDEXED.length; count++) {
            UNINDEXED[count] = unindexed(count);
        }
    }

    /** Open addressing, linear probing; the length is a power of two, at most half full. */
    private final String[] keys;
    private final int[][] positions;
    private final int[] scanned;

    private ResourceIndex(String[] keys, int[][] positions, int[] scanned) {
        this.keys = keys;
        this.positions = positions;
        this.scanned = scanned;
    }

    static ResourceIndex of(CompiledStatement[] statements) {
        if (statements.length == 0) {
            return EMPTY;
        }
        int keyed = 0;
        for (CompiledStatement statement : statements) {
            if (statement.resourceKeys().length > 0) {
                keyed++;
            }
        }
        if (keyed < WORTH_IT) {
            return statements.length < UNINDEXED.length ? UNINDEXED[statements.length] : unindexed(statements.length);
        }
        Map<String, Positions> byKey = new HashMap<>();
        Positions scanned = new Positions();
        for (int position = 0; position < statements.length; position++) {
            String[] keys = statements[position].resourceKeys();
            if (keys.length == 0) {
                scanned.add(position);
            }
            for (String key : keys) {
                byKey.computeIfAbsent(key, k -> new Positions()).add(position);
            }
        }
        int capacity = Integer.highestOneBit(Math.max(1, byKey.size()) * 2) * 2;
        String[] keys = new String[capacity];
        int[][] positions = new int[capacity][];
        byKey.forEach((key, list) -> {
            int slot = hash(key, 0) & (capacity - 1);
            while (keys[slot] != null) {
                slot = (slot + 1) & (capacity - 1);
            }
            keys[slot] = key;
            positions[slot] = list.toArray();
        });
        return new ResourceIndex(keys, positions, scanned.toArray());
    }

    /** An index that lists every one of {@code count} statements in {@link #others()}. */
    private static ResourceIndex unindexed(int count) {
        int[] all = new int[count];
        for (int position = 0; position < count; position++) {
            all[position] = position;
        }
        return new ResourceIndex(EMPTY.keys, EMPTY.positions, all);
    }

    /**
     * The keys of a {@code Resource} element's entries, or none when one of them has no key and
     * the statement must be scanned. An empty list has no keys, and is scanned (it matches nothing).
     */
    static String[] keysOf(ResourcePattern[] patterns) {
        String[] keys = new String[patterns.length];
        for (int i = 0; i < keys.length; i++) {
            String pattern = patterns[i].toString();
            int colon = pattern.lastIndexOf(':');
            // A variable may hold a colon or be substituted; such entries are never keyed.
            if (colon < 0 || pattern.contains("${")
                    || pattern.indexOf('*', colon) >= 0 || pattern.indexOf('?', colon) >= 0) {
                return NO_KEYS;
            }
            keys[i] = pattern.substring(colon + 1);
        }
        return keys;
    }

    /** Positions of the statements filed under the resource's last segment, ascending. */
    int[] listing(String resource) {
        if (keys == EMPTY.keys) {
            // Not indexed: every statement is in others(), and hashing the resource would cost more
            // than a small bucket's whole walk.
            return NONE;
        }
        int from = resource.lastIndexOf(':') + 1;
        int length = resource.length() - from;
        int mask = keys.length - 1;
        for (int slot = hash(resource, from) & mask; ; slot = (slot + 1) & mask) {
            String key = keys[slot];
            if (key == null) {
                return NONE;
            }
            if (key.length() == length && resource.regionMatches(from, key, 0, length)) {
                return positions[slot];
            }
        }
    }

    /**
     * Positions of the statements that must be checked for every resource (all of them when not
     * worth indexing), ascending.
     */
    int[] others() {
        return scanned;
    }

    private static int hash(String text, int from) {
        int h = 0;
        for (int i = from; i < text.length(); i++) {
            h = 31 * h + text.charAt(i);
        }
        return h ^ (h >>> 16);
    }

    /** An ascending list of positions, built once at compile time. */
    private static final class Positions {
        private int[] values = new int[1];
        private int size;

        void add(int position) {
            // A statement listing the same key twice is filed once.
            if (size > 0 && values[size - 1] == position) {
                return;
            }
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = position;
        }

        int[] toArray() {
            return size == 0 ? NONE : Arrays.copyOf(values, size);
        }
    }
}
