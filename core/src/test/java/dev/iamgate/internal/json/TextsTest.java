package dev.iamgate.internal.json;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextsTest {

    @Test
    void quoteEscapesWhatWouldGarbleAOneLineMessage() {
        assertThat(Texts.quote("a\"b\\c\nd\te\u0001\uD800"))
                .isEqualTo("\"a\\\"b\\\\c\\nd\\te\\u0001\\ud800\"");
    }

    @Test
    void quoteShortensLongValues() {
        assertThat(Texts.quote("x".repeat(1_000_000))).isEqualTo("\"" + "x".repeat(80) + "...\"");
    }

    @Test
    void unpairedSurrogateFindsTheFirstLoneHalf() {
        assertThat(Texts.unpairedSurrogate("plain")).isEqualTo(-1);
        assertThat(Texts.unpairedSurrogate("\uD83D\uDE00")).isEqualTo(-1);
        assertThat(Texts.unpairedSurrogate("ab\uD83D")).isEqualTo(2);
        assertThat(Texts.unpairedSurrogate("\uDE00\uD83D")).isZero();
        assertThat(Texts.unpairedSurrogate("\uD83D\uD83D\uDE00")).isZero();
    }
}
