package dev.iamgate.internal.match;

import java.util.Arrays;

/**
 * A run of single-character positions between two colon-crossing stars of a {@link GlobProgram},
 * optionally with self-loops on "any character but {@code :}" (the non-final stars of an ARN
 * segment, see {@link ResourcePattern}).
 *
 * <p>A block without loops has a fixed length and, when anchored, is compared in place. Searching
 * a block, or matching one with loops, simulates its position automaton bit-parallel (Shift-And,
 * extended with self-loops): state {@code j} means "the first {@code j} positions matched", and
 * one step per input character costs {@code ceil((m + 1) / 64)} word operations. The scan never
 * backtracks, so a run over {@code n} characters is {@code O(n * ceil((m + 1) / 64))}. Blocks of
 * up to 63 positions keep the state in a local {@code long}; wider ones allocate one state array
 * per scan, which their scan cost dwarfs.
 *
 * <p>Positions compare UTF-16 chars. Immutable and thread-safe.
 */
final class Block {

    static final byte LITERAL = 0;
    static final byte ANY = 1;
    static final byte ANY_BUT_COLON = 2;

    /** Per position: the literal, already {@linkplain #fold folded} when ignoring case. */
    private final char[] chars;
    /** Per position: {@link #LITERAL}, {@link #ANY} or {@link #ANY_BUT_COLON}. */
    private final byte[] kinds;
    /** States (bit j = state j) that loop on any character but ':'; null for a fixed block. */
    private final long[] loops;
    private final boolean ignoreCase;

    // Shift-And tables; null when the block is only ever compared in place.
    private final int words;
    /** Sorted distinct literals; row {@code r > 0} belongs to {@code keys[r - 1]}, row 0 to all others. */
    private final char[] keys;
    /** Row index per ASCII char, so the common case skips the binary search. */
    private final byte[] asciiRows;
    /** {@code words} longs per row: bit j set when position j accepts the row's character. */
    private final long[] rows;

    Block(char[] chars, byte[] kinds, long[] loops, boolean ignoreCase, boolean needsAutomaton) {
        this.chars = chars;
        this.kinds = kinds;
        this.loops = loops;
        this.ignoreCase = ignoreCase;
        if (needsAutomaton || loops != null) {
            this.words = (chars.length >>> 6) + 1;
            this.keys = distinctLiterals();
            this.asciiRows = new byte[128];
            this.rows = buildRows();
        } else {
            this.words = 0;
            this.keys = null;
            this.asciiRows = null;
            this.rows = null;
        }
    }

    boolean isFixed() {
        return loops == null;
    }

    /** The number of positions (the exact match length of a fixed block). */
    int length() {
        return chars.length;
    }

    /** Whether the block matches exactly {@code s[from, to)}. */
    boolean matchesExactly(String s, int from, int to) {
        if (isFixed()) {
            return to - from == chars.length && matchesAt(s, from);
        }
        return run(s, from, to, false, false) >= 0;
    }

    /** The smallest {@code e} such that the block matches {@code s[from, e)}, with e ≤ to; else -1. */
    int matchPrefix(String s, int from, int to) {
        if (isFixed()) {
            int end = from + chars.length;
            return end <= to && matchesAt(s, from) ? end : -1;
        }
        return run(s, from, to, false, true);
    }

    /** Whether the block matches some {@code s[start, to)} with {@code start ≥ from}. */
    boolean matchesSuffix(String s, int from, int to) {
        if (isFixed()) {
            int start = to - chars.length;
            return start >= from && matchesAt(s, start);
        }
        return run(s, from, to, true, false) >= 0;
    }

    /**
     * The end of the occurrence within {@code s[from, to)} that ends first, or -1. Ending first
     * is what a following colon-crossing star needs: it leaves the most room to the rest.
     */
    int find(String s, int from, int to) {
        if (to - from < chars.length) {
            return -1;
        }
        return run(s, from, to, true, true);
    }

    /** In-place comparison of a fixed block; the caller checks the bounds. */
    private boolean matchesAt(String s, int at) {
        for (int j = 0; j < chars.length; j++) {
            char c = s.charAt(at + j);
            switch (kinds[j]) {
                case LITERAL -> {
                    if (c != chars[j] && (!ignoreCase || CaseFold.fold(c) != chars[j])) {
                        return false;
                    }
                }
                case ANY_BUT_COLON -> {
                    if (c == ':') {
                        return false;
                    }
                }
                default -> { }
            }
        }
        return true;
    }

