package dev.iamgate.internal.condition;

import static dev.iamgate.internal.condition.Conditions.compile;
import static dev.iamgate.internal.condition.TestKeys.keys;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class IpAddressConditionTest {

    private static final String IP = "aws:SourceIp";

    private static boolean inRange(String range, String address) {
        boolean in = compile("IpAddress", IP, range).test(keys(IP, address));
        boolean notIn = compile("NotIpAddress", IP, range).test(keys(IP, address));
        assertThat(notIn).as("NotIpAddress is the negation for a parsable address").isEqualTo(!in);
        return in;
    }

    @Test
    void compilesToIpAddressCondition() {
        assertThat(compile("IpAddress", IP, "10.0.0.0/8")).isInstanceOf(IpAddressCondition.class);
        assertThat(compile("NotIpAddress", IP, "10.0.0.0/8")).isInstanceOf(IpAddressCondition.class);
    }

    @ParameterizedTest(name = "{0} contains {1}: {2}")
    @CsvSource({
        "203.0.113.0/24, 203.0.113.7,   true",
        "203.0.113.0/24, 203.0.113.0,   true",
        "203.0.113.0/24, 203.0.113.255, true",
        "203.0.113.0/24, 203.0.114.0,   false",
        "203.0.113.0/24, 203.0.112.255, false",
        "10.1.0.0/16,    10.2.0.1,      false",
        "10.0.0.0/8,     10.255.255.255, true",
        "0.0.0.0/0,      255.255.255.255, true",
        "0.0.0.0/0,      0.0.0.0,       true",
        "192.0.2.1/31,   192.0.2.0,     true",
        "192.0.2.1/31,   192.0.2.2,     false",
        "128.0.0.0/1,    200.1.1.1,     true",
        "128.0.0.0/1,    127.255.255.255, false",
    })
    void ipv4CidrContainsAddressesInRange(String range, String address, boolean expected) {
        assertThat(inRange(range, address)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} contains {1}: {2}")
    @CsvSource({
        "2001:DB8:1234:5678::/64,    2001:db8:1234:5678:abcd::1,      true",
        "2001:DB8:1234:5678::/64,    2001:DB8:1234:5678:FFFF:FFFF:FFFF:FFFF, true",
        "2001:DB8:1234:5678::/64,    2001:db8:1234:5679::1,           false",
        "2001:db8:1234::/48,         2001:db8:1235::1,                false",
        "2001:db8:1234::/48,         2001:db8:1234:ffff::1,           true",
        "2001:db8::/32,              2001:0db8:0000:0000:0000:0000:0000:0001, true",
        "::/0,                       ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff, true",
        "::1,                        0:0:0:0:0:0:0:1,                 true",
        "::1,                        ::2,                             false",
        "fe80::/10,                  febf::1,                         true",
        "fe80::/10,                  fec0::1,                         false",
        "1:2:3:4:5:6:7::/128,        1:2:3:4:5:6:7:0,                 true",
        "::ffff:203.0.113.0/120,     ::ffff:203.0.113.7,              true",
        "::ffff:203.0.113.0/120,     ::FFFF:CB00:7107,                true",
        "::ffff:203.0.113.0/120,     ::ffff:203.0.114.7,              false",
        "2001:db8::1:0:0:0/80,       2001:db8:0:0:1:ffff::,           true",
        "2001:db8::1:0:0:0/80,       2001:db8:0:0:2::,                false",
    })
    void ipv6CidrWithCompressionAndCaseInsensitiveHex(String range, String address, boolean expected) {
        assertThat(inRange(range, address)).isEqualTo(expected);
    }

    @Test
    void bareAddressIsASingleHost() {
        assertThat(inRange("203.0.113.7", "203.0.113.7")).isTrue();
        assertThat(inRange("203.0.113.7", "203.0.113.8")).isFalse();
        assertThat(inRange("2001:db8::7", "2001:db8::7")).isTrue();
        assertThat(inRange("2001:db8::7", "2001:db8::8")).isFalse();
    }

    @Test
    void hostBitsBeyondMaskAreIgnored() {
        assertThat(inRange("203.0.113.77/24", "203.0.113.1")).isTrue();
        assertThat(inRange("10.1.2.3/8", "10.200.0.0")).isTrue();
        assertThat(inRange("10.1.2.3/8", "11.0.0.0")).isFalse();
        assertThat(inRange("2001:db8:1234:5678:9abc::1/32", "2001:db8::")).isTrue();
        assertThat(inRange("2001:db8:1234:5678:9abc::1/32", "2001:db9::")).isFalse();
    }

    @Test
    void everyIpv4PrefixLengthSplitsAtItsBoundary() {
        long base = 0xC0A8_5A3CL; // 192.168.90.60
        for (int prefix = 0; prefix <= 32; prefix++) {
            String range = ipv4(base) + "/" + prefix;
            assertThat(inRange(range, ipv4(base))).as(range).isTrue();
            if (prefix < 32) {
                assertThat(inRange(range, ipv4(base ^ 1L))).as(range + " last host bit").isTrue();
                assertThat(inRange(range, ipv4(base ^ (1L << (31 - prefix))))).as(range + " first host bit").isTrue();
            }
            if (prefix > 0) {
                assertThat(inRange(range, ipv4(base ^ (1L << (32 - prefix)))))
                        .as(range + " last network bit")
                        .isFalse();
                assertThat(inRange(range, ipv4(base ^ (1L << 31)))).as(range + " first network bit").isFalse();
            }
        }
    }

    @Test
    void everyIpv6PrefixLengthSplitsAtItsBoundary() {
        BigInteger base = new BigInteger("20010db8a5a5c3c35a5a3c3c0f0ff0f0", 16);
        for (int prefix = 0; prefix <= 128; prefix++) {
            String range = ipv6(base) + "/" + prefix;
            assertThat(inRange(range, ipv6(base))).as(range).isTrue();
            if (prefix < 128) {
                assertThat(inRange(range, ipv6(base.flipBit(0)))).as(range + " last host bit").isTrue();
                assertThat(inRange(range, ipv6(base.flipBit(127 - prefix)))).as(range + " first host bit").isTrue();
            }
            if (prefix > 0) {
                assertThat(inRange(range, ipv6(base.flipBit(128 - prefix)))).as(range + " last network bit").isFalse();
                assertThat(inRange(range, ipv6(base.flipBit(127)))).as(range + " first network bit").isFalse();
            }
        }
    }

    @Test
    void ipv4CidrNeverContainsIpv6Address() {
        assertThat(compile("IpAddress", IP, "0.0.0.0/0").test(keys(IP, "::1"))).isFalse();
        assertThat(compile("NotIpAddress", IP, "0.0.0.0/0").test(keys(IP, "::1"))).isTrue();
        // Not even the IPv4-mapped form of an address inside the range.
        assertThat(compile("IpAddress", IP, "203.0.113.0/24").test(keys(IP, "::ffff:203.0.113.7"))).isFalse();
        assertThat(compile("NotIpAddress", IP, "203.0.113.0/24").test(keys(IP, "::ffff:203.0.113.7"))).isTrue();
    }

    @Test
    void ipv6CidrNeverContainsIpv4Address() {
        assertThat(compile("IpAddress", IP, "::/0").test(keys(IP, "203.0.113.7"))).isFalse();
        assertThat(compile("NotIpAddress", IP, "::/0").test(keys(IP, "203.0.113.7"))).isTrue();
        assertThat(compile("IpAddress", IP, "::ffff:0:0/96").test(keys(IP, "203.0.113.7"))).isFalse();
    }

    @Test
    void mixedFamiliesInOneConditionEachMatchTheirOwn() {
        CompiledCondition c = compile("IpAddress", IP, "203.0.113.0/24", "2001:db8::/32");
        assertThat(c.test(keys(IP, "203.0.113.9"))).isTrue();
        assertThat(c.test(keys(IP, "2001:db8::9"))).isTrue();
        assertThat(c.test(keys(IP, "198.51.100.1"))).isFalse();
        CompiledCondition not = compile("NotIpAddress", IP, "203.0.113.0/24", "2001:db8::/32");
        assertThat(not.test(keys(IP, "203.0.113.9"))).isFalse();
        assertThat(not.test(keys(IP, "2001:db8::9"))).isFalse();
        assertThat(not.test(keys(IP, "198.51.100.1"))).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "/24", "10.0.0.0/", "10.0.0.0/33", "10.0.0.0/-1", "10.0.0.0/08", "10.0.0.0/8/8",
        "10.0.0.0/ 8", "10.0.0/8", "10.0.0.0.0/8", "256.0.0.0/8", "010.0.0.0/8", "10.00.0.0/8", "10..0.0/8",
        " 10.0.0.0/8", "10.0.0.0/8 ", "0x0a.0.0.0/8", "10.0.0.0/8.0", "example.com", "localhost",
        "2001:db8::/129", "2001:db8:::/64", "1::2::3/64", "2001:db8::g/64", "12345::/16", "1:2:3:4:5:6:7:8:9/64",
        "1:2:3:4:5:6:7/64", ":1::/64", "1::2:/64", "::1%eth0", "[::1]", "::1.2.3/96", "::1.2.3.4.5/96",
        "1.2.3.4::/96", "::ffff:1.2.3.256/96"})
    void invalidCidrNeverMatches(String range) {
        for (String address : new String[] {"10.1.2.3", "0.0.0.0", "::1", "2001:db8::1", "::ffff:1.2.3.4"}) {
            assertThat(compile("IpAddress", IP, range).test(keys(IP, address))).as(address).isFalse();
            // Negated: an invalid range leaves "outside" undecided, so NotIpAddress is false.
            assertThat(compile("NotIpAddress", IP, range).test(keys(IP, address))).as(address).isFalse();
        }
        assertThat(compile("IpAddress", IP, range, "10.0.0.0/8").test(keys(IP, "10.1.2.3"))).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "10.0.0.256", "10.0.0", "10.0.0.1.1", "10.0.0.1/32", "10.0.0.01", " 10.0.0.1",
        "10.0.0.1 ", "localhost", "1::2::3", "::1/128", "::1%lo0", "[::1]", "1:2:3:4:5:6:7:8:9", "::g"})
    void invalidRequestAddressMatchesNothing(String address) {
        assertThat(compile("IpAddress", IP, "0.0.0.0/0", "::/0").test(keys(IP, address))).isFalse();
        assertThat(compile("NotIpAddress", IP, "0.0.0.0/0", "::/0").test(keys(IP, address))).isFalse();
    }

    @Test
    void absentKeyFailsIpAddressAndPassesNotIpAddress() {
        assertThat(compile("IpAddress", IP, "0.0.0.0/0").test(TestKeys.none())).isFalse();
        assertThat(compile("NotIpAddress", IP, "10.0.0.0/8").test(TestKeys.none())).isTrue();
    }

    private static String ipv4(long address) {
        return (address >>> 24) + "." + ((address >>> 16) & 0xFF) + "." + ((address >>> 8) & 0xFF) + "."
                + (address & 0xFF);
    }

    private static String ipv6(BigInteger address) {
        String hex = String.format("%032x", address);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < 32; i += 4) {
            out.append(i == 0 ? "" : ":").append(hex, i, i + 4);
        }
        return out.toString();
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
        // Five or more groups after "::" fill the upper 64 bits from the right-hand groups.
        "1::3:4:5:6:7:8,             1:0:3:4:5:6:7:8",
        "::2:3:4:5:6:7:8,            0:2:3:4:5:6:7:8",
        // A dotted-quad tail counts as the last two groups, with or without "::".
        "0:0:0:0:0:ffff:192.0.2.1,   ::ffff:c000:201",
        "1:2:3:4:5:6:1.2.3.4,        1:2:3:4:5:6:102:304",
        "::3:4:5:6:1.2.3.4,          0:0:3:4:5:6:102:304",
        "::0.0.0.0,                  ::",
        // Four groups before "::" fill exactly the upper half.
        "1:2:3:4::,                  1:2:3:4:0:0:0:0",
        "1:2:3:4::5,                 1:2:3:4:0:0:0:5",
    })
    void ipv6AddressesAreReadGroupByGroupWhateverTheirForm(String written, String canonical) {
        assertThat(inRange(canonical + "/128", written)).isTrue();
        assertThat(inRange(written + "/128", canonical)).isTrue();
    }

    @Test
    void ipv6GroupsAreNotConfusedAcrossTheCompression() {
        assertThat(inRange("1:2:3:4:1:2:3:4/128", "1:2:3:4::")).isFalse();
        assertThat(inRange("1:0:3:4:5:6:7:8/128", "1::3:4:5:6:7:9")).isFalse();
        assertThat(inRange("0:0:0:0:0:ffff:c000:201/128", "0:0:0:0:0:ffff:192.0.2.2")).isFalse();
        assertThat(inRange("::3:4:5:6:102:304/128", "::3:4:5:6:1.2.3.5")).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"2001:db8::1:", "1:2:3:4::5:6:7:8", "1:2:3:4:5:6:7:1.2.3.4", "::1:2:3:4:5:6:1.2.3.4",
        "1:2:3:4:5:6:7:8::"})
    void ipv6WithATrailingColonOrTooManyGroupsIsNoAddress(String address) {
        assertThat(compile("IpAddress", IP, "::/0").test(keys(IP, address))).isFalse();
        assertThat(compile("NotIpAddress", IP, "::/0").test(keys(IP, address))).isFalse();
    }

    @Test
    void theAllZeroAddressIsAnAddress() {
        assertThat(inRange("10.0.0.0/8", "0.0.0.0")).isFalse();
        assertThat(inRange("0.0.0.0/32", "0.0.0.0")).isTrue();
    }
}
