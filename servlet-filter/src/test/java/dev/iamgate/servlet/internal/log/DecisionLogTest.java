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
                "iam:CreateAccessKey", "arn:aws:iam::123456789012:user/alice", DENIED_BY_SEED, 12_345, true);

        assertThat(line).isEqualTo("decision=ExplicitDeny principal=\"arn:aws:iam::123456789012:user/alice\" method=\"POST\""
                + " path=\"/api/users/alice/access-keys\" action=\"iam:CreateAccessKey\""
                + " resource=\"arn:aws:iam::123456789012:user/alice\" policyType=IDENTITY"
                + " policy=\"everyone/seed.json\" sid=\"DenyAllExceptListedIfNoMFA\" micros=12");
    }

    @Test
    void reportOnlyDenialsAreMarkedNotEnforced() {
        String line = DecisionLog.decisionLine("p", "GET", "/", "iam:GetUser", "*", DENIED_BY_SEED, 0, false);

        assertThat(line).startsWith("decision=ExplicitDeny enforced=false ");
    }

    @Test
    void requestDataCannotForgeALine() {
        String line = DecisionLog.decisionLine("p", "GET", "/a\"\n decision=Allow", "iam:GetUser", "*",
                Decision.implicitDeny(PolicyType.IDENTITY), 0, true);

        assertThat(line).doesNotContain("\n").contains("path=\"/a\\\"\\x0a decision=Allow\"");
    }

    @Test
    void aRequestIsTimedOnlyWhileLinesAreWritten() {
        // simplelogger.properties quiets the decision log in these tests: no line, so no clock read
        assertThat(org.slf4j.LoggerFactory.getLogger("dev.iamgate.decision").isInfoEnabled()).isFalse();
        assertThat(DecisionLog.start()).isEqualTo(DecisionLog.NOT_TIMED);
        // a request that began while the log was off has no time to report, should it come on
        assertThat(DecisionLog.since(DecisionLog.NOT_TIMED)).isZero();
        long start = System.nanoTime();
        assertThat(DecisionLog.since(start)).isNotNegative();
    }
}
