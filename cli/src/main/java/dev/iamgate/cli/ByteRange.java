package dev.iamgate.cli;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * A range of a byte array as a hash key, compared by content. The cache probes with a range of the
 * input buffer and stores a copy, so a lookup that hits copies nothing.
 */
final class ByteRange {

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long MULTIPLIER = 0x9E3779B97F4A7C15L;

    private final byte[] bytes;
    private final int from;
    private final int to;
    private final int hash;

    ByteRange(byte[] bytes, int from, int to) {
        this.bytes = bytes;
        this.from = from;
        this.to = to;
        this.hash = hash(bytes, from, to);
    }

    /** This range in an array of its own, for keeping after the buffer is reused. */
    ByteRange copy() {
        return new ByteRange(Arrays.copyOfRange(bytes, from, to), 0, to - from);
    }

    /** Eight bytes a step: the key of a case is a whole policy document, hundreds of bytes. */
    private static int hash(byte[] bytes, int from, int to) {
        long h = to - from;
        int i = from;
        for (; i + Long.BYTES <= to; i += Long.BYTES) {
            h = (h ^ (long) LONGS.get(bytes, i)) * MULTIPLIER;
            h ^= h >>> 29;
        }
        for (; i < to; i++) {
            h = (h ^ bytes[i]) * MULTIPLIER;
        }
        return (int) (h ^ (h >>> 32));
    }

    @Override
    public int hashCode() {
        return hash;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ByteRange that && hash == that.hash
                && Arrays.equals(bytes, from, to, that.bytes, that.from, that.to);
    }
}