    /**
     * Runs the automaton over {@code s[from, to)}. {@code floating} restarts it at every position
     * (search) instead of only at {@code from}; {@code firstAccept} returns at the first accepting
     * position instead of requiring acceptance at {@code to}. Returns the accepting end or -1.
     */
    private int run(String s, int from, int to, boolean floating, boolean firstAccept) {
        int m = chars.length;
        if (m == 0) {
            // Only a bare self-loop; the empty prefix, or the empty suffix, always matches.
            if (firstAccept) {
                return from;
            }
            if (floating || from == to) {
                return to;
            }
        }
        if (words > 1) {
            return runWide(s, from, to, floating, firstAccept);
        }
        long accept = 1L << m;
        long restart = floating ? 1L : 0L;
        long loop = loops == null ? 0L : loops[0];
        long state = 1L;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            long current = state | restart;
            long next = (current & rows[row(c)]) << 1;
            if (c != ':') {
                next |= current & loop;
            }
            state = next;
            if (firstAccept && (state & accept) != 0) {
                return i + 1;
            }
            if (state == 0 && !floating) {
                return -1;
            }
        }
        return (state & accept) != 0 ? to : -1;
    }

    private int runWide(String s, int from, int to, boolean floating, boolean firstAccept) {
        int m = chars.length;
        int acceptWord = m >>> 6;
        long accept = 1L << m;
        long[] state = new long[words];
        state[0] = 1L;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            int base = row(c) * words;
            boolean loopsApply = loops != null && c != ':';
            if (floating) {
                state[0] |= 1L;
            }
            long carry = 0L;
            long alive = 0L;
            for (int w = 0; w < words; w++) {
                long current = state[w];
                long shifted = current & rows[base + w];
                long next = (shifted << 1) | carry;
                if (loopsApply) {
                    next |= current & loops[w];
                }
                carry = shifted >>> 63;
                state[w] = next;
                alive |= next;
            }
            if (firstAccept && (state[acceptWord] & accept) != 0) {
                return i + 1;
            }
            if (alive == 0 && !floating) {
                return -1;
            }
        }
        return (state[acceptWord] & accept) != 0 ? to : -1;
    }

    private int row(char c) {
        if (ignoreCase) {
            c = CaseFold.fold(c);
        }
        if (c < 128) {
            return asciiRows[c] & 0xFF;
        }
        int k = Arrays.binarySearch(keys, c);
        return k < 0 ? 0 : k + 1;
    }

    private char[] distinctLiterals() {
        char[] all = new char[chars.length + 1];
        int n = 0;
        boolean colonSensitive = false;
        for (int j = 0; j < chars.length; j++) {
            if (kinds[j] == LITERAL) {
                all[n++] = chars[j];
            } else if (kinds[j] == ANY_BUT_COLON) {
                colonSensitive = true;
            }
        }
        if (colonSensitive) {
            // ':' needs its own row, the one row where ANY_BUT_COLON positions are clear.
            all[n++] = ':';
        }
        Arrays.sort(all, 0, n);
        int distinct = 0;
        for (int i = 0; i < n; i++) {
            if (distinct == 0 || all[i] != all[distinct - 1]) {
                all[distinct++] = all[i];
            }
        }
        return Arrays.copyOf(all, distinct);
    }

    /** Built in O(keys * words + m log m), so a long substituted variable cannot make it quadratic. */
    private long[] buildRows() {
        long[] wildcards = new long[words];
        long[] anyOnly = new long[words];
        for (int j = 0; j < chars.length; j++) {
            if (kinds[j] != LITERAL) {
                wildcards[j >>> 6] |= 1L << j;
                if (kinds[j] == ANY) {
                    anyOnly[j >>> 6] |= 1L << j;
                }
            }
        }
        long[] table = new long[(keys.length + 1) * words];
        System.arraycopy(wildcards, 0, table, 0, words);
        for (int k = 0; k < keys.length; k++) {
            int r = k + 1;
            System.arraycopy(keys[k] == ':' ? anyOnly : wildcards, 0, table, r * words, words);
            if (keys[k] < 128) {
                asciiRows[keys[k]] = (byte) r;
            }
        }
        for (int j = 0; j < chars.length; j++) {
            if (kinds[j] == LITERAL) {
                int r = Arrays.binarySearch(keys, chars[j]) + 1;
                table[r * words + (j >>> 6)] |= 1L << j;
            }
        }
        return table;
    }
}
