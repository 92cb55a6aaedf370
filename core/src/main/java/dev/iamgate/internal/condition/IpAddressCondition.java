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

    /** IPv4 ranges: network (already masked) and mask, unsigned 32-bit values in longs. */
    private final long[] v4Networks;
    private final long[] v4Masks;
    /** IPv6 ranges: network (already masked) and mask, upper and lower 64 bits. */
    private final long[] v6NetworksHigh;
    private final long[] v6NetworksLow;
    private final long[] v6MasksHigh;
    private final long[] v6MasksLow;
    private final boolean everyPolicyValueParsed;

    IpAddressCondition(Condition source) {
        super(source);
        List<long[]> v4 = new ArrayList<>();
        List<long[]> v6 = new ArrayList<>();
        for (TextValue value : source.values()) {
            compileRange(value.text(), v4, v6);
        }
        v4Networks = column(v4, 0);
        v4Masks = column(v4, 1);
        v6NetworksHigh = column(v6, 0);
        v6NetworksLow = column(v6, 1);
        v6MasksHigh = column(v6, 2);
        v6MasksLow = column(v6, 3);
        everyPolicyValueParsed = v4.size() + v6.size() == source.values().size();
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
                v4.add(new long[] {address & mask, mask});
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

    private static long[] column(List<long[]> rows, int index) {
        if (rows.isEmpty()) {
            return NONE;
        }
        long[] column = new long[rows.size()];
        for (int i = 0; i < column.length; i++) {
            column[i] = rows.get(i)[index];
        }
        return column;
    }

    @Override
    boolean matchesAny(String requestValue, RequestKeys keys) {
        int length = requestValue.length();
        if (requestValue.indexOf(':') >= 0) {
            if (v6MasksHigh.length == 0
                    || IpAddresses.ipv6(requestValue, 0, length, IpAddresses.VALID) == 0) {
                return false;
            }
            long high = IpAddresses.ipv6(requestValue, 0, length, IpAddresses.HIGH);
            long low = IpAddresses.ipv6(requestValue, 0, length, IpAddresses.LOW);
            for (int i = 0; i < v6MasksHigh.length; i++) {
                if ((high & v6MasksHigh[i]) == v6NetworksHigh[i] && (low & v6MasksLow[i]) == v6NetworksLow[i]) {
                    return true;
                }
            }
            return false;
        }
        if (v4Masks.length == 0) {
            return false;
        }
        long address = IpAddresses.ipv4(requestValue, 0, length);
        if (address < 0) {
            return false;
        }
        for (int i = 0; i < v4Masks.length; i++) {
            if ((address & v4Masks[i]) == v4Networks[i]) {
                return true;
            }
        }
        return false;
    }
}
