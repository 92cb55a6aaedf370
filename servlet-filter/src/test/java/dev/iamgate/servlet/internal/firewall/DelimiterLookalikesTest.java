package dev.iamgate.servlet.internal.firewall;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The fixed look-alike table is exactly what the JDK's Unicode normalisation says it is. */
class DelimiterLookalikesTest {

    @Test
    void tableIsEveryCodePointThatNormalisesToTextWithADelimiter() {
        int[] computed = IntStream.rangeClosed(0x80, Character.MAX_CODE_POINT)
                .filter(cp -> cp < Character.MIN_SURROGATE || cp > Character.MAX_SURROGATE)
                .filter(DelimiterLookalikesTest::normalisesToADelimiter)
                .toArray();
        assertThat(DelimiterLookalikes.codePoints())
                .as("regenerate the table from this JDK's Unicode data").containsExactly(computed);
    }

    @Test
    void tableIsSortedForBinarySearch() {
        int[] table = DelimiterLookalikes.codePoints();
        int[] sorted = table.clone();
        Arrays.sort(sorted);
        assertThat(table).containsExactly(sorted);
    }

    @Test
    void containsFindsTableEntriesAndNothingElse() {
        assertThat(DelimiterLookalikes.contains(0xFF0F)).isTrue();
        assertThat(DelimiterLookalikes.contains(0x037E)).isTrue();
        assertThat(DelimiterLookalikes.contains(0x1F100)).isTrue();
        assertThat(DelimiterLookalikes.contains('/')).isFalse();
        assertThat(DelimiterLookalikes.contains(0xFF21)).as("fullwidth A is a letter, not a delimiter").isFalse();
        assertThat(DelimiterLookalikes.contains(0x2215)).as("division slash has no decomposition").isFalse();
    }

    private static boolean normalisesToADelimiter(int codePoint) {
        String text = new String(Character.toChars(codePoint));
        String nfkc = Normalizer.normalize(text, Normalizer.Form.NFKC);
        String nfc = Normalizer.normalize(text, Normalizer.Form.NFC);
        return containsDelimiter(nfkc) || containsDelimiter(nfc);
    }

    private static boolean containsDelimiter(String text) {
        return text.chars().anyMatch(c -> DelimiterLookalikes.DELIMITERS.indexOf(c) >= 0);
    }
}
