package dev.iamgate.servlet.internal.routing;

/**
 * The characters IAM allows in user, group, role, policy and MFA device names: {@code [\w+=,.@-]}
 * with {@code \w} meaning ASCII letters, digits and underscore. Checked with a table rather than a
 * regular expression because it runs on every bound path variable of every request.
 */
final class IamNames {

    private static final boolean[] NAME_CHARS = new boolean[128];

    static {
        for (char c = 'a'; c <= 'z'; c++) {
            NAME_CHARS[c] = true;
        }
        for (char c = 'A'; c <= 'Z'; c++) {
            NAME_CHARS[c] = true;
        }
        for (char c = '0'; c <= '9'; c++) {
            NAME_CHARS[c] = true;
        }
        for (char c : "_+=,.@-".toCharArray()) {
            NAME_CHARS[c] = true;
        }
    }

    private IamNames() {}

    static boolean isNameChar(char c) {
        return c < 128 && NAME_CHARS[c];
    }

    /**
     * Whether {@code text[start, end)} is a non-empty IAM name, and not {@code .} or {@code ..}:
     * the firewall removes dot segments, but should one reach routing it must not be taken for a
     * name, lest a route approve a path the container would resolve elsewhere.
     */
    static boolean isName(String text, int start, int end) {
        if (start >= end || isDotSegment(text, start, end)) {
            return false;
        }
        for (int i = start; i < end; i++) {
            if (!isNameChar(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether {@code text[start, end)} is one or more non-empty segments separated by single
     * slashes, none of them a dot segment, each made of IAM name characters when {@code names} is
     * set.
     */
    static boolean isSegments(String text, int start, int end, boolean names) {
        if (start >= end) {
            return false;
        }
        int segment = start;
        for (int i = start; i <= end; i++) {
            if (i == end || text.charAt(i) == '/') {
                if (i == segment || isDotSegment(text, segment, i)) {
                    return false;
                }
                segment = i + 1;
            } else if (names && !isNameChar(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isDotSegment(String text, int start, int end) {
        int length = end - start;
        return (length == 1 && text.charAt(start) == '.')
                || (length == 2 && text.charAt(start) == '.' && text.charAt(start + 1) == '.');
    }
}
