package dev.iamgate.cli;

import java.nio.charset.StandardCharsets;

/**
 * A cursor over the UTF-8 bytes of one JSON text, with the steps a hand-written reader needs:
 * structural characters, strings without escapes, and skipping values either strictly (as a JSON
 * parser would check them) or by their brackets only. Any step that meets something else throws
 * {@link #NOT_SIMPLE}, which the subclass turns into "leave this to a real JSON parser".
 */
abstract class JsonBytesScanner {

    /** Deeper values are left to the general reader, whose JSON parser has its own limit. */
    private static final int MAX_DEPTH = 64;
    /** Longer numbers are left to the general reader, whose JSON parser has its own limit. */
    private static final int MAX_NUMBER_LENGTH = 100;

    /** Signals a text this scanner leaves to a JSON parser; shared, so it carries no stack trace. */
    static final RuntimeException NOT_SIMPLE = new RuntimeException("not a simple JSON text", null, false, false) {
        private static final long serialVersionUID = 1L;
    };

    byte[] in;
    int pos;
    int end;

    /** Scans {@code bytes[from, to)} from its start. */
    final void start(byte[] bytes, int from, int to) {
        in = bytes;
        pos = from;
        end = to;
    }

    /** A string without escapes, as a Java string. */
    final String stringValue() {
        int from = pos + 1;
        int to = plainString();
        return new String(in, from, to - from, StandardCharsets.ISO_8859_1);
    }

    /**
     * Passes a string of printable ASCII without escapes; returns the index of its closing quote,
     * the position then being after it.
     */
    final int plainString() {
        expect('"');
        byte[] bytes = in;
        int i = pos;
        while (i < end) {
            byte b = bytes[i];
            if (b == '"') {
                pos = i + 1;
                return i;
            }
            if (b < 0x20 || b == '\\' || b == 0x7f) {
                throw NOT_SIMPLE; // control characters, escapes and non-ASCII (negative bytes)
            }
            i++;
        }
        throw NOT_SIMPLE;
    }

    /**
     * Passes the object starting here by counting brackets outside strings. Only the bracket
     * structure is checked; the caller parses the range properly later.
     */
    final void skipBalanced() {
        byte[] bytes = in;
        int depth = 0;
        int i = pos;
        while (i < end) {
            byte b = bytes[i++];
            if (b == '"') {
                while (true) {
                    if (i >= end) {
                        throw NOT_SIMPLE;
                    }
                    byte c = bytes[i++];
                    if (c == '"') {
                        break;
                    }
                    if (c == '\\') {
                        i++; // the escaped character, which may be a quote
                    }
                }
            } else if (b == '{' || b == '[') {
                depth++;
            } else if (b == '}' || b == ']') {
                if (--depth == 0) {
                    pos = i;
                    return;
                }
            }
        }
        throw NOT_SIMPLE;
    }

    /** Passes any JSON value, checking it as strictly as the general reader's JSON parser does. */
    final void skipValue(int depth) {
        if (depth > MAX_DEPTH) {
            throw NOT_SIMPLE;
        }
        byte b = peek();
        switch (b) {
            case '"' -> jsonString();
            case '{' -> {
                pos++;
                skipSpace();
                if (!take('}')) {
                    do {
                        skipSpace();
                        jsonString();
                        skipSpace();
                        expect(':');
                        skipSpace();
                        skipValue(depth + 1);
                        skipSpace();
                    } while (take(','));
                    expect('}');
                }
            }
            case '[' -> {
                pos++;
                skipSpace();
                if (!take(']')) {
                    do {
                        skipSpace();
                        skipValue(depth + 1);
                        skipSpace();
                    } while (take(','));
                    expect(']');
                }
            }
            case 't' -> literal("true");
            case 'f' -> literal("false");
            case 'n' -> literal("null");
            default -> number();
        }
    }

    /** A JSON string with any valid escapes, printable ASCII otherwise. */
    final void jsonString() {
        expect('"');
        while (true) {
            byte b = next();
            if (b == '"') {
                return;
            }
            if (b < 0x20 || b == 0x7f) {
                throw NOT_SIMPLE;
            }
            if (b == '\\') {
                byte e = next();
                if (e == 'u') {
                    for (int k = 0; k < 4; k++) {
                        if (Character.digit(next(), 16) < 0) {
                            throw NOT_SIMPLE;
                        }
                    }
                } else if ("\"\\/bfnrt".indexOf(e) < 0) {
                    throw NOT_SIMPLE;
                }
            }
        }
    }

    /** -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)? */
    final void number() {
        int start = pos;
        take('-');
        if (!take('0')) {
            digits();
        }
        if (take('.')) {
            digits();
        }
        if (take('e') || take('E')) {
            if (!take('+')) {
                take('-');
            }
            digits();
        }
        if (pos - start > MAX_NUMBER_LENGTH) {
            throw NOT_SIMPLE;
        }
    }

    final void digits() {
        int start = pos;
        while (pos < end && in[pos] >= '0' && in[pos] <= '9') {
            pos++;
        }
        if (pos == start) {
            throw NOT_SIMPLE;
        }
    }

    final void literal(String word) {
        for (int k = 0; k < word.length(); k++) {
            expect(word.charAt(k));
        }
        // "nullx" or "true1" is not a literal
        if (pos < end && Character.isLetterOrDigit(in[pos])) {
            throw NOT_SIMPLE;
        }
    }

    final boolean is(int from, int to, String name) {
        if (to - from != name.length()) {
            return false;
        }
        for (int k = 0; k < name.length(); k++) {
            if (in[from + k] != name.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    final void skipSpace() {
        while (pos < end && (in[pos] == ' ' || in[pos] == '\t')) {
            pos++;
        }
    }

    final byte next() {
        byte b = peek();
        pos++;
        return b;
    }

    final byte peek() {
        if (pos >= end) {
            throw NOT_SIMPLE;
        }
        return in[pos];
    }

    final boolean take(char c) {
        if (pos < end && in[pos] == c) {
            pos++;
            return true;
        }
        return false;
    }

    final void expect(char c) {
        if (!take(c)) {
            throw NOT_SIMPLE;
        }
    }
}
