package dev.iamgate.servlet;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Every setting of the filter. Read from {@code web.xml} init-parameters or from
 * {@link IamGateConfiguration}, which use the same names:
 *
 * <table>
 * <caption>Settings</caption>
 * <tr><th>name</th><th>default</th><th>meaning</th></tr>
 * <tr><td>policies</td><td>(required unless a {@code PolicySource} is given)</td><td>policy directory, or {@code classpath:/folder}</td></tr>
 * <tr><td>mapping</td><td>none</td><td>JSON mapping file for routes that are not annotated</td></tr>
 * <tr><td>account</td><td>123456789012</td><td>account id in ARNs</td></tr>
 * <tr><td>mode</td><td>ENFORCE</td><td>ENFORCE or REPORT_ONLY</td></tr>
 * <tr><td>publicPaths</td><td>none</td><td>comma-separated path patterns anyone may request</td></tr>
 * <tr><td>trustedProxies</td><td>none</td><td>comma-separated addresses/CIDRs whose X-Forwarded-For is believed</td></tr>
 * <tr><td>cacheMaxEntries</td><td>10000</td><td>compiled policy sets kept (one per caller)</td></tr>
 * <tr><td>refresh</td><td>2s</td><td>how often policy files are checked for changes</td></tr>
 * <tr><td>mfaMaxAge</td><td>none</td><td>after how long a session's MFA stops counting</td></tr>
 * </table>
 *
 * @param policies policy location; empty when the application gives its own {@code PolicySource}
 * @param mapping mapping file location, if any
 * @param account 12-digit account id
 * @param mode enforce or report only
 * @param publicPaths path patterns anyone may request
 * @param trustedProxies addresses or CIDR ranges of trusted reverse proxies
 * @param cacheMaxEntries size bound of the compiled-set cache
 * @param refresh interval between checks for changed policy files
 * @param mfaMaxAge age after which a session's MFA no longer counts, if limited
 */
public record IamGateSettings(
        String policies,
        Optional<String> mapping,
        String account,
        Mode mode,
        List<String> publicPaths,
        List<String> trustedProxies,
        int cacheMaxEntries,
        Duration refresh,
        Optional<Duration> mfaMaxAge) {

    public static final String DEFAULT_ACCOUNT = "123456789012";
    public static final int DEFAULT_CACHE_MAX_ENTRIES = 10_000;

    public IamGateSettings {
        Objects.requireNonNull(policies, "policies");
        Objects.requireNonNull(mapping, "mapping");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(account, "account");
        publicPaths = List.copyOf(publicPaths);
        trustedProxies = List.copyOf(trustedProxies);
        Objects.requireNonNull(refresh, "refresh");
        Objects.requireNonNull(mfaMaxAge, "mfaMaxAge");
        if (account.length() != 12 || !account.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new IllegalArgumentException("iamgate setting 'account' must be 12 digits, got \"" + account + "\"");
        }
        if (cacheMaxEntries < 1) {
            throw new IllegalArgumentException("iamgate setting 'cacheMaxEntries' must be positive, got " + cacheMaxEntries);
        }
    }

    /** Reads the settings from init-parameters ({@code FilterConfig::getInitParameter}). */
    public static IamGateSettings fromInitParameters(Function<String, String> parameter) {
        Function<String, Optional<String>> value = name -> Optional.ofNullable(parameter.apply(name))
                .map(String::strip).filter(s -> !s.isEmpty());
        return new IamGateSettings(
                value.apply("policies").orElse(""),
                value.apply("mapping"),
                value.apply("account").orElse(DEFAULT_ACCOUNT),
                mode(value.apply("mode").orElse("ENFORCE")),
                list(value.apply("publicPaths").orElse("")),
                list(value.apply("trustedProxies").orElse("")),
                value.apply("cacheMaxEntries").map(v -> integer("cacheMaxEntries", v)).orElse(DEFAULT_CACHE_MAX_ENTRIES),
                duration("refresh", value.apply("refresh").orElse("2s")),
                value.apply("mfaMaxAge").map(v -> duration("mfaMaxAge", v)));
    }

    /** Reads the settings from the annotation. */
    public static IamGateSettings fromAnnotation(IamGateConfiguration configuration) {
        return new IamGateSettings(
                configuration.policies(),
                Optional.of(configuration.mapping()).filter(s -> !s.isBlank()),
                configuration.account(),
                mode(configuration.mode()),
                Arrays.asList(configuration.publicPaths()),
                Arrays.asList(configuration.trustedProxies()),
                configuration.cacheMaxEntries(),
                duration("refresh", configuration.refresh()),
                Optional.of(configuration.mfaMaxAge()).filter(s -> !s.isBlank()).map(v -> duration("mfaMaxAge", v)));
    }

    private static Mode mode(String text) {
        try {
            return Mode.valueOf(text.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("iamgate setting 'mode' must be ENFORCE or REPORT_ONLY, got \"" + text + "\"");
        }
    }

    private static List<String> list(String text) {
        return Arrays.stream(text.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private static int integer(String name, String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("iamgate setting '" + name + "' must be a whole number, got \"" + text + "\"");
        }
    }

    /** {@code 500ms}, {@code 2s}, {@code 5m}, {@code 12h}, or ISO-8601 ({@code PT2S}). */
    static Duration duration(String name, String text) {
        String t = text.strip();
        try {
            if (t.startsWith("P") || t.startsWith("p")) {
                return Duration.parse(t);
            }
            if (t.endsWith("ms")) {
                return Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2)));
            }
            long amount = Long.parseLong(t.substring(0, t.length() - 1));
            return switch (t.charAt(t.length() - 1)) {
                case 's' -> Duration.ofSeconds(amount);
                case 'm' -> Duration.ofMinutes(amount);
                case 'h' -> Duration.ofHours(amount);
                case 'd' -> Duration.ofDays(amount);
                default -> throw new NumberFormatException();
            };
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("iamgate setting '" + name
                    + "' must be a duration such as 500ms, 2s, 5m, 12h or PT2S, got \"" + text + "\"");
        }
    }
}
