package dev.iamgate.servlet.internal.firewall;

import dev.iamgate.servlet.internal.firewall.FirewallResult.Accepted;
import dev.iamgate.servlet.internal.firewall.FirewallResult.Rejected;

/**
 * The firewall's single pass over a raw request URI: checks every character, escape and segment,
 * decodes, applies what the allowed violations let through the way a container does, and cuts the
 * context path off.
 *
 * <p>Segments are the parts between raw {@code /} characters, as they are for the container: an
 * allowed {@code %2F} decodes to a {@code /} inside a segment and never splits it, and a
 * {@code ..} removes the previous raw segment (Jetty resolves {@code /a%2Fb/../c} to {@code /c}).
 *
 * <p>Linear in the URI length. While the decoded path equals the raw URI (no escape, no path
 * parameter, no dot segment to resolve) nothing is copied; the first change copies what was read
 * so far into a buffer as long as the URI, which the decoded path never outgrows. The result's
 * string is then the only other allocation, and with an empty context path and a clean URI the raw
 * string itself is returned. The scanning state lives in local variables of one method rather than
 * in a scanner object for that reason: nothing depends on escape analysis removing the object.
 */
final class PathScanner {

    /** What a finished segment does to the output. */
    private static final int KEEP = 0;
    private static final int DROP = 1; // '.': remove the segment
    private static final int POP = 2; // '..': remove it and the segment before

    private static final Accepted ROOT = new Accepted("/");

    private PathScanner() {}

    /**
     * @param raw the request URI, still percent-encoded, without query
     * @param context the decoded context path, {@code ""} for the root context
     * @param allowed bits of the allowed violations, see {@link PathViolation#bit()}
     */
    static FirewallResult scan(String raw, String context, long allowed) {
        int n = raw.length();
        if (n == 0 || raw.charAt(0) != '/') {
            return new Rejected(PathViolation.RELATIVE_PATH, n == 0 ? "empty request URI" : "does not start with '/'");
        }
        boolean resolveDots = (allowed & (PathViolation.DOT_SEGMENT.bit() | PathViolation.ENCODED_DOT_SEGMENT.bit())) != 0;
        // Output offsets where the kept segments start, so '..' can go back one raw segment.
        int[] segmentStarts = resolveDots ? new int[n] : null;
        int depth = 0;

        char[] out = null; // null while the output is raw[0, len), which then also means len == i
        int len = 1;
        int i = 1;

        // The segment being read: where it starts in raw and in the output, its length in code
        // points (path parameter excluded), how many of those are dots, and where its parameter is.
        int segmentAt = 1;
        int segmentOut = 1;
        int length = 0;
        int dots = 0;
        boolean encodedDot = false;
        boolean firstIsSpace = false;
        boolean lastIsSpace = false;
        int parameterAt = -1;

        while (true) {
            if (i == n || raw.charAt(i) == '/') {
                int action = KEEP;
                if (length == 0) {
                    // At the very end an empty segment is a trailing '/', which is fine.
                    if (i < n && !allows(allowed, PathViolation.EMPTY_SEGMENT)) {
                        return reject(PathViolation.EMPTY_SEGMENT, "empty segment", segmentAt);
                    }
                } else if (dots == length) {
                    PathViolation violation = encodedDot ? PathViolation.ENCODED_DOT_SEGMENT : PathViolation.DOT_SEGMENT;
                    int textEnd = parameterAt < 0 ? i : parameterAt;
                    if (!allows(allowed, violation)) {
                        return reject(violation, "'" + raw.substring(segmentAt, textEnd) + "' segment", segmentAt);
                    }
                    if (length <= 2) {
                        if (length == 2 && depth == 0) {
                            return reject(violation, "'" + raw.substring(segmentAt, textEnd) + "' above the root", segmentAt);
                        }
                        action = length == 1 ? DROP : POP;
                    }
                } else if ((firstIsSpace || lastIsSpace) && !allows(allowed, PathViolation.EDGE_WHITESPACE)) {
                    return reject(PathViolation.EDGE_WHITESPACE,
                            firstIsSpace ? "segment starts with whitespace" : "segment ends with whitespace", segmentAt);
                }

                if (action == KEEP) {
                    if (segmentStarts != null) {
                        segmentStarts[depth++] = segmentOut;
                    }
                } else {
                    if (out == null) {
                        out = copy(raw, len);
                    }
                    // The output already ends with the '/' before this segment; for '..' cut back
                    // to the '/' before the previous one.
                    len = action == DROP ? segmentOut : segmentStarts[--depth];
                }
                if (i == n) {
                    break;
                }
                if (action == KEEP) {
                    if (out != null) {
                        out[len] = '/';
                    }
                    len++;
                }
                i++;
                segmentAt = i;
                segmentOut = len;
                length = 0;
                dots = 0;
                encodedDot = false;
                firstIsSpace = false;
                lastIsSpace = false;
                parameterAt = -1;
                continue;
            }

            char c = raw.charAt(i);
            int codePoint;
            int next;
            boolean encoded = c == '%';
            if (encoded) {
                long decoded = PercentDecoder.decode(raw, i);
                if (decoded < 0) {
                    return reject(PathViolation.BAD_ENCODING,
                            PercentDecoder.problem(decoded).message() + ": " + escapes(raw, i), i);
                }
                codePoint = PercentDecoder.codePoint(decoded);
                next = PercentDecoder.end(decoded);
                PathViolation violation = PathChars.decoded(codePoint);
                if (violation != null && !allows(allowed, violation)) {
                    String text = raw.substring(i, next);
                    return reject(violation, codePoint < 0x80 ? text : text + " (" + PathChars.describe(codePoint) + ")", i);
                }
                if (out == null) {
                    out = copy(raw, len);
                }
            } else if (c == ';') {
                if (!allows(allowed, PathViolation.PATH_PARAMETER)) {
                    return reject(PathViolation.PATH_PARAMETER, "';'", i);
                }
                if (parameterAt < 0) {
                    // The container drops the parameter up to the next '/'; so does the output.
                    parameterAt = i;
                    if (out == null) {
                        out = copy(raw, len);
                    }
                }
                i++;
                continue;
            } else if (c < 0x80) {
                codePoint = c;
                next = i + 1;
                PathViolation violation = PathChars.rawAscii(c);
                if (violation != null && !allows(allowed, violation)) {
                    return reject(violation, PathChars.describe(c), i);
                }
            } else {
                codePoint = raw.codePointAt(i);
                next = i + Character.charCount(codePoint);
                if (!allows(allowed, PathViolation.ILLEGAL_CHARACTER)) {
                    return reject(PathViolation.ILLEGAL_CHARACTER, "unencoded " + PathChars.describe(codePoint), i);
                }
                if (Character.isSurrogate(c) && codePoint == c) {
                    return reject(PathViolation.BAD_ENCODING, "unpaired surrogate " + PathChars.describe(c), i);
                }
                PathViolation violation = PathChars.nonAscii(codePoint);
                if (violation != null && !allows(allowed, violation)) {
                    return reject(violation, PathChars.describe(codePoint), i);
                }
            }

            if (parameterAt < 0) {
                if (out != null) {
                    len += Character.toChars(codePoint, out, len);
                } else {
                    len = next;
                }
                if (codePoint == '.') {
                    dots++;
                    encodedDot |= encoded;
                }
                boolean space = PathChars.isWhitespace(codePoint);
                if (length == 0) {
                    firstIsSpace = space;
                }
                lastIsSpace = space;
                length++;
            }
            i = next;
        }
        return relative(raw, out, len, context);
    }

