package dev.iamgate.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.iamgate.policy.Effect;
import dev.iamgate.policy.SourceLocation;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The three answers of IAM's decision logic and how a decision names what decided it. */
class DecisionTest {

    private static StatementRef statement(Effect effect, Optional<String> sid) {
        return new StatementRef(PolicyType.RESOURCE, "", 2, 3, sid, effect, new SourceLocation("/Statement/3", 7, 5));
    }

    @Test
    void anApplicableAllowStatementAllows() {
        StatementRef allow = statement(Effect.ALLOW, Optional.of("Grant"));
        Decision decision = Decision.decidedBy(allow);
        assertThat(decision.outcome()).isEqualTo(Outcome.ALLOW);
        assertThat(decision.isAllowed()).isTrue();
        assertThat(decision.decidingType()).isEqualTo(PolicyType.RESOURCE);
        assertThat(decision.decidingStatement()).contains(allow);
        assertThat(decision.explanation()).isEmpty();
    }

    @Test
    void anApplicableDenyStatementDeniesExplicitly() {
        Decision decision = Decision.decidedBy(statement(Effect.DENY, Optional.empty()));
        assertThat(decision.outcome()).isEqualTo(Outcome.EXPLICIT_DENY);
        assertThat(decision.isAllowed()).isFalse();
    }

    @Test
    void anImplicitDenyNamesTheKindOfPolicyThatDidNotAllowAndNoStatement() {
        for (PolicyType type : PolicyType.values()) {
            Decision decision = Decision.implicitDeny(type);
            assertThat(decision.outcome()).isEqualTo(Outcome.IMPLICIT_DENY);
            assertThat(decision.decidingType()).isEqualTo(type);
            assertThat(decision.decidingStatement()).isEmpty();
            assertThat(decision.isAllowed()).isFalse();
            assertThat(Decision.implicitDeny(type)).isSameAs(decision);
        }
    }

    @Test
    void anImplicitDenyCannotHaveADecidingStatement() {
        assertThatIllegalArgumentException().isThrownBy(() -> new Decision(Outcome.IMPLICIT_DENY, PolicyType.IDENTITY,
                Optional.of(statement(Effect.ALLOW, Optional.empty())), Optional.empty()));
    }

    @Test
    void anExplanationIsAddedWithoutChangingTheAnswer() {
        StatementRef allow = statement(Effect.ALLOW, Optional.empty());
        Explanation why = new Explanation(PolicyType.RESOURCE, List.of(allow), List.of());
        Decision explained = Decision.decidedBy(allow).withExplanation(why);
        assertThat(explained.outcome()).isEqualTo(Outcome.ALLOW);
        assertThat(explained.decidingStatement()).contains(allow);
        assertThat(explained.explanation()).contains(why);
    }

    @Test
    void aStatementIsNamedByItsSidOrElseByItsIndex() {
        assertThat(statement(Effect.ALLOW, Optional.of("Grant")).displayName()).isEqualTo("Grant");
        assertThat(statement(Effect.ALLOW, Optional.of("")).displayName()).isEqualTo("#3");
        assertThat(statement(Effect.ALLOW, Optional.empty()).displayName()).isEqualTo("#3");
    }

    @Test
    void aStatementsPolicyIsNamedByItsNameOrElseByItsKindAndIndex() {
        assertThat(statement(Effect.ALLOW, Optional.of("Grant")))
                .hasToString("resource-based policy #2 statement Grant (line 7)");
        StatementRef named = new StatementRef(PolicyType.IDENTITY, "ReadOnly", 0, 1, Optional.empty(), Effect.DENY,
                new SourceLocation("/Statement/1", 12, 3));
        assertThat(named).hasToString("ReadOnly statement #1 (line 12)");
    }

    @Test
    void outcomesHaveTheirWireNames() {
        assertThat(Outcome.ALLOW.wireName()).isEqualTo("Allow");
        assertThat(Outcome.EXPLICIT_DENY.wireName()).isEqualTo("ExplicitDeny");
        assertThat(Outcome.IMPLICIT_DENY.wireName()).isEqualTo("ImplicitDeny");
        assertThat(PolicyType.PERMISSIONS_BOUNDARY.description()).isEqualTo("permissions boundary");
    }
}
