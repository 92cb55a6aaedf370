package dev.iamgate.servlet.internal.context;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Objects;

/**
 * The reverse proxies whose {@code X-Forwarded-For} header is believed, as a list of CIDR blocks,
 * and the rule that turns a request into its {@code aws:SourceIp}.
 *
 * <p>The rule: the remote address, unless it is a trusted proxy; then the {@code X-Forwarded-For}
 * hops are read right to left (the right-most was written by the proxy nearest to us) and the first
 * one that is not a trusted proxy is the client. Everything left of it was written by the client and
 * proves nothing. If every hop is trusted the left-most is the client; if a hop is not an IP
 * address (a misconfigured proxy, or spoofing we cannot see past), the last trusted hop stands,
 * because a value that is not an address would silently defeat {@code IpAddress} conditions.
 *
 * <p>Containers that already rewrite the remote address from forwarding headers (Jetty's
 * {@code ForwardedRequestCustomizer}, Tomcat's {@code RemoteIpValve}) need no trusted proxies here.
 */
public final class TrustedProxies {

    /** Trust no proxy: {@code aws:SourceIp} is always the remote address. */
    public static final TrustedProxies NONE = new TrustedProxies(List.of());

    private static final String FORWARDED_FOR = "X-Forwarded-For";

    private final Block[] blocks;
    private final List<String> text;

    private TrustedProxies(List<Block> blocks) {
        this.blocks = blocks.toArray(Block[]::new);
        this.text = blocks.stream().map(Block::toString).toList();
    }

    /**
     * Parses a list of addresses and CIDR blocks separated by commas or white space, e.g.
     * {@code "10.0.0.0/8, 192.168.1.7, fd00::/8"}. Only literals: no host names, no DNS.
     *
     * @throws IllegalArgumentException naming the first entry that is not an address or block
     */
    public static TrustedProxies parse(String list) {
        Objects.requireNonNull(list, "list");
        List<Block> blocks = new ArrayList<>();
        for (String entry : list.trim().split("[,\\s]+")) {
            if (!entry.isEmpty()) {
                blocks.add(Block.parse(entry));
            }
        }
        return blocks.isEmpty() ? NONE : new TrustedProxies(blocks);
    }

    /** Whether no proxy is trusted. */
    public boolean isEmpty() {
        return blocks.length == 0;
    }

    /** Whether an address literal is one of the trusted proxies; false for anything not an address. */
    public boolean isTrusted(String address) {
        byte[] bytes = IpLiterals.parse(address);
        return bytes != null && contains(bytes);
    }

    /** The request's {@code aws:SourceIp}, by the rule in the class comment. */
    public String sourceIp(HttpServletRequest request) {
        String remote = request.getRemoteAddr();
        if (blocks.length == 0) {
            return canonical(remote);
        }
        byte[] remoteBytes = IpLiterals.parse(remote);
        if (remoteBytes == null || !contains(remoteBytes)) {
            return canonical(remote);
        }
        List<String> hops = forwardedHops(request.getHeaders(FORWARDED_FOR));
        byte[] client = remoteBytes;
        for (int i = hops.size() - 1; i >= 0; i--) {
            byte[] hop = IpLiterals.parse(withoutPort(hops.get(i)));
            if (hop == null) {
                break;
            }
            client = hop;
            if (!contains(hop)) {
                break;
            }
        }
        return IpLiterals.format(client);
    }

    private boolean contains(byte[] address) {
        for (Block block : blocks) {
            if (block.contains(address)) {
                return true;
            }
        }
        return false;
    }

    /** Every hop of every {@code X-Forwarded-For} line, in order. */
    private static List<String> forwardedHops(Enumeration<String> lines) {
        if (lines == null || !lines.hasMoreElements()) {
            return List.of();
        }
        List<String> hops = new ArrayList<>(4);
        for (String line : Collections.list(lines)) {
            for (String hop : line.split(",")) {
                hops.add(hop.trim());
            }
        }
        return hops;
    }

    /** Some proxies append the port: {@code 192.0.2.1:4711}, {@code [2001:db8::1]:4711}. */
    private static String withoutPort(String hop) {
        if (hop.startsWith("[")) {
            int close = hop.indexOf(']');
            return close < 0 ? hop : hop.substring(0, close + 1);
        }
        int colon = hop.indexOf(':');
        return colon >= 0 && colon == hop.lastIndexOf(':') ? hop.substring(0, colon) : hop;
    }

    /**
     * The remote address as the container gave it, normalised only when needed (brackets, zone,
     * mapped IPv4) so that {@code IpAddress} conditions can read it.
     */
    private static String canonical(String remote) {
        if (remote == null) {
            return "";
        }
        if (remote.indexOf('[') < 0 && remote.indexOf('%') < 0 && !remote.startsWith("::ffff:")) {
            return remote;
        }
        byte[] bytes = IpLiterals.parse(remote);
        return bytes == null ? remote : IpLiterals.format(bytes);
    }

    @Override
    public String toString() {
        return "TrustedProxies" + text;
    }

    /** One CIDR block; a bare address is a block of one. */
    private record Block(byte[] network, int prefix) {

        static Block parse(String entry) {
            int slash = entry.indexOf('/');
            String address = slash < 0 ? entry : entry.substring(0, slash);
            byte[] network = IpLiterals.parse(address);
            if (network == null) {
                throw new IllegalArgumentException("not an IP address or CIDR block: \"" + entry + "\"");
            }
            int max = network.length * 8;
            int prefix = max;
            if (slash >= 0) {
                String bits = entry.substring(slash + 1);
                if (!bits.matches("[0-9]{1,3}")) {
                    throw new IllegalArgumentException("not a CIDR prefix length: \"" + entry + "\"");
                }
                prefix = Integer.parseInt(bits);
                if (network.length == 4 && address.indexOf(':') >= 0) {
                    prefix -= 96; // written as IPv4-mapped IPv6, matched as IPv4
                }
                if (prefix < 0 || prefix > max) {
                    throw new IllegalArgumentException("CIDR prefix length out of range: \"" + entry + "\"");
                }
            }
            return new Block(mask(network, prefix), prefix);
        }

        boolean contains(byte[] address) {
            if (address.length != network.length) {
                return false;
            }
            int full = prefix / 8;
            for (int i = 0; i < full; i++) {
                if (address[i] != network[i]) {
                    return false;
                }
            }
            int rest = prefix % 8;
            return rest == 0 || ((address[full] ^ network[full]) & (0xff << (8 - rest)) & 0xff) == 0;
        }

        private static byte[] mask(byte[] address, int prefix) {
            byte[] masked = Arrays.copyOf(address, address.length);
            for (int bit = prefix; bit < masked.length * 8; bit++) {
                masked[bit / 8] &= (byte) ~(0x80 >>> (bit % 8));
            }
            return masked;
        }

        @Override
        public String toString() {
            return IpLiterals.format(network) + "/" + prefix;
        }
    }
}
