package dev.iamgate.servlet.internal.context;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class IpLiteralsTest {

    @ParameterizedTest
    @CsvSource({
        "192.0.2.1, 192.0.2.1",
        "0.0.0.0, 0.0.0.0",
        "255.255.255.255, 255.255.255.255",
        "::1, ::1",
        "[::1], ::1",
        "::, ::",
        "2001:DB8:0:0:0:0:0:1, 2001:db8::1",
        "2001:db8:0:0:1:0:0:1, 2001:db8::1:0:0:1",
        "2001:db8:0:1:1:1:1:1, 2001:db8:0:1:1:1:1:1",
        "fe80::1%eth0, fe80::1",
        "::ffff:192.0.2.1, 192.0.2.1",
        "64:ff9b::192.0.2.1, 64:ff9b::c000:201",
        "1::, 1::",
    })
    void parsesAddressLiteralsAndPrintsThemCanonically(String literal, String canonical) {
        assertThat(IpLiterals.format(IpLiterals.parse(literal))).isEqualTo(canonical);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "", "localhost", "example.com", "192.0.2", "192.0.2.1.5", "256.0.0.1", "01.2.3.4", "1.2.3.-4",
        "0x7f.0.0.1", "127.1", "1:2:3:4:5:6:7", "1:2:3:4:5:6:7:8:9", "1:::2", "1::2::3", ":1", "1:",
        "12345::", "1.2.3.4::", "::1.2.3", "g::1", "1:2:3:4:5:6:7::8", "١٢٣.1.1.1", "[::1"
    })
    void rejectsWhatIsNotAnAddressLiteralWithoutResolvingIt(String text) {
        assertThat(IpLiterals.parse(text)).isNull();
    }
}
