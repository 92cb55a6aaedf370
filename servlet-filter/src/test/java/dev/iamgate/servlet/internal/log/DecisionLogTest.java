package dev.iamgate.servlet.internal.log;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iamgate.eval.Decision;
import dev.iamgate.eval.PolicyType;
import dev.iamgate.eval.StatementRef;
import dev.iamgate.policy.Effect;
import dev.iamgate.policy.SourceLocation;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The decision log: one structured line per request, safe against forged lines. */
class DecisionLogTest {

    private static final Decision DENIED_BY_SEED = Decision.decidedBy(new StatementRef(PolicyType.IDENTITY,
            "everyone/seed.json", 0, 8, Optional.of("DenyAllExceptListedIfNoMFA"), Effect.DENY, SourceLocation.UNKNOWN));

    @Test
    void aLineNamesWhoWhatOnWhatTheOutcomeTheDecidingStatementAndTheTime() {
        String line = DecisionLog.decisionLine("arn:aws:iam::123456789012:user/alice", "POST", "/api/users/alice/access-keys",
                "iam:CreateAccessKey", "arn:aws:iam::123456789012:user/alice", DENIED_BY_SEED, 12_345, true, false);

        assertThat(line).isEqualTo("decision=ExplicitDeny principal=\"arn:aws:iam::123456789012:user/alice\" method=\"POST\""
                + " path=\"/api/users/alice/access-keys\" action=\"iam:CreateAccessKey\""
                + " resource=\"arn:aws:iam::123456789012:user/alice\" policyType=IDENTITY"
                + " policy=\"everyone/seed.json\" sid=\"DenyAllExceptListedIfNoMFA\" micros=12");
    }

    @Test
    void reportOnlyDenialsAreMarkedNotEnforced() {
        String line = DecisionLog.decisionLine("p", "GET", "/", "iam:GetUser", "*", DENIED_BY_SEED, 0, false, false);

        assertThat(line).startsWith("decision=ExplicitDeny enforced=false ");
    }

    @Test
    void aCheckAHandlerMadeIsMarkedAsOne() {
        String line = DecisionLog.decisionLine("p", "POST", "/api/users", "iam:CreateUser",
                "arn:aws:iam::123456789012:user/admin-eve", DENIED_BY_SEED, 0, true, true);

        assertThat(line).startsWith("decision=ExplicitDeny check=handler principal=\"p\" method=\"POST\"")
                .contains(" resource=\"arn:aws:iam::123456789012:user/admin-eve\" ");
    }

    @Test
    void requestDataCannotForgeALine() {
        String line = DecisionLog.decisionLine("p", "GET", "/a\"\n decision=Allow", "iam:GetUser", "*",
                Decision.implicitDeny(PolicyType.IDENTITY), 0, true, false);

        assertThat(line).doesNotContain("\n").contains("path=\"/a\\\"\\x0a decision=Allow\"");
    }

    @Test
    void aRequestIsTimedOnlyWhileLinesAreWritten() {
        // simplelogger.properties quiets the decision log in this module's tests: no line, so no
        // clock read (the pom runs one class with the log on, and -Dtest runs this one there too)
        boolean linesWritten = org.slf4j.LoggerFactory.getLogger("dev.iamgate.decision").isInfoEnabled();
        assertThat(DecisionLog.start() == DecisionLog.NOT_TIMED).isEqualTo(!linesWritten);
        // a request that began while the log was off has no time to report, should it come on
        assertThat(DecisionLog.since(DecisionLog.NOT_TIMED)).isZero();
        long start = System.nanoTime();
        assertThat(DecisionLog.since(start)).isNotNegative();
    }
}
