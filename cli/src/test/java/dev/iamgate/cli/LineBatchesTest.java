package dev.iamgate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Lines as {@code BufferedReader.readLine} cuts them, empty ones left out, in batches. */
class LineBatchesTest {

    @Test
    void linesEndAtLineFeedCarriageReturnOrBoth() throws IOException {
        assertThat(lines("a\nb\r\nc\rd", 1 << 10)).containsExactly("a", "b", "c", "d");
    }

    /** The scan reads eight bytes at a time: every other byte value, next to a line end anywhere in a word. */
    @Test
    void lineEndsAreFoundAtEveryPlaceOfAWordAmongAnyOtherByte() throws IOException {
        for (int value = 0; value < 256; value++) {
            if (value == '\n' || value == '\r') {
                continue;
            }
            ByteArrayOutputStream text = new ByteArrayOutputStream();
            List<byte[]> expected = new ArrayList<>();
            for (int length = 1; length <= 17; length++) {
                byte[] line = new byte[length];
                Arrays.fill(line, (byte) value);
                expected.add(line);
                text.writeBytes(line);
                text.write(length % 2 == 0 ? '\n' : '\r');
            }
            LineBatches batches = new LineBatches(new ByteArrayInputStream(text.toByteArray()), 1 << 10, 1 << 20);
            List<byte[]> found = new ArrayList<>();
            for (LineBatches.Batch batch = batches.next(); batch != null; batch = batches.next()) {
                for (int i = 0; i < batch.count; i++) {
                    found.add(Arrays.copyOfRange(batch.bytes, batch.starts[i], batch.ends[i]));
                }
            }
            assertThat(found).as("byte %02x", value).usingElementComparator(Arrays::compare).isEqualTo(expected);
        }
    }

    @Test
    void emptyLinesAreLeftOut() throws IOException {
        assertThat(lines("\n\na\r\n\r\n\rb\n\n", 1 << 10)).containsExactly("a", "b");
    }

    @Test
    void aByteOrderMarkIsDroppedFromTheFirstLineOnly() throws IOException {
        assertThat(lines("\uFEFFa\n\uFEFFb\n", 1 << 10)).containsExactly("a", "\uFEFFb");
        assertThat(lines("\n\uFEFFb\n", 1 << 10)).containsExactly("\uFEFFb");
    }

    @Test
    void linesLongerThanABatchAndLinesAcrossBatchesAreWhole() throws IOException {
        StringBuilder text = new StringBuilder();
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            String line = "line-" + i + "-" + "x".repeat(i * 7 % 53);
            expected.add(line);
            text.append(line).append(i % 3 == 0 ? "\r\n" : "\n");
        }
        expected.add("y".repeat(100));
        text.append("y".repeat(100));