    /** Cuts the context path off the decoded path. */
    private static FirewallResult relative(String raw, char[] out, int len, String context) {
        int contextLength = context.length();
        if (contextLength > 0) {
            boolean under = out == null
                    ? raw.startsWith(context) && (len == contextLength || raw.charAt(contextLength) == '/')
                    : startsWith(out, len, context) && (len == contextLength || out[contextLength] == '/');
            if (!under) {
                return new Rejected(PathViolation.OUTSIDE_CONTEXT, "not under the context path");
            }
            if (len == contextLength) {
                return ROOT;
            }
        }
        if (out == null) {
            return new Accepted(contextLength == 0 ? raw : raw.substring(contextLength));
        }
        return new Accepted(new String(out, contextLength, len - contextLength));
    }

    private static boolean startsWith(char[] text, int length, String prefix) {
        if (length < prefix.length()) {
            return false;
        }
        for (int k = 0; k < prefix.length(); k++) {
            if (text[k] != prefix.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    private static boolean allows(long allowed, PathViolation violation) {
        return (allowed & violation.bit()) != 0;
    }

    /** A buffer the decoded path cannot outgrow, holding the {@code len} characters read so far. */
    private static char[] copy(String raw, int len) {
        char[] out = new char[raw.length()];
        raw.getChars(0, len, out, 0);
        return out;
    }

    private static Rejected reject(PathViolation violation, String what, int offset) {
        return new Rejected(violation, what + " at offset " + offset);
    }

    /**
     * The escapes at {@code from} for a message: up to four {@code %} groups of two characters (five
     * after {@code %u}), stopping at anything that is not printable ASCII.
     */
    private static String escapes(String raw, int from) {
        int to = from;
        for (int group = 0; group < 4 && to < raw.length() && raw.charAt(to) == '%'; group++) {
            int width = to + 1 < raw.length() && (raw.charAt(to + 1) | 0x20) == 'u' ? 6 : 3;
            int limit = Math.min(raw.length(), to + width);
            to++;
            while (to < limit && raw.charAt(to) > 0x20 && raw.charAt(to) < 0x7F && raw.charAt(to) != '%') {
                to++;
            }
        }
        return raw.substring(from, to);
    }
}
