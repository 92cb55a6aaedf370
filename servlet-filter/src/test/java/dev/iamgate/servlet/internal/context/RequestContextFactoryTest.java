package dev.iamgate.servlet.internal.context;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iamgate.eval.Decision;
import dev.iamgate.eval.PolicySet;
import dev.iamgate.eval.RequestContext;
import dev.iamgate.policy.PolicyParser;
import dev.iamgate.servlet.Caller;
import dev.iamgate.servlet.IamPrincipal;
import dev.iamgate.servlet.MfaEvidence;
import dev.iamgate.servlet.spi.ContextProvider;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every key of the request context, one rule a test, built inside a real Jetty from real requests:
 * a test servlet runs the factory and hands the context back.
 */
class RequestContextFactoryTest {

    private static final Instant NOW = Instant.parse("2026-11-29T10:15:30.250Z");
    private static final InstantSource CLOCK = InstantSource.fixed(NOW);
    private static final IamPrincipal ALICE = new IamPrincipal("arn:aws:iam::123456789012:user/alice",
            "123456789012", Optional.of("alice"), "AIDAALICEEXAMPLE", List.of("devs"),
            Map.of("team", "blue", "cost-center", "42"));

    private static final CapturingServlet SERVLET = new CapturingServlet();
    private static EmbeddedJetty jetty;

    @BeforeAll
    static void startJetty() {
        jetty = EmbeddedJetty.start(SERVLET);
    }

    @AfterAll
    static void stopJetty() throws Exception {
        jetty.close();
    }

    @Test
    void principalArnAccountAndUserIdComeFromThePrincipal() {
        RequestContext context = capture(session(ALICE, MfaEvidence.NOT_USED));

        assertThat(context.principal()).isEqualTo("arn:aws:iam::123456789012:user/alice");
        assertThat(context.values("aws:PrincipalArn")).containsExactly("arn:aws:iam::123456789012:user/alice");
        assertThat(context.values("aws:PrincipalAccount")).containsExactly("123456789012");
        assertThat(context.values("aws:userid")).containsExactly("AIDAALICEEXAMPLE");
    }

    @Test
    void actionAndResourceAreTheRoutes() {
        RequestContext context = capture(session(ALICE, MfaEvidence.NOT_USED));

        assertThat(context.action()).isEqualTo("iam:GetUser");
        assertThat(context.resource()).isEqualTo("arn:aws:iam::123456789012:user/alice");
    }

    @Test
    void usernameIsPresentForIamUsersOnly() {
        IamPrincipal root = new IamPrincipal("arn:aws:iam::123456789012:root", "123456789012", Optional.empty(),
                "123456789012", List.of(), Map.of());

        assertThat(capture(session(ALICE, MfaEvidence.NOT_USED)).values("aws:username")).containsExactly("alice");
        assertThat(capture(session(root, MfaEvidence.NOT_USED)).values("aws:username")).isEmpty();
    }

    @Test
    void principalTypeIsUserForIamUsersAndAccountForRoot() {
        IamPrincipal root = new IamPrincipal("arn:aws:iam::123456789012:root", "123456789012", Optional.empty(),
                "123456789012", List.of(), Map.of());

        assertThat(capture(session(ALICE, MfaEvidence.NOT_USED)).values("aws:PrincipalType")).containsExactly("User");
        assertThat(capture(session(root, MfaEvidence.NOT_USED)).values("aws:PrincipalType")).containsExactly("Account");
    }

    @Test
    void principalTagsBecomePrincipalTagKeys() {
        RequestContext context = capture(session(ALICE, MfaEvidence.NOT_USED));

        assertThat(context.values("aws:PrincipalTag/team")).containsExactly("blue");
        assertThat(context.values("aws:PrincipalTag/cost-center")).containsExactly("42");
    }

    @Test
    void multiFactorAuthPresentIsAbsentForLongTermKeys() {
        RequestContext context = capture(session(ALICE, MfaEvidence.LONG_TERM));

        assertThat(context.values("aws:MultiFactorAuthPresent")).isEmpty();
        assertThat(context.values("aws:MultiFactorAuthAge")).isEmpty();
    }

