package dev.iamgate.servlet.internal.firewall;

/**
 * Which single characters break which rule, raw or decoded. Segment-level rules (dot segments,
 * empty segments, edge whitespace) and the separators {@code / % ;} are the scanner's business.
 */
final class PathChars {

    /**
     * Printable ASCII that RFC 3986 does not allow unencoded in a path (neither pchar nor
     * {@code /}); {@code \ ? #} have violations of their own.
     */
    private static final String ILLEGAL_ASCII = " \"<>[]^`{|}";

    /** The rule each raw ASCII character breaks, null for none: one load instead of a chain of tests. */
    private static final PathViolation[] RAW_ASCII = new PathViolation[0x80];

    static {
        for (int c = 0; c < 0x20; c++) {
            RAW_ASCII[c] = PathViolation.CONTROL_CHARACTER;
        }
        RAW_ASCII[0x7F] = PathViolation.CONTROL_CHARACTER;
        RAW_ASCII['\\'] = PathViolation.BACKSLASH;
        RAW_ASCII['?'] = PathViolation.QUERY_OR_FRAGMENT;
        RAW_ASCII['#'] = PathViolation.QUERY_OR_FRAGMENT;
        for (int k = 0; k < ILLEGAL_ASCII.length(); k++) {
            RAW_ASCII[ILLEGAL_ASCII.charAt(k)] = PathViolation.ILLEGAL_CHARACTER;
        }
    }

    private PathChars() {}

    /** The rule a raw (unencoded) ASCII character breaks, or null; not for {@code / % ;}. */
    static PathViolation rawAscii(char c) {
        return RAW_ASCII[c];
    }

    /** The rule a percent-decoded character breaks, or null. */
    static PathViolation decoded(int codePoint) {
        switch (codePoint) {
            case '/':
                return PathViolation.ENCODED_SLASH;
            case '\\':
                return PathViolation.ENCODED_BACKSLASH;
            case '%':
                return PathViolation.ENCODED_PERCENT;
            case ';':
                return PathViolation.ENCODED_SEMICOLON;
            case '?':
            case '#':
                return PathViolation.ENCODED_QUERY_OR_FRAGMENT;
            default:
                if (codePoint < 0x20 || codePoint == 0x7F) {
                    return PathViolation.CONTROL_CHARACTER;
                }
                return codePoint < 0x80 ? null : nonAscii(codePoint);
        }
    }

    /** The rule a non-ASCII character breaks, raw or decoded alike, or null. */
    static PathViolation nonAscii(int codePoint) {
        switch (Character.getType(codePoint)) {
            case Character.CONTROL:
                return PathViolation.CONTROL_CHARACTER;
            case Character.LINE_SEPARATOR:
            case Character.PARAGRAPH_SEPARATOR:
            case Character.FORMAT:
                return PathViolation.INVISIBLE_CHARACTER;
            default:
                return DelimiterLookalikes.contains(codePoint) ? PathViolation.DELIMITER_LOOKALIKE : null;
        }
    }

    /** Space or any Unicode space separator (U+00A0, U+2000–U+200A, U+3000 …). */
    static boolean isWhitespace(int codePoint) {
        return codePoint == ' ' || codePoint >= 0x80 && Character.isSpaceChar(codePoint);
    }

    /** A character as printable ASCII, for a detail message that is safe to log. */
    static String describe(int codePoint) {
        return codePoint > 0x20 && codePoint < 0x7F
                ? "'" + (char) codePoint + "'"
                : String.format("U+%04X", codePoint);
    }
}