        assertThat(lines(text.toString(), 16)).isEqualTo(expected);
    }

    @Test
    void aBatchEndsWhenNoMoreInputIsWaiting() throws IOException {
        // a stream that has nothing more to give until read again, like a pipe between writes
        InputStream trickle = new InputStream() {
            private final byte[] data = "a\nb\n".getBytes(StandardCharsets.US_ASCII);
            private int pos;

            @Override
            public int read() {
                return pos < data.length ? data[pos++] : -1;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (pos >= data.length) {
                    return -1;
                }
                int n = Math.min(len, 2);
                System.arraycopy(data, pos, b, off, n);
                pos += n;
                return n;
            }

            @Override
            public int available() {
                return 0;
            }
        };
        LineBatches batches = new LineBatches(trickle, 1 << 10, 1 << 20);

        LineBatches.Batch first = batches.next();
        assertThat(first.count).isEqualTo(1);
        assertThat(first.inputDrained).isTrue();
        assertThat(batches.next().count).isEqualTo(1);
        assertThat(batches.next()).isNull();
    }

    @Test
    void aLineLongerThanTheLimitStandsAsTooLongAndTheLinesAroundItAreWhole() throws IOException {
        String text = "a\n" + "x".repeat(10) + "\n" + "y".repeat(11) + "\r\n" + "z".repeat(100) + "\rb\n\n\n"
                + "w".repeat(9) + "\n" + "v".repeat(25);
        for (int batchBytes : new int[] {1, 3, 4, 11, 64}) {
            assertThat(lines(text, batchBytes, 10)).as("batches of %d bytes", batchBytes).containsExactly(
                    "a", "x".repeat(10), TOO_LONG, TOO_LONG, "b", "w".repeat(9), TOO_LONG);
        }
        assertThat(lines("\uFEFF" + "x".repeat(20) + "\n\uFEFFc", 4, 10)).containsExactly(TOO_LONG, "\uFEFFc");
    }

    @Test
    void aStreamWithNoLineBreakIsReadInBoundedMemory() throws IOException {
        long size = 50L << 20;
        InputStream noBreak = new InputStream() {
            private long left = size;

            @Override
            public int read() {
                return left-- > 0 ? 'a' : -1;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (left <= 0) {
                    return -1;
                }
                int n = (int) Math.min(len, left);
                Arrays.fill(b, off, off + n, (byte) 'a');
                left -= n;
                return n;
            }
        };
        LineBatches batches = new LineBatches(noBreak, 1 << 10, 1 << 16);

        LineBatches.Batch batch = batches.next();
        assertThat(batch.count).isEqualTo(1);
        assertThat(batch.isTooLong(0)).isTrue();
        assertThat(batch.bytes.length).isLessThanOrEqualTo((1 << 16) + 1);
        assertThat(batches.next()).isNull();
    }

    /**
     * Random input of line ends, byte-order marks and other bytes, cut in batches of every size
     * around the limit's: the lines are those a plain split gives, whatever the buffer's history.
     */
    @Test
    void linesAreThoseOfAPlainSplitWhateverTheBatchAndLimit() throws IOException {
        byte[] alphabet = {'a', 'b', '\n', '\r', (byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        SplittableRandom random = new SplittableRandom(7);
        for (int round = 0; round < 3_000; round++) {
            byte[] text = new byte[random.nextInt(60)];
            for (int i = 0; i < text.length; i++) {
                // runs of one byte make long lines and byte-order marks likelier than at random
                text[i] = i > 0 && random.nextInt(3) > 0 ? text[i - 1] : alphabet[random.nextInt(alphabet.length)];
                if (random.nextInt(8) == 0 && i + 2 < text.length) {
                    text[i] = (byte) 0xEF;
                    text[++i] = (byte) 0xBB;
                    text[++i] = (byte) 0xBF;
                }
            }
            int maxLineBytes = 1 + random.nextInt(12);
            List<String> expected = plainSplit(text, maxLineBytes);
            for (int batchBytes = 1; batchBytes <= 20; batchBytes++) {
                assertThat(lines(text, batchBytes, maxLineBytes))
                        .as("%s in batches of %d, lines of at most %d", Arrays.toString(text), batchBytes, maxLineBytes)
                        .isEqualTo(expected);
            }
        }
    }

    /** The reference: split at \n, \r and \r\n; the first line loses a leading mark; empty lines go. */
    private static List<String> plainSplit(byte[] text, int maxLineBytes) {
        List<String> lines = new ArrayList<>();
        int start = 0;
        boolean first = true;
        for (int i = 0; i <= text.length; i++) {
            boolean end = i == text.length || text[i] == '\n' || text[i] == '\r';
            if (!end) {
                continue;
            }
            if (i == text.length && start == i) {
                break;
            }
            int from = start;
            if (i - from > maxLineBytes) {
                lines.add(TOO_LONG);
            } else {
                if (first && i - from >= 3 && text[from] == (byte) 0xEF && text[from + 1] == (byte) 0xBB
                        && text[from + 2] == (byte) 0xBF) {
                    from += 3;
                }
                if (i > from) {
                    lines.add(new String(text, from, i - from, StandardCharsets.ISO_8859_1));
                }
            }
            first = false;
            if (i < text.length && text[i] == '\r' && i + 1 < text.length && text[i + 1] == '\n') {
                i++;
            }
            start = i + 1;
        }
        return lines;
    }

    private static final String TOO_LONG = "<too long>";

    private static List<String> lines(String text, int batchBytes) throws IOException {
        return lines(text, batchBytes, 1 << 20);
    }

    private static List<String> lines(String text, int batchBytes, int maxLineBytes) throws IOException {
        List<String> lines = new ArrayList<>();
        for (String line : lines(text.getBytes(StandardCharsets.UTF_8), batchBytes, maxLineBytes)) {
            lines.add(line.equals(TOO_LONG) ? line
                    : new String(line.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8));
        }
        return lines;
    }

    /** The lines, each byte as one char (ISO 8859-1), or {@link #TOO_LONG}. */
    private static List<String> lines(byte[] text, int batchBytes, int maxLineBytes) throws IOException {
        LineBatches batches = new LineBatches(new ByteArrayInputStream(text), batchBytes, maxLineBytes);
        List<String> lines = new ArrayList<>();
        LineBatches.Batch batch;
        while ((batch = batches.next()) != null) {
            for (int i = 0; i < batch.count; i++) {
                lines.add(batch.isTooLong(i) ? TOO_LONG
                        : new String(batch.bytes, batch.starts[i], batch.ends[i] - batch.starts[i], StandardCharsets.ISO_8859_1));
            }
        }
        return lines;
    }
}
