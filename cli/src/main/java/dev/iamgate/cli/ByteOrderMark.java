package dev.iamgate.cli;

/**
 * The UTF-8 byte-order mark, EF BB BF, which some editors write at the start of a file: neither a
 * case file nor a policy file counts it as text.
 */
final class ByteOrderMark {

    static final int LENGTH = 3;

    private ByteOrderMark() {}

    /** Whether {@code bytes[from, to)} starts with the mark. */
    static boolean startsAt(byte[] bytes, int from, int to) {
        return to - from >= LENGTH && bytes[from] == (byte) 0xEF && bytes[from + 1] == (byte) 0xBB
                && bytes[from + 2] == (byte) 0xBF;
    }
}
