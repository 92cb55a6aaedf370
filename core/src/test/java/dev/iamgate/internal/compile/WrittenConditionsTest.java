package dev.iamgate.internal.compile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iamgate.internal.condition.CompiledCondition;
import dev.iamgate.policy.Condition;
import dev.iamgate.policy.ConditionOperator;
import dev.iamgate.policy.PolicyParser;
import dev.iamgate.policy.PolicyVersion;
import dev.iamgate.policy.SourceLocation;
import dev.iamgate.policy.Statement;
import dev.iamgate.policy.TextValue;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Conditions kept compactly come back equal to the parsed ones: texts, pointers, lines and columns. */
class WrittenConditionsTest {

    private static List<Condition> roundTrip(List<Condition> conditions, SourceLocation statement) {
        CompiledCondition[] compiled = conditions.stream()
                .map(c -> CompiledCondition.compile(c, PolicyVersion.V2012_10_17))
                .toArray(CompiledCondition[]::new);
        return WrittenConditions.of(conditions, statement, new LowerCaseTexts()).conditions(statement, compiled);
    }

    private static void assertRebuiltExactly(Statement statement) {
        List<Condition> rebuilt = roundTrip(statement.conditions(), statement.location());
        assertThat(rebuilt).isEqualTo(statement.conditions());
        for (int i = 0; i < rebuilt.size(); i++) {
            Condition parsed = statement.conditions().get(i);
            assertThat(rebuilt.get(i).location().pointer()).isEqualTo(parsed.location().pointer());
            assertThat(rebuilt.get(i).values()).extracting(v -> v.location().pointer())
                    .isEqualTo(parsed.values().stream().map(v -> v.location().pointer()).toList());
        }
    }

    @Test
    void everyShapeOfValueIsRebuiltWithItsPointerLineAndColumn() {
        List<Statement> statements = PolicyParser.parse("""
                {"Version":"2012-10-17","Statement":[
                 {"Effect":"Allow","Action":"*","Resource":"*"},
                 {"Effect":"Deny","Action":"*","Resource":"*","Condition":{
                   "StringEquals":{"aws:PrincipalTag/team":"red", "a~b":["x", "y"]},
                   "ForAnyValue:StringLikeIfExists":{"aws:TagKeys":["one"]},
                   "NumericLessThan":{"s3:max-keys":10},
                   "Bool":{"aws:SecureTransport":false},
                   "IpAddress":{"aws:SourceIp":[]},
                   "Null":{"aws:TokenIssueTime":"true"}}}]}""").statements();

        assertThat(statements.get(0).conditions()).isEmpty();
        assertThat(roundTrip(List.of(), statements.get(0).location())).isEmpty();
        assertRebuiltExactly(statements.get(1));
        assertThat(roundTrip(statements.get(1).conditions(), statements.get(1).location()).get(0).values().get(0)
                .location().pointer()).isEqualTo("/Statement/1/Condition/StringEquals/aws:PrincipalTag~1team");
    }

    @Test
    void aStatementWrittenAsAnObjectRatherThanAnArrayKeepsItsPointers() {
        Statement statement = PolicyParser.parse("""
                {"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"*","Resource":"*",
                 "Condition":{"DateLessThan":{"aws:CurrentTime":"2030-01-01T00:00:00Z"}}}}""")
                .statements().get(0);

        assertRebuiltExactly(statement);
        assertThat(statement.conditions().get(0).location().pointer())
                .isEqualTo("/Statement/Condition/DateLessThan/aws:CurrentTime");
    }

    @Test
    void conditionsBuiltInCodeAreKeptAsGiven() {
        Condition built = new Condition(ConditionOperator.parse("StringEquals").orElseThrow(),
                TextValue.of("aws:username"), List.of(TextValue.of("alice")), SourceLocation.UNKNOWN);

        assertThat(roundTrip(List.of(built), SourceLocation.UNKNOWN)).containsExactly(built);
    }
}
