package dev.iamgate.example.mfa;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** RFC 6238's SHA-1 test vectors (appendix B), as six-digit codes; RFC 4648's base32 vectors. */
class TotpTest {

    private static final byte[] RFC_SEED = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);

    @ParameterizedTest(name = "T={0}")
    @CsvSource({"59, 287082", "1111111109, 081804", "1111111111, 050471", "1234567890, 005924",
        "2000000000, 279037", "20000000000, 353130"})
    void codesAreThoseOfRfc6238(long seconds, String code) {
        assertThat(Totp.code(RFC_SEED, Totp.step(Instant.ofEpochSecond(seconds)))).isEqualTo(Integer.parseInt(code));
    }

    @ParameterizedTest(name = "\"{0}\"")
    @CsvSource({"'', ''", "f, MY", "fo, MZXQ", "foo, MZXW6", "foob, MZXW6YQ", "fooba, MZXW6YTB", "foobar, MZXW6YTBOI"})
    void base32IsThatOfRfc4648WithoutPadding(String text, String encoded) {
        assertThat(Base32.encode(text.getBytes(StandardCharsets.US_ASCII))).isEqualTo(encoded);
    }

    @ParameterizedTest(name = "\"{0}\"")
    @CsvSource({"'12345', -1", "'1234567', -1", "'12a456', -1", "'１２３４５６', -1", "'012345', 12345"})
    void aCodeIsExactlySixAsciiDigits(String code, int value) {
        assertThat(Totp.parse(code)).isEqualTo(value);
    }
}