    @Test
    void multiFactorAuthPresentIsFalseWithoutMfaAndAgeIsAbsent() {
        RequestContext context = capture(session(ALICE, MfaEvidence.NOT_USED));

        assertThat(context.values("aws:MultiFactorAuthPresent")).containsExactly("false");
        assertThat(context.values("aws:MultiFactorAuthAge")).isEmpty();
    }

    @Test
    void multiFactorAuthAgeCountsWholeSecondsSinceMfa() {
        RequestContext context = capture(session(ALICE, MfaEvidence.usedAt(Instant.parse("2026-11-29T10:10:30.500Z"))));

        assertThat(context.values("aws:MultiFactorAuthPresent")).containsExactly("true");
        assertThat(context.values("aws:MultiFactorAuthAge")).containsExactly("299"); // 299.75 s, rounded down
    }

    @Test
    void mfaAgeIsNeverNegativeUnderClockSkew() {
        // MFA recorded by a cluster node whose clock runs 90 s ahead of ours.
        RequestContext context = capture(session(ALICE, MfaEvidence.usedAt(NOW.plusSeconds(90))));

        assertThat(context.values("aws:MultiFactorAuthPresent")).containsExactly("true");
        assertThat(context.values("aws:MultiFactorAuthAge")).containsExactly("0");
    }

    @Test
    void mfaRecordedUpToTheMaximumClockSkewAheadCountsAsJustDone() {
        RequestContext context = capture(session(ALICE, MfaEvidence.usedAt(NOW.plus(MfaEvidence.MAX_CLOCK_SKEW))));

        assertThat(context.values("aws:MultiFactorAuthPresent")).containsExactly("true");
        assertThat(context.values("aws:MultiFactorAuthAge")).containsExactly("0");
    }

    @Test
    void mfaRecordedFurtherAheadThanTheMaximumClockSkewIsNotBelievedSoTheCallerHasNoMfa() {
        // A node whose clock runs an hour fast, or a forged session: fail closed, never "fresh MFA" for an hour.
        RequestContext barely = capture(session(ALICE,
                MfaEvidence.usedAt(NOW.plus(MfaEvidence.MAX_CLOCK_SKEW).plusMillis(1))));
        RequestContext hourAhead = capture(session(ALICE, MfaEvidence.usedAt(NOW.plusSeconds(3600))));

        for (RequestContext context : List.of(barely, hourAhead)) {
            assertThat(context.values("aws:MultiFactorAuthPresent")).containsExactly("false");
            assertThat(context.values("aws:MultiFactorAuthAge")).isEmpty();
        }
    }

    @Test
    void sourceIpIsTheRemoteAddressWhenNoProxyIsTrusted() {
        SERVLET.factory.set(factory(TrustedProxies.NONE));

        RequestContext context = capture(session(ALICE, MfaEvidence.NOT_USED), "X-Forwarded-For: 203.0.113.9");

        assertThat(context.values("aws:SourceIp")).containsExactly("127.0.0.1");
    }

    @Test
    void sourceIpTrustsForwardedForOnlyFromConfiguredProxies() {
        SERVLET.factory.set(factory(TrustedProxies.parse("10.0.0.0/8")));
        assertThat(capture(session(ALICE, MfaEvidence.NOT_USED), "X-Forwarded-For: 203.0.113.9")
                .values("aws:SourceIp")).as("127.0.0.1 is no trusted proxy").containsExactly("127.0.0.1");

        SERVLET.factory.set(factory(TrustedProxies.parse("10.0.0.0/8, 127.0.0.1")));
        assertThat(capture(session(ALICE, MfaEvidence.NOT_USED), "X-Forwarded-For: 203.0.113.9")
                .values("aws:SourceIp")).containsExactly("203.0.113.9");
    }

    @Test
    void sourceIpIsTheRightMostUntrustedForwardedHop() {
        SERVLET.factory.set(factory(TrustedProxies.parse("127.0.0.0/8 10.0.0.0/8")));

        // The client wrote 198.51.100.1 itself; our edge proxy saw 203.0.113.9 and an inner proxy 10.1.2.3.
        RequestContext context = capture(session(ALICE, MfaEvidence.NOT_USED),
                "X-Forwarded-For: 198.51.100.1, 203.0.113.9", "X-Forwarded-For: 10.1.2.3");

        assertThat(context.values("aws:SourceIp")).containsExactly("203.0.113.9");
    }

