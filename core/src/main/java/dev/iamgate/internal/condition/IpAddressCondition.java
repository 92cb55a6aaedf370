package dev.iamgate.internal.condition;

import dev.iamgate.internal.RequestKeys;
import dev.iamgate.policy.Condition;
import dev.iamgate.policy.TextValue;
import java.util.ArrayList;
import java.util.List;

/**
 * IpAddress and NotIpAddress: whether the request address lies in a policy CIDR range.
 *
 * <p>Policy values are IPv4 or IPv6 ranges ({@code 203.0.113.0/24}, {@code
 * 2001:DB8:1234:5678::/64}); a bare address is a /32 or /128, and host bits past the prefix are
 * ignored ({@code 10.1.2.3/8} is {@code 10.0.0.0/8}). Syntax: see {@link IpAddresses}; the prefix is
 * decimal without leading zeros. The families never mix: an IPv4 range contains no IPv6 address,
 * IPv4-mapped ones ({@code ::ffff:192.0.2.1}) included, and the other way round. A malformed range
 * never matches; a malformed request address (a range or a host name included) matches nothing,
 * and NotIpAddress is false when a value on either side does not parse. No policy variables.
 *
 * <p>Ranges are compiled to masked 32-bit and 128-bit integers; testing an address allocates
 * nothing.
 */
public final class IpAddressCondition extends KeyedCondition implements CompiledCondition {

    private static final long[] NONE = new long[0];

    /** IPv4 ranges, one long each: the network (already masked) in the upper 32 bits, the mask in the lower. */
    private final long[] v4;
    /** IPv6 ranges, four longs each: network (already masked) upper and lower 64 bits, mask upper and lower. */
    private final long[] v6;
    private final boolean everyPolicyValueParsed;

    IpAddressCondition(Condition source) {
        super(source);
        List<long[]> v4Ranges = new ArrayList<>();
        List<long[]> v6Ranges = new ArrayList<>();
        for (TextValue value : source.values()) {
            compileRange(value.text(), v4Ranges, v6Ranges);
        }
        v4 = flat(v4Ranges);
        v6 = flat(v6Ranges);
        everyPolicyValueParsed = v4Ranges.size() + v6Ranges.size() == source.values().size();
    }

    @Override
    boolean negationUndecidable(String requestValue) {
        int length = requestValue.length();
        boolean requestParses = requestValue.indexOf(':') >= 0
                ? IpAddresses.ipv6(requestValue, 0, length, IpAddresses.VALID) != 0
                : IpAddresses.ipv4(requestValue, 0, length) >= 0;
        return !everyPolicyValueParsed || !requestParses;
    }

    /** Adds {@code text} to {@code v4} or {@code v6} when it is a well-formed range. */
    private static void compileRange(String text, List<long[]> v4, List<long[]> v6) {
        int slash = text.indexOf('/');
        int end = slash < 0 ? text.length() : slash;
        boolean isV6 = text.lastIndexOf(':', end) >= 0;
        int maxPrefix = isV6 ? 128 : 32;
        int prefix = slash < 0 ? maxPrefix : prefix(text, slash + 1, maxPrefix);
        if (prefix < 0) {
            return;
        }
        if (!isV6) {
            long address = IpAddresses.ipv4(text, 0, end);
            if (address >= 0) {
                long mask = prefix == 0 ? 0 : (0xFFFF_FFFFL << (32 - prefix)) & 0xFFFF_FFFFL;
                v4.add(new long[] {(address & mask) << 32 | mask});
            }
            return;
        }
        if (IpAddresses.ipv6(text, 0, end, IpAddresses.VALID) == 0) {
            return;
        }
        long maskHigh = prefix >= 64 ? -1L : prefix == 0 ? 0 : -1L << (64 - prefix);
        long maskLow = prefix <= 64 ? 0 : prefix == 128 ? -1L : -1L << (128 - prefix);
        long high = IpAddresses.ipv6(text, 0, end, IpAddresses.HIGH);
        long low = IpAddresses.ipv6(text, 0, end, IpAddresses.LOW);
        v6.add(new long[] {high & maskHigh, low & maskLow, maskHigh, maskLow});
    }

    /** The decimal prefix length in {@code text[from..]}, or -1 when malformed or above max. */
    private static int prefix(String text, int from, int max) {
        int length = text.length() - from;
        if (length < 1 || length > 3 || (length > 1 && text.charAt(from) == '0')) {
            return -1;
        }
        int value = 0;
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value <= max ? value : -1;
    }

    /** The rows one after the other, in one array: a compiled set keeps thousands of these. */
    private static long[] flat(List<long[]> rows) {
        if (rows.isEmpty()) {
            return NONE;
        }
        int width = rows.get(0).length;
        long[] flat = new long[rows.size() * width];
        for (int i = 0; i < rows.size(); i++) {
            System.arraycopy(rows.get(i), 0, flat, i * width, width);
        }
        return flat;
    }

    @Override
    boolean matchesAny(String requestValue, RequestKeys keys) {
        int length = requestValue.length();
        if (requestValue.indexOf(':') >= 0) {
            if (v6.length == 0 || IpAddresses.ipv6(requestValue, 0, length, IpAddresses.VALID) == 0) {
                return false;
            }
            long high = IpAddresses.ipv6(requestValue, 0, length, IpAddresses.HIGH);
            long low = IpAddresses.ipv6(requestValue, 0, length, IpAddresses.LOW);
            for (int i = 0; i < v6.length; i += 4) {
                if ((high & v6[i + 2]) == v6[i] && (low & v6[i + 3]) == v6[i + 1]) {
                    return true;
                }
            }
            return false;
        }
        if (v4.length == 0) {
            return false;
        }
        long address = IpAddresses.ipv4(requestValue, 0, length);
        if (address < 0) {
            return false;
        }
        for (long range : v4) {
            if ((address & (range & 0xFFFF_FFFFL)) == range >>> 32) {
                return true;
            }
        }
        return false;
    }
}
