package dev.iamgate.internal.condition;

/**
 * Hand-written, allocation-free readers for IPv4 and IPv6 addresses. {@code InetAddress} is never
 * used: it accepts host names and may query DNS.
 *
 * <p>IPv4: four decimal octets 0–255; a multi-digit octet must not start with 0 ({@code 010} is
 * octal to some parsers and decimal to others, so it is refused rather than guessed). IPv6: eight
 * groups of 1–4 hex digits in either case, at most one {@code ::} standing for one or more zero
 * groups, optionally ending in an IPv4 dotted quad ({@code ::ffff:192.0.2.1}). No zone index
 * ({@code %eth0}), no brackets, no whitespace.
 */
final class IpAddresses {

    /** What {@link #ipv6} returns. */
    static final int VALID = 0;
    static final int HIGH = 1;
    static final int LOW = 2;

    private IpAddresses() {}

    /** The address in {@code s[from, to)} as an unsigned 32-bit value, or -1 when malformed. */
    static long ipv4(String s, int from, int to) {
        long address = 0;
        int i = from;
        for (int octet = 0; octet < 4; octet++) {
            if (octet > 0) {
                if (i >= to || s.charAt(i) != '.') {
                    return -1;
                }
                i++;
            }
            int start = i;
            int value = 0;
            while (i < to && i - start < 3 && isDigit(s.charAt(i))) {
                value = value * 10 + (s.charAt(i) - '0');
                i++;
            }
            int digits = i - start;
            if (digits == 0 || value > 255 || (digits > 1 && s.charAt(start) == '0')) {
                return -1;
            }
            address = (address << 8) | value;
        }
        return i == to ? address : -1;
    }

    /**
     * Reads the IPv6 address in {@code s[from, to)}. Java has no multiple return values, so the
     * caller asks for one thing at a time rather than receiving an allocated pair: {@link #VALID}
     * returns 1 for a well-formed address and 0 otherwise; {@link #HIGH} and {@link #LOW} return the
     * upper and lower 64 bits of an address already known to be valid (0 for a malformed one, so
     * callers check {@code VALID} first). Each call is one pass that gives up after nine groups,
     * so it reads at most about 45 characters however long the text.
     */
    static long ipv6(String s, int from, int to, int what) {
        // Groups before "::" accumulate in (leftHigh, leftLow), groups after it in (rightHigh,
        // rightLow), each as a 128-bit shift register; the left part is moved to the top at the end.
        long leftHigh = 0;
        long leftLow = 0;
        long rightHigh = 0;
        long rightLow = 0;
        int leftGroups = 0;
        int rightGroups = 0;
        boolean compressed = false;
        int i = from;
        if (to - from >= 2 && s.charAt(i) == ':' && s.charAt(i + 1) == ':') {
            compressed = true;
            i += 2;
        }
        while (i < to) {
            int end = i;
            while (end < to && end - i <= 4 && isHex(s.charAt(end))) {
                end++;
            }
            if (end < to && s.charAt(end) == '.') {
                // The dotted-quad tail: two groups, and the end of the address.
                long v4 = ipv4(s, i, to);
                if (v4 < 0) {
                    return 0;
                }
                for (int half = 1; half >= 0; half--) {
                    long group = (v4 >>> (16 * half)) & 0xFFFF;
                    if (compressed) {
                        rightHigh = (rightHigh << 16) | (rightLow >>> 48);
                        rightLow = (rightLow << 16) | group;
                        rightGroups++;
                    } else {
                        leftHigh = (leftHigh << 16) | (leftLow >>> 48);
                        leftLow = (leftLow << 16) | group;
                        leftGroups++;
                    }
                }
                i = to;
                break;
            }
            int digits = end - i;
            if (digits == 0 || digits > 4) {
                return 0;
            }
            long group = 0;
            for (int k = i; k < end; k++) {
                group = (group << 4) | Character.digit(s.charAt(k), 16);
            }
            if (compressed) {
                rightHigh = (rightHigh << 16) | (rightLow >>> 48);
                rightLow = (rightLow << 16) | group;
                rightGroups++;
            } else {
                leftHigh = (leftHigh << 16) | (leftLow >>> 48);
                leftLow = (leftLow << 16) | group;
                leftGroups++;
            }
            if (leftGroups + rightGroups > 8) {
                return 0;
            }
            i = end;
            if (i == to) {
                break;
            }
            if (s.charAt(i) != ':') {
                return 0;
            }
            i++;
            if (i < to && s.charAt(i) == ':') {
                if (compressed) {
                    return 0;
                }
                compressed = true;
                i++;
            } else if (i == to) {
                return 0; // a single trailing colon
            }
        }
        int groups = leftGroups + rightGroups;
        if (compressed ? groups > 7 : groups != 8) {
            return 0;
        }
        if (what == VALID) {
            return 1;
        }
        // Move the left groups to the top: shift the 128-bit (leftHigh, leftLow) by the bits the
        // "::" and the right groups take.
        int shift = 16 * (8 - leftGroups);
        long high;
        long low;
        if (shift == 0) {
            high = leftHigh;
            low = leftLow;
        } else if (shift == 128) {
            high = 0;
            low = 0;
        } else if (shift >= 64) {
            high = leftLow << (shift - 64);
            low = 0;
        } else {
            high = (leftHigh << shift) | (leftLow >>> (64 - shift));
            low = leftLow << shift;
        }
        return what == HIGH ? high | rightHigh : low | rightLow;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isHex(char c) {
        return isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }
}