    @Test
    void sourceIpIsTheLeftMostHopWhenEveryHopIsTrusted() {
        SERVLET.factory.set(factory(TrustedProxies.parse("127.0.0.1, 10.0.0.0/8")));

        RequestContext context = capture(session(ALICE, MfaEvidence.NOT_USED), "X-Forwarded-For: 10.9.9.9, 10.1.2.3");

        assertThat(context.values("aws:SourceIp")).containsExactly("10.9.9.9");
    }

    @Test
    void sourceIpStopsAtTheLastTrustedHopWhenAHopIsNotAnAddress() {
        SERVLET.factory.set(factory(TrustedProxies.parse("127.0.0.1, 10.0.0.0/8")));

        RequestContext context = capture(session(ALICE, MfaEvidence.NOT_USED),
                "X-Forwarded-For: 203.0.113.9, evil.example.com, 10.1.2.3");

        assertThat(context.values("aws:SourceIp")).containsExactly("10.1.2.3");
    }

    @Test
    void sourceIpReadsForwardedIpv6HopsAndPortsCanonically() {
        SERVLET.factory.set(factory(TrustedProxies.parse("127.0.0.1, fd00::/8")));

        RequestContext context = capture(session(ALICE, MfaEvidence.NOT_USED),
                "X-Forwarded-For: [2001:DB8:0:0:0:0:0:1]:4711, fd00::7");

        assertThat(context.values("aws:SourceIp")).containsExactly("2001:db8::1");
    }

    @Test
    void secureTransportIsFalseOverPlainHttp() {
        assertThat(capture(session(ALICE, MfaEvidence.NOT_USED)).values("aws:SecureTransport")).containsExactly("false");
    }

    @Test
    void secureTransportIsTrueWhenTheContainerSeesTheRequestAsSecure() {
        SERVLET.caller.set(session(ALICE, MfaEvidence.NOT_USED));
        assertThat(jetty.getBehindTlsProxy("/", "X-Forwarded-Proto: https").status()).isEqualTo(200);

        assertThat(SERVLET.captured.get().values("aws:SecureTransport")).containsExactly("true");
    }

    @Test
    void currentTimeIsIso8601UtcToTheSecond() {
        assertThat(capture(session(ALICE, MfaEvidence.NOT_USED)).values("aws:CurrentTime"))
                .containsExactly("2026-11-29T10:15:30Z");
    }

    @Test
    void epochTimeIsWholeSeconds() {
        assertThat(capture(session(ALICE, MfaEvidence.NOT_USED)).values("aws:EpochTime"))
                .containsExactly(Long.toString(NOW.getEpochSecond()));
    }

    @Test
    void userAgentAndRefererArePresentOnlyWhenSent() {
        RequestContext without = capture(session(ALICE, MfaEvidence.NOT_USED));
        RequestContext with = capture(session(ALICE, MfaEvidence.NOT_USED),
                "User-Agent: curl/8.5.0", "Referer: https://app.example.com/keys");

        assertThat(without.values("aws:UserAgent")).isEmpty();
        assertThat(without.values("aws:Referer")).isEmpty();
        assertThat(with.values("aws:UserAgent")).containsExactly("curl/8.5.0");
        assertThat(with.values("aws:Referer")).containsExactly("https://app.example.com/keys");
    }

    @Test
    void requestedRegionIsPresentOnlyWhenConfigured() {
        assertThat(capture(session(ALICE, MfaEvidence.NOT_USED)).values("aws:RequestedRegion")).isEmpty();

        SERVLET.factory.set(new RequestContextFactory(CLOCK, TrustedProxies.NONE, Optional.of("us-east-1"), List.of()));
        assertThat(capture(session(ALICE, MfaEvidence.NOT_USED)).values("aws:RequestedRegion")).containsExactly("us-east-1");
    }

    @Test
    void viaAwsServiceIsFalse() {
        assertThat(capture(session(ALICE, MfaEvidence.NOT_USED)).values("aws:ViaAWSService")).containsExactly("false");
    }

