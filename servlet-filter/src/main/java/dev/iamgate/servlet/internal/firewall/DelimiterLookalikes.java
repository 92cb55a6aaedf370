package dev.iamgate.servlet.internal.firewall;

import java.util.Arrays;

/**
 * The code points that Unicode normalisation (NFKC, and for U+037E even NFC) turns into text
 * containing a path delimiter: {@code / \ . ; % ? #}. A fixed table rather than a call to
 * {@link java.text.Normalizer} per character, so the check allocates nothing and does not depend on
 * the running JDK; {@code DelimiterLookalikesTest} recomputes it from {@code Normalizer} over every
 * code point and fails if a newer Unicode version adds one.
 */
final class DelimiterLookalikes {

    /** The ASCII characters whose look-alikes are rejected. */
    static final String DELIMITERS = "/\\.;%?#";

    /** Sorted, for binary search. */
    private static final int[] CODE_POINTS = {
        0x037E, // GREEK QUESTION MARK -> ;
        0x2024, // ONE DOT LEADER -> .
        0x2025, // TWO DOT LEADER -> ..
        0x2026, // HORIZONTAL ELLIPSIS -> ...
        0x2047, // DOUBLE QUESTION MARK -> ??
        0x2048, // QUESTION EXCLAMATION MARK -> ?!
        0x2049, // EXCLAMATION QUESTION MARK -> !?
        0x2100, // ACCOUNT OF -> a/c
        0x2101, // ADDRESSED TO THE SUBJECT -> a/s
        0x2105, // CARE OF -> c/o
        0x2106, // CADA UNA -> c/u
        0x2488, 0x2489, 0x248A, 0x248B, 0x248C, 0x248D, 0x248E, 0x248F, 0x2490, // DIGIT n FULL STOP -> n.
        0x2491, 0x2492, 0x2493, 0x2494, 0x2495, 0x2496, 0x2497, 0x2498, 0x2499, 0x249A, 0x249B, // NUMBER n FULL STOP
        0x33C2, // SQUARE AM -> a.m.
        0x33C7, // SQUARE CO -> Co.
        0x33D8, // SQUARE PM -> p.m.
        0xFE14, // PRESENTATION FORM FOR VERTICAL SEMICOLON -> ;
        0xFE16, // PRESENTATION FORM FOR VERTICAL QUESTION MARK -> ?
        0xFE19, // PRESENTATION FORM FOR VERTICAL HORIZONTAL ELLIPSIS -> ...
        0xFE30, // PRESENTATION FORM FOR VERTICAL TWO DOT LEADER -> ..
        0xFE52, // SMALL FULL STOP -> .
        0xFE54, // SMALL SEMICOLON -> ;
        0xFE56, // SMALL QUESTION MARK -> ?
        0xFE5F, // SMALL NUMBER SIGN -> #
        0xFE68, // SMALL REVERSE SOLIDUS -> \
        0xFE6A, // SMALL PERCENT SIGN -> %
        0xFF03, // FULLWIDTH NUMBER SIGN -> #
        0xFF05, // FULLWIDTH PERCENT SIGN -> %
        0xFF0E, // FULLWIDTH FULL STOP -> .
        0xFF0F, // FULLWIDTH SOLIDUS -> /
        0xFF1B, // FULLWIDTH SEMICOLON -> ;
        0xFF1F, // FULLWIDTH QUESTION MARK -> ?
        0xFF3C, // FULLWIDTH REVERSE SOLIDUS -> \
        0x1F100, // DIGIT ZERO FULL STOP -> 0.
    };

    private DelimiterLookalikes() {}

    static boolean contains(int codePoint) {
        return codePoint >= CODE_POINTS[0] && Arrays.binarySearch(CODE_POINTS, codePoint) >= 0;
    }

    /** A copy of the table, for the test that recomputes it. */
    static int[] codePoints() {
        return CODE_POINTS.clone();
    }
}
