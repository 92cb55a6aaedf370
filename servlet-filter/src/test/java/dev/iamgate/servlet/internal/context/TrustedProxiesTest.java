package dev.iamgate.servlet.internal.context;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

class TrustedProxiesTest {

    @Test
    void cidrBlocksContainTheirAddressesOnly() {
        TrustedProxies proxies = TrustedProxies.parse("10.0.0.0/8, 192.168.1.7 fd00::/8\t172.16.0.0/12");

        assertThat(proxies.isTrusted("10.255.1.2")).isTrue();
        assertThat(proxies.isTrusted("11.0.0.1")).isFalse();
        assertThat(proxies.isTrusted("192.168.1.7")).isTrue();
        assertThat(proxies.isTrusted("192.168.1.8")).isFalse();
        assertThat(proxies.isTrusted("172.31.255.255")).isTrue();
        assertThat(proxies.isTrusted("172.32.0.0")).isFalse();
        assertThat(proxies.isTrusted("fd12::1")).isTrue();
        assertThat(proxies.isTrusted("fe80::1")).isFalse();
    }

    @Test
    void ipv4MappedAddressesMatchIpv4Blocks() {
        TrustedProxies proxies = TrustedProxies.parse("10.0.0.0/8, ::ffff:192.168.0.0/112");

        assertThat(proxies.isTrusted("::ffff:10.1.2.3")).isTrue();
        assertThat(proxies.isTrusted("192.168.4.5")).isTrue();
    }

    @Test
    void hostBitsOfABlockAreIgnored() {
        assertThat(TrustedProxies.parse("10.1.2.3/8").isTrusted("10.9.9.9")).isTrue();
        assertThat(TrustedProxies.parse("10.1.2.3/8")).hasToString("TrustedProxies[10.0.0.0/8]");
    }

    @Test
    void prefixLengthsCoverPartialBytes() {
        TrustedProxies proxies = TrustedProxies.parse("192.168.0.0/23");

        assertThat(proxies.isTrusted("192.168.1.255")).isTrue();
        assertThat(proxies.isTrusted("192.168.2.0")).isFalse();
    }

    @Test
    void anEmptyListTrustsNobody() {
        assertThat(TrustedProxies.parse(" , ")).isSameAs(TrustedProxies.NONE);
        assertThat(TrustedProxies.NONE.isEmpty()).isTrue();
        assertThat(TrustedProxies.NONE.isTrusted("127.0.0.1")).isFalse();
    }

    @Test
    void hostNamesAreRejectedNotResolved() {
        assertThatIllegalArgumentException().isThrownBy(() -> TrustedProxies.parse("10.0.0.0/8, proxy.internal"))
                .withMessageContaining("\"proxy.internal\"");
    }

    @Test
    void badPrefixLengthsAreRejected() {
        assertThatIllegalArgumentException().isThrownBy(() -> TrustedProxies.parse("10.0.0.0/33"));
        assertThatIllegalArgumentException().isThrownBy(() -> TrustedProxies.parse("10.0.0.0/"));
        assertThatIllegalArgumentException().isThrownBy(() -> TrustedProxies.parse("::/129"));
        assertThatIllegalArgumentException().isThrownBy(() -> TrustedProxies.parse("::ffff:10.0.0.0/64"));
    }
}
