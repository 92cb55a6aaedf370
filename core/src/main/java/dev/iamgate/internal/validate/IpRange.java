package dev.iamgate.internal.validate;

import java.util.Arrays;

/**
 * A CIDR range already known to parse ({@link ValueSemantics#isIpRange}), read into 128 bits so
 * the validator can see host bits and private ranges. IPv4 addresses take the low 32 bits.
 *
 * @param high upper 64 bits (0 for IPv4)
 * @param low lower 64 bits
 * @param prefix prefix length
 * @param v6 whether it is an IPv6 range
 */
record IpRange(long high, long low, int prefix, boolean v6) {

    /** RFC 1918, loopback and link-local IPv4 ranges: network, prefix. */
    private static final long[][] PRIVATE_V4 = {
        {0x0A00_0000L, 8}, {0xAC10_0000L, 12}, {0xC0A8_0000L, 16}, {0x7F00_0000L, 8},
        {0xA9FE_0000L, 16},
    };

    /** Unique local (fc00::/7), link-local (fe80::/10) and loopback (::1/128) IPv6 ranges. */
    private static final long[][] PRIVATE_V6 = {
        {0xFC00_0000_0000_0000L, 0, 7}, {0xFE80_0000_0000_0000L, 0, 10}, {0, 1, 128},
    };

    /** Reads a range that parses; a bare address is a /32 or /128. */
    static IpRange parse(String text) {
        int slash = text.indexOf('/');
        String address = slash < 0 ? text : text.substring(0, slash);
        boolean v6 = address.indexOf(':') >= 0;
        int prefix = slash < 0 ? (v6 ? 128 : 32) : Integer.parseInt(text.substring(slash + 1));
        if (!v6) {
            return new IpRange(0, ipv4(address), prefix, false);
        }
        long[] bits = ipv6(address);
        return new IpRange(bits[0], bits[1], prefix, true);
    }

    /** Whether bits past the prefix are set, which IAM ignores. */
    boolean hasHostBits() {
        int width = v6 ? 128 : 32;
        int hostBits = width - prefix;
        if (!v6) {
            return hostBits > 0 && (low & ((1L << hostBits) - 1)) != 0;
        }
        long hostHigh = hostBits >= 128 ? -1L : hostBits > 64 ? (1L << (hostBits - 64)) - 1 : 0;
        long hostLow = hostBits >= 64 ? -1L : (1L << hostBits) - 1;
        return (high & hostHigh) != 0 || (low & hostLow) != 0;
    }

    /** The range with host bits cleared, as it should be written. */
    String network() {
        if (!v6) {
            long net = prefix == 0 ? 0 : low & (0xFFFF_FFFFL << (32 - prefix)) & 0xFFFF_FFFFL;
            return (net >>> 24) + "." + ((net >>> 16) & 0xFF) + "." + ((net >>> 8) & 0xFF) + "."
                    + (net & 0xFF) + "/" + prefix;
        }
        long maskHigh = prefix >= 64 ? -1L : prefix == 0 ? 0 : -1L << (64 - prefix);
        long maskLow = prefix <= 64 ? 0 : prefix == 128 ? -1L : -1L << (128 - prefix);
        StringBuilder sb = new StringBuilder();
        long[] halves = {high & maskHigh, low & maskLow};
        for (int group = 0; group < 8; group++) {
            long half = halves[group / 4];
            sb.append(group == 0 ? "" : ":")
                    .append(Long.toHexString((half >>> (48 - 16 * (group % 4))) & 0xFFFF));
        }
        return sb.append('/').append(prefix).toString();
    }

    /** Whether the whole range lies in private, loopback or link-local address space. */
    boolean isPrivate() {
        for (long[] p : v6 ? PRIVATE_V6 : PRIVATE_V4) {
            int privatePrefix = (int) p[v6 ? 2 : 1];
            if (prefix >= privatePrefix && within(v6 ? p[0] : 0, v6 ? p[1] : p[0], privatePrefix)) {
                return true;
            }
        }
        return false;
    }

    private boolean within(long netHigh, long netLow, int netPrefix) {
        if (!v6) {
            long mask = (0xFFFF_FFFFL << (32 - netPrefix)) & 0xFFFF_FFFFL;
            return (low & mask) == netLow;
        }
        long maskHigh = netPrefix >= 64 ? -1L : -1L << (64 - netPrefix);
        long maskLow = netPrefix <= 64 ? 0 : netPrefix == 128 ? -1L : -1L << (128 - netPrefix);
        return (high & maskHigh) == netHigh && (low & maskLow) == netLow;
    }

    private static long ipv4(String s) {
        long value = 0;
        int start = 0;
        for (int octet = 0; octet < 4; octet++) {
            int dot = octet < 3 ? s.indexOf('.', start) : s.length();
            value = (value << 8) | Integer.parseInt(s.substring(start, dot));
            start = dot + 1;
        }
        return value;
    }

    /** Eight 16-bit groups; {@code ::} fills with zeros; a dotted-quad tail is two groups. */
    private static long[] ipv6(String s) {
        int gap = s.indexOf("::");
        int[] left = groups(gap < 0 ? s : s.substring(0, gap));
        int[] right = gap < 0 ? new int[0] : groups(s.substring(gap + 2));
        int[] all = new int[8];
        System.arraycopy(left, 0, all, 0, left.length);
        System.arraycopy(right, 0, all, 8 - right.length, right.length);
        long high = 0;
        long low = 0;
        for (int i = 0; i < 4; i++) {
            high = (high << 16) | all[i];
            low = (low << 16) | all[i + 4];
        }
        return new long[] {high, low};
    }

    private static int[] groups(String s) {
        if (s.isEmpty()) {
            return new int[0];
        }
        int[] groups = new int[8];
        int count = 0;
        int start = 0;
        while (true) {
            int colon = s.indexOf(':', start);
            String part = colon < 0 ? s.substring(start) : s.substring(start, colon);
            if (colon < 0 && part.indexOf('.') >= 0) {
                long v4 = ipv4(part);
                groups[count++] = (int) (v4 >>> 16);
                groups[count++] = (int) (v4 & 0xFFFF);
                break;
            }
            groups[count++] = Integer.parseInt(part, 16);
            if (colon < 0) {
                break;
            }
            start = colon + 1;
        }
        return Arrays.copyOf(groups, count);
    }
}
