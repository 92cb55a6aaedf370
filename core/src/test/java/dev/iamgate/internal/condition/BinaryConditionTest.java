package dev.iamgate.internal.condition;

import static dev.iamgate.internal.condition.Conditions.compile;
import static dev.iamgate.internal.condition.TestKeys.keys;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BinaryConditionTest {

    private static final String CERT = "aws:PrincipalTag/cert";

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void compilesToBinaryCondition() {
        assertThat(compile("BinaryEquals", CERT, "QQ==")).isInstanceOf(BinaryCondition.class);
    }

    @Test
    void bytesCompareAfterDecodingBothSides() {
        CompiledCondition c = compile("BinaryEquals", CERT, "QmluYXJ5VmFsdWVJbkJhc2U2NA==");
        assertThat(c.test(keys(CERT, "QmluYXJ5VmFsdWVJbkJhc2U2NA=="))).isTrue();
        assertThat(c.test(keys(CERT, base64("BinaryValueInBase64")))).isTrue();
        assertThat(c.test(keys(CERT, base64("BinaryValueInBase65")))).isFalse();
    }

    @Test
    void paddingMayBeOmittedOnEitherSide() {
        assertThat(compile("BinaryEquals", CERT, "QQ==").test(keys(CERT, "QQ"))).isTrue();
        assertThat(compile("BinaryEquals", CERT, "QUI").test(keys(CERT, "QUI="))).isTrue();
    }

    @Test
    void bytesNotTextAreCompared() {
        // "QQ==" and "QR==" differ as text but decode to the same single byte 'A' under the
        // standard decoder, which ignores the unused low bits.
        assertThat(compile("BinaryEquals", CERT, "QQ==").test(keys(CERT, "QR=="))).isTrue();
        assertThat(compile("BinaryEquals", CERT, "QQ==").test(keys(CERT, "Qg=="))).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"***", "QQ=", "Q", "QQ==QQ==", "QQ ==", "-_-_", "hello"})
    void invalidPolicyBase64NeverMatches(String policy) {
        assertThat(compile("BinaryEquals", CERT, policy).test(keys(CERT, policy))).isFalse();
        assertThat(compile("BinaryEquals", CERT, policy, "QQ==").test(keys(CERT, "QQ=="))).isTrue();
    }

    @Test
    void requestValueThatIsNotBase64MatchesNothing() {
        // Not read as raw UTF-8 bytes: "hello" is not base64, so it does not equal base64("hello").
        assertThat(compile("BinaryEquals", CERT, base64("hello")).test(keys(CERT, "hello"))).isFalse();
        assertThat(compile("BinaryEquals", CERT, "QQ==").test(keys(CERT, "Q"))).isFalse();
    }

    @Test
    void severalPolicyValuesAreOred() {
        CompiledCondition c = compile("BinaryEquals", CERT, base64("a"), base64("b"));
        assertThat(c.test(keys(CERT, base64("b")))).isTrue();
        assertThat(c.test(keys(CERT, base64("c")))).isFalse();
    }

    @Test
    void absentKeyIsFalse() {
        assertThat(compile("BinaryEquals", CERT, "QQ==").test(TestKeys.none())).isFalse();
    }
}
