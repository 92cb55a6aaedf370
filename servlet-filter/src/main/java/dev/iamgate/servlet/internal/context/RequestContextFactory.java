package dev.iamgate.servlet.internal.context;

import dev.iamgate.eval.PolicySet;
import dev.iamgate.eval.RequestContext;
import dev.iamgate.eval.RequestContext.ActionName;
import dev.iamgate.eval.RequestContext.KeyName;
import dev.iamgate.servlet.Caller;
import dev.iamgate.servlet.IamPrincipal;
import dev.iamgate.servlet.MfaEvidence;
import dev.iamgate.servlet.spi.ContextProvider;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Turns an HTTP request, its caller and its route into the {@link RequestContext} the policies are
 * evaluated against, with the global condition keys AWS would set for the same caller:
 *
 * <table>
 * <caption>Keys and when they are present</caption>
 * <tr><th>key</th><th>value</th><th>present</th></tr>
 * <tr><td>{@code aws:username}</td><td>the IAM user's name</td><td>IAM users only</td></tr>
 * <tr><td>{@code aws:userid}</td><td>the principal's unique id</td><td>always</td></tr>
 * <tr><td>{@code aws:PrincipalArn}, {@code aws:PrincipalAccount}</td><td>ARN, 12-digit account</td><td>always</td></tr>
 * <tr><td>{@code aws:PrincipalType}</td><td>{@code User}, or {@code Account} for a root ARN, {@code AssumedRole},
 *     {@code FederatedUser} for STS ARNs</td><td>always</td></tr>
 * <tr><td>{@code aws:PrincipalTag/}<i>k</i></td><td>the tag's value</td><td>per tag</td></tr>
 * <tr><td>{@code aws:MultiFactorAuthPresent}</td><td>{@code "true"} / {@code "false"}</td>
 *     <td>sessions; absent for long-term keys</td></tr>
 * <tr><td>{@code aws:MultiFactorAuthAge}</td><td>whole seconds since MFA, never negative</td><td>when MFA was used</td></tr>
 * <tr><td>{@code aws:SourceIp}</td><td>see {@link TrustedProxies}</td><td>always</td></tr>
 * <tr><td>{@code aws:SecureTransport}</td><td>{@code "true"} / {@code "false"} ({@link HttpServletRequest#isSecure()})</td><td>always</td></tr>
 * <tr><td>{@code aws:CurrentTime}, {@code aws:EpochTime}</td><td>{@code 2026-11-29T10:15:30Z}, seconds</td><td>always</td></tr>
 * <tr><td>{@code aws:UserAgent}, {@code aws:Referer}</td><td>the header</td><td>when the header was sent</td></tr>
 * <tr><td>{@code aws:RequestedRegion}</td><td>configured</td><td>when configured</td></tr>
 * <tr><td>{@code aws:ViaAWSService}</td><td>{@code "false"}</td><td>always</td></tr>
 * </table>
 *
 * <p>Then the route's extra keys are added, except those the filter owns ({@link #isReservedKey}):
 * a route cannot forge who the caller is, how they authenticated or where they come from. Last, the
 * {@link ContextProvider}s run, in order; they are application code and may set any key.
 *
 * <p>Thread-safe; one instance serves every request.
 */
public final class RequestContextFactory {

    private static final long MAX_SKEW_SECONDS = MfaEvidence.MAX_CLOCK_SKEW.toSeconds();
    private static final String PRINCIPAL_TAG = "aws:PrincipalTag/";

    // The global keys' names, lower-cased once here rather than on every request.
    private static final KeyName USERNAME = KeyName.of("aws:username");
    private static final KeyName USERID = KeyName.of("aws:userid");
    private static final KeyName PRINCIPAL_ARN = KeyName.of("aws:PrincipalArn");
    private static final KeyName PRINCIPAL_ACCOUNT = KeyName.of("aws:PrincipalAccount");
    private static final KeyName PRINCIPAL_TYPE = KeyName.of("aws:PrincipalType");
    private static final KeyName MFA_PRESENT = KeyName.of("aws:MultiFactorAuthPresent");
    private static final KeyName MFA_AGE = KeyName.of("aws:MultiFactorAuthAge");
    private static final KeyName SOURCE_IP = KeyName.of("aws:SourceIp");
    private static final KeyName SECURE_TRANSPORT = KeyName.of("aws:SecureTransport");
    private static final KeyName CURRENT_TIME = KeyName.of("aws:CurrentTime");
    private static final KeyName EPOCH_TIME = KeyName.of("aws:EpochTime");
    private static final KeyName USER_AGENT = KeyName.of("aws:UserAgent");
    private static final KeyName REFERER = KeyName.of("aws:Referer");
    private static final KeyName REQUESTED_REGION = KeyName.of("aws:RequestedRegion");
    private static final KeyName VIA_AWS_SERVICE = KeyName.of("aws:ViaAWSService");

    private static final Set<String> RESERVED = Set.of(
            "aws:username", "aws:userid", "aws:principalarn", "aws:principalaccount", "aws:principaltype",
            "aws:multifactorauthpresent", "aws:multifactorauthage", "aws:tokenissuetime", "aws:sourceip",
            "aws:securetransport", "aws:currenttime", "aws:epochtime", "aws:useragent", "aws:referer",
            "aws:requestedregion", "aws:viaawsservice");

    private final RequestTime time;
    private final TrustedProxies trustedProxies;
    private final Optional<String> requestedRegion;
    private final List<ContextProvider> providers;

    /**
     * @param clock the clock of {@code aws:CurrentTime}, {@code aws:EpochTime} and {@code aws:MultiFactorAuthAge}
     * @param trustedProxies whose {@code X-Forwarded-For} to believe
     * @param requestedRegion the value of {@code aws:RequestedRegion}, or empty to leave the key out
     * @param providers application keys, run after the built-in ones
     */
    public RequestContextFactory(InstantSource clock, TrustedProxies trustedProxies, Optional<String> requestedRegion,
            List<ContextProvider> providers) {
        this.time = new RequestTime(Objects.requireNonNull(clock, "clock"));
        this.trustedProxies = Objects.requireNonNull(trustedProxies, "trustedProxies");
        this.requestedRegion = Objects.requireNonNull(requestedRegion, "requestedRegion");
        this.providers = List.copyOf(providers);
    }

    /** Whether the filter sets this key itself, so a route may not (compared case-insensitively). */
    public static boolean isReservedKey(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return RESERVED.contains(lower) || lower.startsWith("aws:principaltag/");
    }

    /**
     * The request context of a policy-protected request, with the global keys {@code policies} can
     * read ({@link PolicySet#referencedKeys()}) and no others: a key the policies never read cannot
     * change their decision or its explanation, and leaving it out saves its look-up (headers, the
     * source address, the clock) and its entry. Route keys are set regardless; and when there are
     * {@link ContextProvider}s, every key is set, since a provider may derive its keys from ours.
     *
     * @param request the HTTP request
     * @param caller who calls
     * @param action the route's IAM action
     * @param resource the route's resource ARN, or {@code *}
     * @param routeKeys the route's extra condition keys
     * @param policies the policies the context is for
     */
    public RequestContext create(HttpServletRequest request, Caller caller, String action, String resource,
            Map<String, String> routeKeys, PolicySet policies) {
        return create(request, caller, ActionName.of(action), resource, routeKeys, policies);
    }

    /** {@link #create(HttpServletRequest, Caller, String, String, Map, PolicySet)} for a route's precomputed action. */
    public RequestContext create(HttpServletRequest request, Caller caller, ActionName action, String resource,
            Map<String, String> routeKeys, PolicySet policies) {
        Objects.requireNonNull(policies, "policies");
        return build(request, caller, action, resource, routeKeys,
                providers.isEmpty() ? policies.referencedKeys() : null);
    }

    /**
     * The request context with every global key the filter knows, whatever policies read it: for
     * showing what the filter can set, in tests and tools.
     */
    public RequestContext createWithEveryKey(HttpServletRequest request, Caller caller, String action,
            String resource, Map<String, String> routeKeys) {
        return build(request, caller, ActionName.of(action), resource, routeKeys, null);
    }

    /** {@code wanted}: the lower-case keys to set; null for all of them. */
    private RequestContext build(HttpServletRequest request, Caller caller, ActionName action, String resource,
            Map<String, String> routeKeys, Set<String> wanted) {
        IamPrincipal principal = caller.principal();
        RequestContext.Builder context = RequestContext.builder()
                .principal(principal.arn())
                .action(action)
                .resource(resource);
        if (!routeKeys.isEmpty()) {
            for (Map.Entry<String, String> key : routeKeys.entrySet()) {
                if (!isReservedKey(key.getKey())) {
                    context.key(key.getKey(), key.getValue());
                }
            }
        }

        if (principal.userName().isPresent() && wants(wanted, USERNAME)) {
            context.key(USERNAME, principal.userName().get());
        }
        if (wants(wanted, USERID)) {
            context.key(USERID, principal.userId());
        }
        if (wants(wanted, PRINCIPAL_ARN)) {
            context.key(PRINCIPAL_ARN, principal.arn());
        }
        if (wants(wanted, PRINCIPAL_ACCOUNT)) {
            context.key(PRINCIPAL_ACCOUNT, principal.accountId());
        }
        if (wants(wanted, PRINCIPAL_TYPE)) {
            context.key(PRINCIPAL_TYPE, principalType(principal.arn()));
        }
        if (!principal.tags().isEmpty()) {
            for (Map.Entry<String, String> tag : principal.tags().entrySet()) {
                String name = PRINCIPAL_TAG + tag.getKey();
                if (wanted == null || wanted.contains(name.toLowerCase(Locale.ROOT))) {
                    context.key(name, tag.getValue());
                }
            }
        }

        boolean mfaPresent = wants(wanted, MFA_PRESENT);
        boolean mfaAgeKey = wants(wanted, MFA_AGE);
        boolean mfaKeys = mfaPresent || mfaAgeKey;
        boolean timeKeys = wants(wanted, CURRENT_TIME) || wants(wanted, EPOCH_TIME);
        long nowMillis = mfaKeys || timeKeys ? time.nowMillis() : 0;
        if (mfaKeys) {
            setMfaKeys(context, caller.mfa(), nowMillis, mfaPresent, mfaAgeKey);
        }
        if (wants(wanted, SOURCE_IP)) {
            context.key(SOURCE_IP, trustedProxies.sourceIp(request));
        }
        if (wants(wanted, SECURE_TRANSPORT)) {
            context.key(SECURE_TRANSPORT, request.isSecure() ? "true" : "false");
        }
        if (timeKeys) {
            RequestTime.Second second = time.second(nowMillis);
            context.key(CURRENT_TIME, second.iso8601());
            context.key(EPOCH_TIME, second.epochText());
        }
        if (wants(wanted, USER_AGENT)) {
            setHeader(context, USER_AGENT, request.getHeader("User-Agent"));
        }
        if (wants(wanted, REFERER)) {
            setHeader(context, REFERER, request.getHeader("Referer"));
        }
        if (requestedRegion.isPresent() && wants(wanted, REQUESTED_REGION)) {
            context.key(REQUESTED_REGION, requestedRegion.get());
        }
        if (wants(wanted, VIA_AWS_SERVICE)) {
            context.key(VIA_AWS_SERVICE, "false");
        }

        for (int i = 0; i < providers.size(); i++) { // no iterator: usually there is no provider
            providers.get(i).contribute(request, caller, context);
        }
        return context.build();
    }

    private static boolean wants(Set<String> wanted, KeyName key) {
        return wanted == null || wanted.contains(key.lowerCaseName());
    }

    /** The MFA keys asked for; both read the same evidence at the same instant. */
    private static void setMfaKeys(RequestContext.Builder context, MfaEvidence mfa, long nowMillis, boolean present,
            boolean age) {
        long mfaAge = mfa instanceof MfaEvidence.Used used ? secondsSince(used.at(), nowMillis) : Long.MIN_VALUE;
        if (mfaAge >= -MAX_SKEW_SECONDS) {
            if (present) {
                context.key(MFA_PRESENT, "true");
            }
            if (age) {
                // Never negative: a negative age would make NumericLessThan conditions pass for any limit.
                context.key(MFA_AGE, Long.toString(Math.max(0, mfaAge)));
            }
        } else if (present && !(mfa instanceof MfaEvidence.LongTerm)) {
            // Not used, or recorded too far ahead of our clock to believe (MfaEvidence.MAX_CLOCK_SKEW).
            context.key(MFA_PRESENT, "false");
        } // LongTerm: AWS sets neither key
    }

    private static void setHeader(RequestContext.Builder context, KeyName key, String value) {
        if (value != null) {
            context.key(key, value);
        }
    }

    /**
     * Whole seconds from {@code mfaAt} to now, rounded down; negative when {@code mfaAt} is ahead of
     * our clock (MFA recorded on a cluster node whose clock runs fast). Within {@link
     * MfaEvidence#MAX_CLOCK_SKEW} ahead the age reads 0; further ahead the MFA is not believed.
     */
    static long secondsSince(Instant mfaAt, long nowMillis) {
        long nowSecond = Math.floorDiv(nowMillis, 1000);
        long nanoOfSecond = Math.floorMod(nowMillis, 1000) * 1_000_000L;
        return nowSecond - mfaAt.getEpochSecond() - (nanoOfSecond < mfaAt.getNano() ? 1 : 0);
    }

    /** {@code aws:PrincipalType} from the shape of the ARN; anything that is not root or STS is a user. */
    static String principalType(String arn) {
        int resourceStart = nthColon(arn, 5) + 1;
        if (resourceStart == 0) {
            return "User";
        }
        if (arn.startsWith("root", resourceStart) && arn.length() == resourceStart + 4) {
            return "Account";
        }
        if (arn.startsWith("assumed-role/", resourceStart)) {
            return "AssumedRole";
        }
        if (arn.startsWith("federated-user/", resourceStart)) {
            return "FederatedUser";
        }
        return "User";
    }

    private static int nthColon(String text, int n) {
        int at = -1;
        for (int i = 0; i < n; i++) {
            at = text.indexOf(':', at + 1);
            if (at < 0) {
                return -1;
            }
        }
        return at;
    }
}
