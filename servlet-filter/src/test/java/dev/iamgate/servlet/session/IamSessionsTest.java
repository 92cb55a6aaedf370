package dev.iamgate.servlet.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iamgate.servlet.Caller;
import dev.iamgate.servlet.IamPrincipal;
import dev.iamgate.servlet.MfaEvidence;
import dev.iamgate.servlet.internal.context.EmbeddedJetty;
import dev.iamgate.servlet.internal.context.EmbeddedJetty.Response;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Collections;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The session MFA contract, exercised through a real Jetty session manager and real cookies. */
class IamSessionsTest {

    private static final Instant SIGN_IN = Instant.parse("2026-11-29T10:00:00Z");
    private static final AtomicReference<Instant> NOW = new AtomicReference<>(SIGN_IN);
    private static final InstantSource CLOCK = NOW::get;

    private static EmbeddedJetty jetty;

    @BeforeAll
    static void startJetty() {
        jetty = EmbeddedJetty.start(new AppServlet());
    }

    @AfterAll
    static void stopJetty() throws Exception {
        jetty.close();
    }

    @BeforeEach
    void resetClock() {
        NOW.set(SIGN_IN);
    }

    @Test
    void signInCreatesASessionWhenThereIsNone() {
        Response signIn = jetty.get("/sign-in?user=alice");

        assertThat(signIn.sessionCookie()).isPresent();
        assertThat(whoami(signIn.sessionCookie().get()).body()).isEqualTo("arn:aws:iam::123456789012:user/alice NOT_USED");
    }

    @Test
    void signInRotatesTheSessionId() {
        String anonymous = jetty.get("/visit").sessionCookie().orElseThrow();

        String signedIn = jetty.get("/sign-in?user=alice", cookie(anonymous)).sessionCookie().orElseThrow();

        assertThat(signedIn).isNotEqualTo(anonymous);
        assertThat(whoami(anonymous).body()).as("the pre-login id is worthless").isEqualTo("nobody");
        assertThat(whoami(signedIn).body()).startsWith("arn:aws:iam::123456789012:user/alice");
    }

    @Test
    void signInKeepsTheApplicationsAttributesForTheSameUser() {
        String visit = jetty.get("/visit").sessionCookie().orElseThrow();
        String signedIn = jetty.get("/sign-in?user=alice", cookie(visit)).sessionCookie().orElseThrow();

        assertThat(jetty.get("/attributes", cookie(signedIn)).body()).contains("app.cart");
    }

    @Test
    void aDifferentUserSigningInGetsAFreshSession() {
        String alice = signIn("alice");

        String bob = jetty.get("/sign-in?user=bob", cookie(alice)).sessionCookie().orElseThrow();

        assertThat(jetty.get("/attributes", cookie(bob)).body()).doesNotContain("app.cart");
        assertThat(whoami(bob).body()).startsWith("arn:aws:iam::123456789012:user/bob ");
        assertThat(whoami(alice).body()).isEqualTo("nobody");
    }

    @Test
    void aSessionWithoutMfaHasMfaNotUsed() {
        assertThat(whoami(signIn("alice")).body()).endsWith(" NOT_USED");
    }

    @Test
    void recordMfaRotatesTheSessionIdAndStoresTheTime() {
        String beforeMfa = signIn("alice");
        NOW.set(SIGN_IN.plusSeconds(20));

        String afterMfa = jetty.get("/mfa", cookie(beforeMfa)).sessionCookie().orElseThrow();

        assertThat(afterMfa).isNotEqualTo(beforeMfa);
        assertThat(whoami(beforeMfa).body()).isEqualTo("nobody");
        assertThat(whoami(afterMfa).body()).isEqualTo("arn:aws:iam::123456789012:user/alice USED_AT 2026-11-29T10:00:20Z");
    }

    @Test
    void recordMfaRequiresASignedInSession() {
        assertThat(jetty.get("/mfa").status()).isEqualTo(409);
        String anonymous = jetty.get("/visit").sessionCookie().orElseThrow();
        assertThat(jetty.get("/mfa", cookie(anonymous)).status()).isEqualTo(409);
    }

    @Test
    void signOutInvalidatesTheSession() {
        String session = mfaSession("alice");

        assertThat(jetty.get("/sign-out", cookie(session)).status()).isEqualTo(200);

        assertThat(whoami(session).body()).isEqualTo("nobody");
        assertThat(jetty.get("/attributes", cookie(session)).body()).isEmpty();
    }