    @Test
    void routeKeysAreAddedButCannotOverrideTheFiltersKeys() {
        SERVLET.routeKeys.set(Map.of("iam:PolicyARN", "arn:aws:iam::aws:policy/ReadOnly",
                "aws:MultiFactorAuthPresent", "true", "AWS:SourceIp", "203.0.113.9", "aws:PrincipalTag/team", "red"));

        RequestContext context = capture(session(ALICE, MfaEvidence.NOT_USED));

        assertThat(context.values("iam:PolicyARN")).containsExactly("arn:aws:iam::aws:policy/ReadOnly");
        assertThat(context.values("aws:MultiFactorAuthPresent")).containsExactly("false");
        assertThat(context.values("aws:SourceIp")).containsExactly("127.0.0.1");
        assertThat(context.values("aws:PrincipalTag/team")).containsExactly("blue");
    }

    @Test
    void aRouteCannotForgeAUsernameForAPrincipalThatHasNone() {
        IamPrincipal root = new IamPrincipal("arn:aws:iam::123456789012:root", "123456789012", Optional.empty(),
                "123456789012", List.of(), Map.of());
        SERVLET.routeKeys.set(Map.of("aws:username", "alice"));

        assertThat(capture(session(root, MfaEvidence.NOT_USED)).values("aws:username")).isEmpty();
    }

    @Test
    void contextProvidersRunAfterTheBuiltInKeys() {
        ContextProvider tenant = (request, caller, context) -> context
                .key("myapp:Tenant", request.getHeader("X-Tenant"))
                .key("myapp:SawSourceIp", String.valueOf(!context.build().values("aws:SourceIp").isEmpty()));
        SERVLET.factory.set(new RequestContextFactory(CLOCK, TrustedProxies.NONE, Optional.empty(), List.of(tenant)));

        RequestContext context = capture(session(ALICE, MfaEvidence.NOT_USED), "X-Tenant: acme");

        assertThat(context.values("myapp:Tenant")).containsExactly("acme");
        assertThat(context.values("myapp:SawSourceIp")).containsExactly("true");
    }

    @Test
    void onlyTheKeysThePoliciesReadAreBuilt() {
        PolicySet set = identityPolicy("\"Resource\":\"arn:aws:iam::123456789012:user/${aws:username}\","
                + "\"Condition\":{\"Bool\":{\"aws:MultiFactorAuthPresent\":\"true\"}}");
        SERVLET.policies.set(set);
        SERVLET.routeKeys.set(Map.of("iam:PolicyARN", "arn:aws:iam::aws:policy/ReadOnly"));

        RequestContext context = capture(session(ALICE, MfaEvidence.usedAt(NOW.minusSeconds(60))), "User-Agent: curl/8.5.0");

        assertThat(context.keys()).containsOnlyKeys("aws:username", "aws:MultiFactorAuthPresent", "iam:PolicyARN");
    }

    @Test
    void aPrincipalTagIsBuiltOnlyWhenThePoliciesNameThatTag() {
        SERVLET.policies.set(identityPolicy("\"Resource\":\"*\","
                + "\"Condition\":{\"StringEquals\":{\"AWS:PRINCIPALTAG/Team\":\"blue\"}}"));

        RequestContext context = capture(session(ALICE, MfaEvidence.NOT_USED));

        assertThat(context.keys()).containsOnlyKeys("aws:PrincipalTag/team");
    }

