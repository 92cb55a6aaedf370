package dev.iamgate.cli;

/**
 * Finds where a JSON object ends without parsing it, for a text that is parsed (or matched
 * against one that was) elsewhere. Linear, and reads no byte past the limit it is given.
 */
final class JsonExtent {

    private JsonExtent() {}

    /**
     * The index just past the object that opens at {@code bytes[start]}, found by counting brackets
     * outside strings; -1 when it does not close before {@code limit}. On well-formed JSON that is
     * exactly where the object ends. On anything else it is some range that a parser rejects, so
     * the caller must parse the range, or find it equal to one that parsed, before using it.
     */
    static int objectEnd(byte[] bytes, int start, int limit) {
        int depth = 0;
        for (int i = start; i < limit; i++) {
            byte b = bytes[i];
            if (b == '"') {
                // to the closing quote; an escaped character, quote or backslash, is stepped over
                for (i++; i < limit && bytes[i] != '"'; i++) {
                    if (bytes[i] == '\\') {
                        i++;
                    }
                }
            } else if (b == '{' || b == '[') {
                depth++;
            } else if ((b == '}' || b == ']') && --depth == 0) {
                return i + 1;
            }
        }
        return -1;
    }
}
