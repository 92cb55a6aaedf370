package dev.iamgate.servlet.internal.context;

import java.util.Arrays;

/**
 * IP address literals, parsed and printed without {@link java.net.InetAddress}: resolving a name
 * would let a request header trigger DNS look-ups, and {@code getByName} accepts host names and
 * legacy forms ({@code 0x7f.1}, {@code 127.1}) that no proxy writes.
 *
 * <p>Accepted: dotted-quad IPv4 (no leading zeros, which some parsers read as octal) and RFC 4291
 * IPv6 text, optionally in brackets and with a zone ({@code %eth0}, ignored). An IPv4-mapped IPv6
 * address ({@code ::ffff:192.0.2.1}) is the IPv4 address it maps, as a dual-stack socket reports it.
 */
final class IpLiterals {

    private IpLiterals() {}

    /** The 4 or 16 bytes of an address literal, or null if {@code text} is not one. */
    static byte[] parse(String text) {
        String s = text;
        if (s.length() > 2 && s.charAt(0) == '[' && s.charAt(s.length() - 1) == ']') {
            s = s.substring(1, s.length() - 1);
        }
        int zone = s.indexOf('%');
        if (zone >= 0 && s.indexOf(':') >= 0) {
            s = s.substring(0, zone);
        }
        if (s.indexOf(':') < 0) {
            return ipv4(s);
        }
        byte[] v6 = ipv6(s);
        return v6 != null && isIpv4Mapped(v6) ? Arrays.copyOfRange(v6, 12, 16) : v6;
    }

    /** The canonical text: dotted quad, or RFC 5952 IPv6 (lower case, longest zero run as {@code ::}). */
    static String format(byte[] address) {
        if (address.length == 4) {
            return (address[0] & 0xff) + "." + (address[1] & 0xff) + "." + (address[2] & 0xff) + "." + (address[3] & 0xff);
        }
        int bestStart = -1;
        int bestLength = 1; // RFC 5952: a single zero group is not shortened
        for (int i = 0; i < 8; ) {
            if (group(address, i) != 0) {
                i++;
                continue;
            }
            int start = i;
            while (i < 8 && group(address, i) == 0) {
                i++;
            }
            if (i - start > bestLength) {
                bestStart = start;
                bestLength = i - start;
            }
        }
        StringBuilder text = new StringBuilder(39);
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                text.append("::");
                i += bestLength - 1;
                continue;
            }
            if (text.length() > 0 && text.charAt(text.length() - 1) != ':') {
                text.append(':');
            }
            text.append(Integer.toHexString(group(address, i)));
        }
        return text.toString();
    }

    private static int group(byte[] address, int index) {
        return (address[2 * index] & 0xff) << 8 | (address[2 * index + 1] & 0xff);
    }

    private static boolean isIpv4Mapped(byte[] v6) {
        for (int i = 0; i < 10; i++) {
            if (v6[i] != 0) {
                return false;
            }
        }
        return v6[10] == (byte) 0xff && v6[11] == (byte) 0xff;
    }

    private static byte[] ipv4(String s) {
        byte[] out = new byte[4];
        int part = 0;
        int value = 0;
        int digits = 0;
        for (int i = 0; i <= s.length(); i++) {
            char c = i < s.length() ? s.charAt(i) : '.';
            if (c == '.') {
                if (digits == 0 || part == 4) {
                    return null;
                }
                out[part++] = (byte) value;
                value = 0;
                digits = 0;
            } else if (c >= '0' && c <= '9') {
                if (digits > 0 && value == 0) {
                    return null; // leading zero
                }
                value = value * 10 + (c - '0');
                if (++digits > 3 || value > 255) {
                    return null;
                }
            } else {
                return null;
            }
        }
        return part == 4 ? out : null;
    }

    private static byte[] ipv6(String s) {
        int gap = s.indexOf("::");
        if (gap >= 0 && s.indexOf("::", gap + 1) >= 0) {
            return null;
        }
        String head = gap < 0 ? s : s.substring(0, gap);
        String tail = gap < 0 ? "" : s.substring(gap + 2);
        if (gap >= 0 && head.indexOf('.') >= 0) {
            return null; // an embedded IPv4 address may only end the literal
        }
        byte[] headBytes = new byte[16];
        byte[] tailBytes = new byte[16];
        int headLength = head.isEmpty() && gap >= 0 ? 0 : groups(head, headBytes);
        int tailLength = tail.isEmpty() ? 0 : groups(tail, tailBytes);
        if (headLength < 0 || tailLength < 0) {
            return null;
        }
        if (gap < 0 ? headLength != 16 : headLength + tailLength > 14) {
            return null; // "::" stands for at least one zero group
        }
        byte[] out = new byte[16];
        System.arraycopy(headBytes, 0, out, 0, headLength);
        System.arraycopy(tailBytes, 0, out, 16 - tailLength, tailLength);
        return out;
    }

    /** Colon-separated hex groups, the last possibly a dotted IPv4 address; the byte count, or -1. */
    private static int groups(String s, byte[] out) {
        int length = 0;
        int start = 0;
        while (true) {
            int colon = s.indexOf(':', start);
            int end = colon < 0 ? s.length() : colon;
            if (colon < 0 && s.indexOf('.', start) >= 0) {
                byte[] v4 = ipv4(s.substring(start));
                if (v4 == null || length + 4 > 16) {
                    return -1;
                }
                System.arraycopy(v4, 0, out, length, 4);
                return length + 4;
            }
            if (end == start || end - start > 4 || length + 2 > 16) {
                return -1;
            }
            int value = 0;
            for (int i = start; i < end; i++) {
                int digit = hexDigit(s.charAt(i));
                if (digit < 0) {
                    return -1;
                }
                value = value << 4 | digit;
            }
            out[length++] = (byte) (value >>> 8);
            out[length++] = (byte) value;
            if (colon < 0) {
                return length;
            }
            start = colon + 1;
        }
    }

    private static int hexDigit(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }
}
