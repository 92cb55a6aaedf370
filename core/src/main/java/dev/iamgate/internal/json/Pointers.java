package dev.iamgate.internal.json;

/** Builds RFC 6901 JSON pointers one reference token at a time. */
final class Pointers {

    private Pointers() {}

    /** The pointer to member {@code name} of the object at {@code parent}. */
    static String member(String parent, String name) {
        return parent + '/' + escape(name);
    }

    /** The pointer to element {@code index} of the array at {@code parent}. */
    static String element(String parent, int index) {
        return parent + '/' + index;
    }

    /** Escapes one reference token: {@code ~} becomes {@code ~0}, {@code /} becomes {@code ~1}. */
    static String escape(String token) {
        int first = firstSpecial(token);
        if (first < 0) {
            return token; // the common case: nothing to escape, nothing to allocate
        }
        StringBuilder sb = new StringBuilder(token.length() + 4).append(token, 0, first);
        for (int i = first; i < token.length(); i++) {
            char c = token.charAt(i);
            if (c == '~') {
                sb.append("~0");
            } else if (c == '/') {
                sb.append("~1");
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    private static int firstSpecial(String token) {
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            if (c == '~' || c == '/') {
                return i;
            }
        }
        return -1;
    }
}
