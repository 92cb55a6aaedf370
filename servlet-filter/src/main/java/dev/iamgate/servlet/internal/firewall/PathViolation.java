package dev.iamgate.servlet.internal.firewall;

/**
 * A named reason to reject a request path, in the manner of Jetty 12's
 * {@code UriCompliance.Violation}: each names one family of tricks that make a container, a
 * security filter and a framework disagree about which resource a request addresses.
 *
 * <p>{@link PathFirewall#strict()} rejects all of them. {@link PathFirewall#allowing} lets an
 * application opt out of an {@linkplain #allowable() allowable} one by name; the description of
 * each says what the firewall then does with it, which is always what a Servlet container does, so
 * the accepted path stays the path the container dispatches. The violations that are not
 * allowable leave no path to dispatch at all.
 */
public enum PathViolation {

    /**
     * The request URI does not start with {@code /}: empty, asterisk-form ({@code *}) or an
     * absolute-form URI that was not parsed. {@code getRequestURI()} always starts with {@code /}.
     */
    RELATIVE_PATH(false, "request URI does not start with '/'"),

    /** The decoded path is not the context path or under it. */
    OUTSIDE_CONTEXT(false, "path is not under the context path"),

    /**
     * A raw {@code ?} or {@code #}. {@code getRequestURI()} never holds the query, and a
     * request-target must not carry a fragment (Servlet 6 answers 400), so either one means the
     * string is not what the container dispatched.
     */
    QUERY_OR_FRAGMENT(false, "raw '?' or '#' in the path"),

    /**
     * {@code %} not followed by two hex digits, an IIS-style {@code %u002f} escape, or
     * percent-encoded bytes that are not shortest-form UTF-8: overlong forms such as
     * {@code %c0%af} and {@code %e0%80%af} (which lenient decoders turn into {@code /}), truncated
     * sequences, UTF-16 surrogates, code points above U+10FFFF, unpaired surrogates. Decoders
     * disagree on such input (Jetty substitutes U+FFFD, others throw or decode the overlong form),
     * so no single path exists to dispatch.
     */
    BAD_ENCODING(false, "malformed percent-encoding or UTF-8"),

    /**
     * {@code %2F}: a {@code /} inside a segment. The container keeps it inside the segment, anything
     * that decodes before splitting sees an extra separator. Allowed: decoded to {@code /}, as Jetty
     * dispatches it.
     */
    ENCODED_SLASH(true, "encoded '/' (%2F)"),

    /**
     * {@code %5C}: Windows file systems and some frameworks treat {@code \} as a separator.
     * Allowed: decoded to {@code \}.
     */
    ENCODED_BACKSLASH(true, "encoded '\\' (%5C)"),

    /** A raw {@code \}, for the same reason as {@link #ENCODED_BACKSLASH}. Allowed: kept. */
    BACKSLASH(true, "raw '\\'"),

    /**
     * {@code %25}: double encoding. The container decodes once; anything that decodes the result
     * again ({@code %252f} → {@code %2f} → {@code /}) sees another path. Allowed: decoded once to
     * {@code %}.
     */
    ENCODED_PERCENT(true, "encoded '%' (%25), double encoding"),

    /**
     * {@code %3B}: a {@code ;} the container keeps in the decoded path, but that code re-parsing the
     * decoded path cuts as a path parameter. Allowed: decoded to {@code ;}.
     */
    ENCODED_SEMICOLON(true, "encoded ';' (%3B)"),

    /**
     * A raw {@code ;} path parameter ({@code ..;}, {@code ;.css}, {@code ;jsessionid=}). Containers
     * strip it before mapping, filters matching the raw URI do not: CVE-2020-1957, CVE-2020-11989.
     * Allowed: stripped from each segment as the container does, its content still checked.
     */
    PATH_PARAMETER(true, "';' path parameter"),

    /**
     * {@code %3F} or {@code %23}: decoded into the path, they end it for anything that treats the
     * decoded path as a URI again (a forward, a redirect, a proxy). Allowed: decoded.
     */
    ENCODED_QUERY_OR_FRAGMENT(true, "encoded '?' or '#' (%3F, %23)"),

    /**
     * A raw {@code .} or {@code ..} segment (also before a path parameter), or a segment of dots only
     * such as {@code ...} that Windows file systems trim to nothing. Allowed: {@code .} and
     * {@code ..} resolved as the container does, other dots-only segments kept; a {@code ..} above
     * the root is still rejected, since no container dispatches it.
     */
    DOT_SEGMENT(true, "'.' or '..' segment"),

    /**
     * A dot segment spelled with at least one encoded dot: {@code %2e}, {@code .%2E},
     * {@code %2e%2e} (CVE-2020-17510). Allowed: resolved like {@link #DOT_SEGMENT}, which is what
     * Jetty and Tomcat do once decoded.
     */
    ENCODED_DOT_SEGMENT(true, "dot segment with encoded dots"),

    /**
     * An empty segment: a leading {@code //} (which URI parsers read as an authority), one in the
     * middle, or a trailing {@code //} (CVE-2023-4853). A single trailing {@code /} is not empty.
     * Allowed: kept, as Jetty dispatches it.
     */
    EMPTY_SEGMENT(true, "empty segment ('//')"),

    /**
     * A control character, raw or encoded: C0 (NUL, TAB, LF, CR …), DEL and C1. A regular
     * expression's {@code .} does not match a line feed (CVE-2022-22978), C strings end at NUL, and
     * logs split at CR LF. Allowed: kept.
     */
    CONTROL_CHARACTER(true, "control character"),

    /**
     * A Unicode line or paragraph separator (U+2028, U+2029) or format character (zero-width space
     * and joiners, bidirectional controls, U+FEFF …): line ends to some parsers, invisible in logs and
     * policies. Allowed: kept.
     */
    INVISIBLE_CHARACTER(true, "invisible or line-separator character"),

    /**
     * A character that Unicode normalisation (NFC or NFKC) turns into {@code / \ . ; % ? #}, such as
     * U+FF0F fullwidth solidus, U+2025 two dot leader or U+037E Greek question mark (which is a
     * {@code ;} even to NFC): harmless until something downstream normalises. Allowed: kept.
     */
    DELIMITER_LOOKALIKE(true, "character that Unicode normalisation turns into a path delimiter"),

    /**
     * A segment that starts or ends with whitespace ({@code %20}, {@code %C2%A0} …), which trimming
     * code drops: Spring's former {@code trimTokens} (CVE-2016-5007), Windows file names. Allowed:
     * kept.
     */
    EDGE_WHITESPACE(true, "segment starts or ends with whitespace"),

    /**
     * A character RFC 3986 does not allow unencoded in a path: space, {@code " < > [ ] ^ ` { | }},
     * or any non-ASCII character, whose bytes containers read in different charsets. Allowed: kept,
     * and non-ASCII characters still checked as if they had been encoded.
     */
    ILLEGAL_CHARACTER(true, "character not allowed unencoded in a path");

    private final boolean allowable;
    private final String description;

    PathViolation(boolean allowable, String description) {
        this.allowable = allowable;
        this.description = description;
    }

    /** A short description, e.g. for a log line or a 400 response. */
    public String description() {
        return description;
    }

    /**
     * Whether {@link PathFirewall#allowing} accepts this violation. The ones that do not leave no
     * path a container would dispatch.
     */
    public boolean allowable() {
        return allowable;
    }

    /** This violation's bit in a firewall's mask of allowed violations. */
    long bit() {
        return 1L << ordinal();
    }
}