    @Test
    void signOutWithoutASessionDoesNothing() {
        Response response = jetty.get("/sign-out");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.sessionCookie()).isEmpty();
    }

    @Test
    void callerReadsTheSessionWithoutCreatingOne() {
        Response response = jetty.get("/whoami");

        assertThat(response.body()).isEqualTo("nobody");
        assertThat(response.sessionCookie()).isEmpty();
    }

    @Test
    void theSessionHoldsOneAttributeAndNoSecret() {
        String session = jetty.get("/sign-in?user=alice&password=correct-horse").sessionCookie().orElseThrow();
        session = jetty.get("/mfa?code=870417", cookie(session)).sessionCookie().orElseThrow();

        String attributes = jetty.get("/attributes", cookie(session)).body();

        assertThat(attributes).isEqualTo(IamSessions.ATTRIBUTE + "=IamSession");
        assertThat(jetty.get("/session-dump", cookie(session)).body())
                .doesNotContain("correct-horse").doesNotContain("870417");
    }

    @Test
    void mfaOlderThanTheMaximumAgeCountsAsNotUsed() {
        String session = mfaSession("alice");

        NOW.set(SIGN_IN.plus(Duration.ofMinutes(15)));
        assertThat(jetty.get("/whoami-max-age", cookie(session)).body()).endsWith(" USED_AT 2026-11-29T10:00:00Z");

        NOW.set(SIGN_IN.plus(Duration.ofMinutes(15)).plusSeconds(1));
        assertThat(jetty.get("/whoami-max-age", cookie(session)).body()).endsWith(" NOT_USED");
        assertThat(whoami(session).body()).as("without a maximum age MFA lasts").endsWith(" USED_AT 2026-11-29T10:00:00Z");
    }

    @Test
    void mfaRecordedAheadOfTheClockWithinTheMaximumClockSkewStillCounts() {
        String session = mfaSession("alice");
        NOW.set(SIGN_IN.minusSeconds(30)); // this node's clock is behind the one that recorded MFA

        assertThat(jetty.get("/whoami-max-age", cookie(session)).body()).endsWith(" USED_AT 2026-11-29T10:00:00Z");
    }

    @Test
    void mfaRecordedFurtherAheadThanTheMaximumClockSkewCountsAsNotUsedThoughWithinTheMaximumAge() {
        String session = mfaSession("alice");
        NOW.set(SIGN_IN.minus(MfaEvidence.MAX_CLOCK_SKEW).minusSeconds(1)); // the recording clock ran 5 min 1 s fast

        assertThat(jetty.get("/whoami-max-age", cookie(session)).body()).endsWith(" NOT_USED");
    }

    private static String signIn(String user) {
        return jetty.get("/sign-in?user=" + user, cookie(jetty.get("/visit").sessionCookie().orElseThrow()))
                .sessionCookie().orElseThrow();
    }

    private static String mfaSession(String user) {
        return jetty.get("/mfa", cookie(signIn(user))).sessionCookie().orElseThrow();
    }

    private static Response whoami(String session) {
        return jetty.get("/whoami", cookie(session));
    }

    private static String cookie(String session) {
        return "Cookie: JSESSIONID=" + session;
    }

    /** An application that signs users in with the contract, and reports what the session holds. */
    private static final class AppServlet extends HttpServlet {
        private static final long serialVersionUID = 1L;

        private final SessionPrincipalResolver resolver = new SessionPrincipalResolver();
        private final SessionPrincipalResolver resolverWithMaxAge =
                new SessionPrincipalResolver(Duration.ofMinutes(15), CLOCK);

        @Override
        protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
            String body = "";
            switch (request.getPathInfo()) {
                case "/visit" -> request.getSession(true).setAttribute("app.cart", "3 items");
                case "/sign-in" -> IamSessions.signIn(request,
                        IamPrincipal.user("123456789012", request.getParameter("user"), "AIDA" + request.getParameter("user")),
                        CLOCK);
                case "/mfa" -> {
                    try {
                        IamSessions.recordMfa(request, CLOCK);
                    } catch (IllegalStateException notSignedIn) {
                        response.setStatus(409);
                    }
                }
                case "/sign-out" -> IamSessions.signOut(request);
                case "/whoami" -> body = describe(resolver.resolve(request));
                case "/whoami-max-age" -> body = describe(resolverWithMaxAge.resolve(request));
                case "/attributes" -> {
                    HttpSession session = request.getSession(false);
                    body = session == null ? "" : String.join(",", Collections.list(session.getAttributeNames()).stream()
                            .map(name -> name + "=" + session.getAttribute(name).getClass().getSimpleName()).toList());
                }
                case "/session-dump" -> {
                    HttpSession session = request.getSession(false);
                    body = Collections.list(session.getAttributeNames()).stream()
                            .map(name -> name + "=" + session.getAttribute(name)).toList().toString();
                }
                default -> response.setStatus(404);
            }
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            response.setContentLength(bytes.length);
            response.getOutputStream().write(bytes);
        }

        private static String describe(Optional<Caller> caller) {
            return caller.map(c -> c.principal().arn() + " " + (c.mfa() instanceof MfaEvidence.Used used
                    ? "USED_AT " + used.at()
                    : c.mfa() == MfaEvidence.NOT_USED ? "NOT_USED" : "LONG_TERM")).orElse("nobody");
        }
    }
}
