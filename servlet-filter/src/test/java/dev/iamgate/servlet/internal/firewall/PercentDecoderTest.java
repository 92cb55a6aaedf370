package dev.iamgate.servlet.internal.firewall;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The decoder accepts a byte sequence exactly when the JDK's strict UTF-8 decoder reads it as one
 * code point, and then the same one: no overlong form, surrogate or out-of-range value slips
 * through, and no valid character is refused.
 */
class PercentDecoderTest {

    private static final CharsetDecoder JDK = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);

    private static final int[] THIRD_AND_FOURTH = {0x00, 0x41, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xFF};

    @Test
    void everySingleByteAndEveryPairDecodesLikeTheJdk() {
        List<String> mismatches = new ArrayList<>();
        for (int b1 = 0; b1 < 0x100; b1++) {
            check(mismatches, b1);
            for (int b2 = 0; b2 < 0x100; b2++) {
                check(mismatches, b1, b2);
            }
        }
        assertThat(mismatches).isEmpty();
    }

    @Test
    void threeAndFourByteSequencesDecodeLikeTheJdk() {
        List<String> mismatches = new ArrayList<>();
        for (int b1 = 0xC0; b1 < 0x100; b1++) {
            for (int b2 = 0; b2 < 0x100; b2++) {
                for (int b3 : THIRD_AND_FOURTH) {
                    check(mismatches, b1, b2, b3);
                    // Only a lead byte F0-FF starts a four-byte sequence.
                    for (int b4 : b1 >= 0xF0 ? THIRD_AND_FOURTH : new int[0]) {
                        check(mismatches, b1, b2, b3, b4);
                    }
                }
            }
        }
        assertThat(mismatches).isEmpty();
    }

    @Test
    void hexDigitsAreAsciiOnlyInEitherCase() {
        assertThat(PercentDecoder.codePoint(PercentDecoder.decode("%2f", 0))).isEqualTo('/');
        assertThat(PercentDecoder.codePoint(PercentDecoder.decode("%2F", 0))).isEqualTo('/');
        assertThat(PercentDecoder.decode("%\uff12\uff26", 0)).isNegative();
        assertThat(PercentDecoder.decode("%\u0662F", 0)).isNegative();
        assertThat(PercentDecoder.problem(PercentDecoder.decode("%u002f", 0))).isEqualTo(PercentDecoder.Problem.IIS_UNICODE);
    }

    /** Adds the escaped bytes to {@code mismatches} if the decoder and the JDK disagree on them. */
    private static void check(List<String> mismatches, int... bytes) {
        StringBuilder escaped = new StringBuilder();
        for (int b : bytes) {
            escaped.append('%').append(Character.forDigit(b >> 4, 16)).append(Character.forDigit(b & 0xF, 16));
        }
        String text = escaped.toString();
        long decoded = PercentDecoder.decode(text, 0);
        int expected = jdkSingleCodePoint(bytes);
        boolean agrees = expected < 0
                // Either refused, or it decoded a shorter valid prefix (say, one ASCII byte of two).
                ? decoded < 0 || PercentDecoder.end(decoded) < text.length()
                : decoded >= 0 && PercentDecoder.codePoint(decoded) == expected && PercentDecoder.end(decoded) == text.length();
        if (!agrees) {
            mismatches.add(text + (decoded < 0 ? " refused: " + PercentDecoder.problem(decoded) : " decoded"));
        }
    }

    /** The code point if the JDK decodes all the bytes as exactly one, else -1. */
    private static int jdkSingleCodePoint(int... bytes) {
        byte[] raw = new byte[bytes.length];
        for (int k = 0; k < bytes.length; k++) {
            raw[k] = (byte) bytes[k];
        }
        CharBuffer chars = CharBuffer.allocate(8);
        JDK.reset();
        // Without exceptions: the CoderResult says whether the bytes were malformed.
        if (JDK.decode(ByteBuffer.wrap(raw), chars, true).isError() || JDK.flush(chars).isError()) {
            return -1;
        }
        chars.flip();
        String text = chars.toString();
        return text.codePointCount(0, text.length()) == 1 ? text.codePointAt(0) : -1;
    }
}