    @Test
    void referencedKeysDecideAndExplainExactlyAsWithEveryKey() {
        // Every global key the filter sets, read by a condition or a variable, each through a different operator.
        PolicySet set = identityPolicy("\"Resource\":\"arn:aws:iam::123456789012:user/${aws:username}\","
                + "\"Condition\":{\"IpAddress\":{\"aws:SourceIp\":\"127.0.0.0/8\"},"
                + "\"DateGreaterThan\":{\"aws:CurrentTime\":\"2026-01-01T00:00:00Z\"},"
                + "\"NumericGreaterThan\":{\"aws:EpochTime\":\"0\"},"
                + "\"StringEquals\":{\"aws:PrincipalTag/team\":\"blue\",\"aws:PrincipalType\":\"User\","
                + "\"aws:userid\":\"AIDAALICEEXAMPLE\",\"aws:PrincipalAccount\":\"123456789012\",\"aws:ViaAWSService\":\"false\"},"
                + "\"StringLike\":{\"aws:UserAgent\":\"curl/*\",\"aws:PrincipalArn\":\"*:user/${aws:username}\"},"
                + "\"StringNotEqualsIfExists\":{\"aws:Referer\":\"https://evil.example\"},"
                + "\"NumericLessThan\":{\"aws:MultiFactorAuthAge\":\"3600\"},"
                + "\"Bool\":{\"aws:SecureTransport\":\"false\",\"aws:MultiFactorAuthPresent\":\"true\"}}");
        Caller caller = session(ALICE, MfaEvidence.usedAt(NOW.minusSeconds(60)));
        RequestContext every = capture(caller, "User-Agent: curl/8.5.0");
        SERVLET.policies.set(set);
        RequestContext referenced = capture(caller, "User-Agent: curl/8.5.0");

        Decision decision = set.explain(referenced);
        assertThat(decision.isAllowed()).as("%s", decision).isTrue();
        assertThat(decision).isEqualTo(set.explain(every));
        assertThat(referenced.keys()).doesNotContainKey("aws:Referer"); // referenced, but not sent
        assertThat(every.keys()).containsAllEntriesOf(referenced.keys());
    }

    @Test
    void contextProvidersStillSeeEveryKeyWhateverThePoliciesRead() {
        ContextProvider network = (request, caller, context) -> context
                .key("myapp:Network", context.build().values("aws:SourceIp").isEmpty() ? "unknown" : "loopback");
        SERVLET.factory.set(new RequestContextFactory(CLOCK, TrustedProxies.NONE, Optional.empty(), List.of(network)));
        SERVLET.policies.set(identityPolicy("\"Resource\":\"*\","
                + "\"Condition\":{\"StringEquals\":{\"myapp:Network\":\"loopback\"}}"));

        RequestContext context = capture(session(ALICE, MfaEvidence.NOT_USED));

        assertThat(context.values("myapp:Network")).containsExactly("loopback");
    }

    private static PolicySet identityPolicy(String resourceAndCondition) {
        return PolicySet.ofIdentityPolicies(PolicyParser.parse("{\"Version\":\"2012-10-17\",\"Statement\":"
                + "{\"Effect\":\"Allow\",\"Action\":\"iam:GetUser\"," + resourceAndCondition + "}}"));
    }

    private static Caller session(IamPrincipal principal, MfaEvidence mfa) {
        return new Caller(principal, mfa);
    }

    private static RequestContextFactory factory(TrustedProxies proxies) {
        return new RequestContextFactory(CLOCK, proxies, Optional.empty(), List.of());
    }

    /** Sends a GET as {@code caller} and returns the context the servlet built. */
    private static RequestContext capture(Caller caller, String... headers) {
        SERVLET.caller.set(caller);
        SERVLET.captured.set(null);
        EmbeddedJetty.Response response = jetty.get("/api/users/alice", headers);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        RequestContext context = SERVLET.captured.get();
        // Reset per-test configuration for the next request.
        SERVLET.factory.set(factory(TrustedProxies.NONE));
        SERVLET.routeKeys.set(Map.of());
        SERVLET.policies.set(null);
        return context;
    }

    /** Builds the context of each request it serves, as the filter will, and keeps it. */
    private static final class CapturingServlet extends HttpServlet {
        private static final long serialVersionUID = 1L;

        final AtomicReference<RequestContextFactory> factory = new AtomicReference<>(factory(TrustedProxies.NONE));
        final AtomicReference<Caller> caller = new AtomicReference<>();
        final AtomicReference<Map<String, String>> routeKeys = new AtomicReference<>(Map.of());
        final AtomicReference<RequestContext> captured = new AtomicReference<>();
        /** The policies to build the context for; null for every key. */
        final AtomicReference<PolicySet> policies = new AtomicReference<>();

        @Override
        protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
            PolicySet set = policies.get();
            String action = "iam:GetUser";
            String resource = "arn:aws:iam::123456789012:user/alice";
            captured.set(set == null
                    ? factory.get().createWithEveryKey(request, caller.get(), action, resource, routeKeys.get())
                    : factory.get().create(request, caller.get(), action, resource, routeKeys.get(), set));
            response.setContentLength(0);
        }
    }
}
