package dev.iamgate.cli;

import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * Cuts a byte stream into batches of whole lines, without decoding: a line ends at {@code \n},
 * {@code \r} or {@code \r\n}, as for {@link java.io.BufferedReader#readLine()}. Empty lines are
 * left out (they have no answer), and a UTF-8 byte-order mark at the start of the first line is
 * dropped. A line longer than the limit is not kept: its bytes are passed over to its end and it
 * stands in its batch as {@linkplain Batch#isTooLong too long}, so memory stays bounded whatever the
 * input (a file with no line break, say). Not thread-safe; a batch, once returned, belongs to the
 * caller.
 */
final class LineBatches {

    /** Lines of one read, in a buffer of their own. */
    static final class Batch {
        final byte[] bytes;
        final int[] starts;
        final int[] ends;
        final int count;
        /** True when no further input was waiting after this batch: answer it before blocking. */
        final boolean inputDrained;

        /** Whether line {@code i} was longer than the limit, and so has no bytes here. */
        boolean isTooLong(int i) {
            return starts[i] == TOO_LONG;
        }

        private Batch(byte[] bytes, int[] starts, int[] ends, int count, boolean inputDrained) {
            this.bytes = bytes;
            this.starts = starts;
            this.ends = ends;
            this.count = count;
            this.inputDrained = inputDrained;
        }
    }

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long LINE_FEEDS = 0x0A0A0A0A0A0A0A0AL;
    private static final long CARRIAGE_RETURNS = 0x0D0D0D0D0D0D0D0DL;

    /** Where a batch's line starts when it was too long to keep. */
    private static final int TOO_LONG = -1;

    private final InputStream in;
    private final int batchBytes;
    private final int maxLineBytes;
    private byte[] buffer;
    /** Bytes of the buffer holding input. */
    private int filled;
    /** Where the line being read started. */
    private int lineStart;
    /** Where the scan for line ends goes on. */
    private int scanned;
    private boolean firstLine = true;
    private boolean eof;
    /** Whether the bytes being read belong to a line longer than the limit, passed over to its end. */
    private boolean skipping;
    private int[] starts = new int[1024];
    private int[] ends = new int[1024];
    private int count;

    /**
     * @param batchBytes the input read for one batch (a line longer than that makes the buffer grow)
     * @param maxLineBytes the longest line kept, line break not counted
     */
    LineBatches(InputStream in, int batchBytes, int maxLineBytes) {
        if (batchBytes < 1 || maxLineBytes < 1 || maxLineBytes == Integer.MAX_VALUE) {
            throw new IllegalArgumentException("bad sizes: " + batchBytes + " bytes a batch, " + maxLineBytes + " a line");
        }
        this.in = in;
        this.batchBytes = batchBytes;
        this.maxLineBytes = maxLineBytes;
        this.buffer = new byte[Math.min(batchBytes, maxLineBytes + 1)];
    }

    /** The next batch of at least one line, or null at the end of the input. */
    Batch next() throws IOException {
        while (!eof) {
            if (filled == buffer.length && !takeLines()) {
                continue;
            }
            int read = in.read(buffer, filled, buffer.length - filled);
            if (read < 0) {
                eof = true;
                break;
            }
            filled += read;
            scan();
            if (count > 0 && (filled == buffer.length || in.available() == 0)) {
                return batch(in.available() == 0);
            }
        }
        if (skipping) {
            addTooLongLine();
            skipping = false;
        } else if (lineStart < filled) {
            addLine(lineStart, filled); // the last line may lack its line break
            lineStart = filled;
        }
        return count > 0 ? batch(true) : null;
    }

    /**
     * Makes room in a full buffer: true when it holds lines to hand out; otherwise the line being
     * read fills it, and the buffer grows up to one byte more than the longest line kept. A line
     * that fills that has no line break in reach: what was read of it is dropped, and so is the
     * rest of it as it comes.
     */
    private boolean takeLines() {
        if (count > 0) {
            return true;
        }
        if (lineStart > 0) { // empty lines before it: the line being read is shorter than the buffer
            System.arraycopy(buffer, lineStart, buffer, 0, filled - lineStart);
            filled -= lineStart;
            scanned -= lineStart;
            lineStart = 0;
        } else if (buffer.length > maxLineBytes) {
            skipping = true;
            filled = 0;
            scanned = 0;
            lineStart = 0;
        } else {
            buffer = Arrays.copyOf(buffer, (int) Math.min(buffer.length * 2L, maxLineBytes + 1L));
        }
        return false;
    }

    /** Eight bytes a step to the next word that holds a line end: most of the input is inside lines. */
    private void scan() {
        byte[] bytes = buffer;
        int i = scanned;
        while (i < filled) {
            while (i + Long.BYTES <= filled && !holdsLineEnd((long) LONGS.get(bytes, i))) {
                i += Long.BYTES;
            }
            for (int stop = Math.min(i + Long.BYTES, filled); i < stop; i++) {
                byte b = bytes[i];
                if (b == '\n' || b == '\r') {
                    if (skipping) {
                        addTooLongLine();
                        skipping = false;
                    } else {
                        addLine(lineStart, i);
                    }
                    lineStart = i + 1;
                }
            }
        }
        if (skipping) {
            filled = 0; // nothing of the line is kept: the buffer takes the next of its bytes
            lineStart = 0;
        }
        scanned = filled;
    }

    /** Whether a byte of the word is {@code \n} or {@code \r}. */
    private static boolean holdsLineEnd(long word) {
        return hasZeroByte(word ^ LINE_FEEDS) || hasZeroByte(word ^ CARRIAGE_RETURNS);
    }

    /** The classic test, exact as a yes or no: only a zero byte borrows into its own high bit. */
    private static boolean hasZeroByte(long word) {
        return ((word - 0x0101010101010101L) & ~word & 0x8080808080808080L) != 0;
    }

    private void addTooLongLine() {
        firstLine = false;
        add(TOO_LONG, TOO_LONG);
    }

    private void addLine(int start, int end) {
        if (end - start > maxLineBytes) {
            // it fitted in a buffer cut for a batch, not in the limit, which counts every byte of
            // the line as the buffer does (a byte-order mark included)
            addTooLongLine();
            return;
        }
        if (firstLine) {
            firstLine = false;
            if (ByteOrderMark.startsAt(buffer, start, end)) {
                start += ByteOrderMark.LENGTH;
            }
        }
        if (start != end) { // else an empty line, or the second half of \r\n
            add(start, end);
        }
    }

    private void add(int start, int end) {
        if (count == starts.length) {
            starts = Arrays.copyOf(starts, count * 2);
            ends = Arrays.copyOf(ends, count * 2);
        }
        starts[count] = start;
        ends[count] = end;
        count++;
    }

    /** Hands out the complete lines and moves the partial one to a fresh buffer. */
    private Batch batch(boolean inputDrained) {
        Batch batch = new Batch(buffer, Arrays.copyOf(starts, count), Arrays.copyOf(ends, count), count, inputDrained);
        byte[] fresh = new byte[Math.max(batchBytes, filled - lineStart)];
        System.arraycopy(buffer, lineStart, fresh, 0, filled - lineStart);
        buffer = fresh;
        filled -= lineStart;
        scanned -= lineStart;
        lineStart = 0;
        count = 0;
        return batch;
    }
}
