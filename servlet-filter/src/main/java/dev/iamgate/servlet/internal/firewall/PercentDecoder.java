package dev.iamgate.servlet.internal.firewall;

/**
 * Decodes one percent-encoded character — a single {@code %XX} for ASCII, two to four for a UTF-8
 * sequence — accepting only shortest-form UTF-8 of a Unicode scalar value (RFC 3629), so that
 * overlong forms like {@code %c0%af} never become a {@code /} and surrogates never become a
 * character.
 *
 * <p>The result is packed into a {@code long} so that decoding allocates nothing: the code point in
 * the low 32 bits, the index after the escapes in the high 32 bits, or a negative value naming a
 * {@link Problem}.
 */
final class PercentDecoder {

    /** Why a sequence of escapes is not a character. */
    enum Problem {
        NOT_HEX("'%' not followed by two hex digits"),
        IIS_UNICODE("IIS-style %u escape"),
        STRAY_CONTINUATION("UTF-8 continuation byte without a lead byte"),
        OVERLONG("overlong UTF-8 encoding"),
        INVALID_LEAD("byte that never occurs in UTF-8"),
        TRUNCATED("truncated UTF-8 sequence"),
        SURROGATE("UTF-16 surrogate encoded in UTF-8"),
        ABOVE_MAX("code point above U+10FFFF");

        private final String message;

        Problem(String message) {
            this.message = message;
        }

        String message() {
            return message;
        }
    }

    private static final Problem[] PROBLEMS = Problem.values();

    private PercentDecoder() {}

    /**
     * Decodes the character whose first escape is at {@code start} ({@code s.charAt(start) == '%'}).
     *
     * @return the packed result, see {@link #codePoint}, {@link #end} and {@link #problem}
     */
    static long decode(String s, int start) {
        int lead = hexByte(s, start);
        if (lead < 0) {
            return fail(start + 1 < s.length() && (s.charAt(start + 1) | 0x20) == 'u'
                    ? Problem.IIS_UNICODE : Problem.NOT_HEX);
        }
        if (lead < 0x80) {
            return pack(start + 3, lead);
        }
        int continuations;
        int codePoint;
        // The first continuation byte's range is narrower after some lead bytes: that is how
        // RFC 3629 rules out overlong forms (E0, F0), surrogates (ED) and values above U+10FFFF (F4).
        int low = 0x80;
        int high = 0xBF;
        if (lead < 0xC0) {
            return fail(Problem.STRAY_CONTINUATION);
        } else if (lead < 0xC2) {
            return fail(Problem.OVERLONG);
        } else if (lead < 0xE0) {
            continuations = 1;
            codePoint = lead & 0x1F;
        } else if (lead < 0xF0) {
            continuations = 2;
            codePoint = lead & 0x0F;
            if (lead == 0xE0) {
                low = 0xA0;
            } else if (lead == 0xED) {
                high = 0x9F;
            }
        } else if (lead < 0xF5) {
            continuations = 3;
            codePoint = lead & 0x07;
            if (lead == 0xF0) {
                low = 0x90;
            } else if (lead == 0xF4) {
                high = 0x8F;
            }
        } else {
            return fail(Problem.INVALID_LEAD);
        }
        int at = start + 3;
        for (int k = 0; k < continuations; k++, at += 3) {
            if (at >= s.length() || s.charAt(at) != '%') {
                return fail(Problem.TRUNCATED);
            }
            int b = hexByte(s, at);
            if (b < 0) {
                return fail(Problem.NOT_HEX);
            }
            if (b < low || b > high) {
                if (b < 0x80 || b > 0xBF) {
                    return fail(Problem.TRUNCATED);
                }
                // A continuation byte outside the narrowed range of the first one.
                return fail(lead == 0xED ? Problem.SURROGATE : lead == 0xF4 ? Problem.ABOVE_MAX : Problem.OVERLONG);
            }
            codePoint = codePoint << 6 | b & 0x3F;
            low = 0x80;
            high = 0xBF;
        }
        return pack(at, codePoint);
    }

    static int codePoint(long decoded) {
        return (int) decoded;
    }

    /** The index after the decoded escapes. */
    static int end(long decoded) {
        return (int) (decoded >>> 32);
    }

    /** The problem a negative result names. */
    static Problem problem(long decoded) {
        return PROBLEMS[(int) (-decoded - 1)];
    }

    /** The value of the two hex digits after the {@code %} at {@code i}, or -1. */
    private static int hexByte(String s, int i) {
        if (i + 2 >= s.length()) {
            return -1;
        }
        int high = hexDigit(s.charAt(i + 1));
        int low = hexDigit(s.charAt(i + 2));
        if (high < 0 || low < 0) {
            return -1;
        }
        return high << 4 | low;
    }

    /** ASCII only: Character.digit would also accept fullwidth and other Unicode digits. */
    private static int hexDigit(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        int lower = c | 0x20;
        return lower >= 'a' && lower <= 'f' && c < 0x80 ? lower - 'a' + 10 : -1;
    }

    private static long pack(int end, int codePoint) {
        return (long) end << 32 | codePoint;
    }

    private static long fail(Problem problem) {
        return -1L - problem.ordinal();
    }
}
