package dev.iamgate.internal.compile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iamgate.eval.PolicyType;
import dev.iamgate.eval.StatementRef;
import dev.iamgate.policy.Policy;
import dev.iamgate.policy.PolicyParser;
import dev.iamgate.policy.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * For any action a statement stands in exactly one bucket (its exact action, its service, or the
 * global bucket), so it is never evaluated twice, and each bucket keeps document order with the
 * Deny statements apart.
 */
class ActionIndexTest {

    private static final String POLICY = "{\"Version\":\"2012-10-17\",\"Statement\":["
            + "{\"Sid\":\"Literal\",\"Effect\":\"Allow\",\"Action\":[\"iam:GetUser\",\"s3:GetObject\"],\"Resource\":\"*\"},"
            + "{\"Sid\":\"LiteralAndWildcard\",\"Effect\":\"Deny\",\"Action\":[\"iam:GetUser\",\"iam:List*\",\"s3:GetObject\"],\"Resource\":\"*\"},"
            + "{\"Sid\":\"Everything\",\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"},"
            + "{\"Sid\":\"NotAction\",\"Effect\":\"Deny\",\"NotAction\":\"iam:GetUser\",\"Resource\":\"*\"},"
            + "{\"Sid\":\"LaterLiteral\",\"Effect\":\"Deny\",\"Action\":\"IAM:GETUSER\",\"Resource\":\"*\"},"
            + "{\"Sid\":\"Wildcard\",\"Effect\":\"Allow\",\"Action\":\"iam:Get*\",\"Resource\":\"*\"}]}";

    private final ActionIndex index = new ActionIndex(compile(PolicyParser.parse(POLICY, "index.json")));

    @Test
    void aStatementWithAWildcardForTheActionsServiceIsFiledUnderTheServiceOnly() {
        assertThat(sids(index.exact("iam:getuser").denies())).containsExactly("LaterLiteral");
        assertThat(sids(index.exact("iam:getuser").allows())).containsExactly("Literal");
        assertThat(sids(index.service("iam").denies())).containsExactly("LiteralAndWildcard");
        assertThat(sids(index.service("iam").allows())).containsExactly("Wildcard");
    }

    @Test
    void aLiteralOfAnotherServiceIsFiledUnderItsExactActionInDocumentOrder() {
        assertThat(sids(index.exact("s3:getobject").denies())).containsExactly("LiteralAndWildcard");
        assertThat(sids(index.exact("s3:getobject").allows())).containsExactly("Literal");
        assertThat(index.exact("s3:getobject").actionKnownToMatch()).isTrue();
    }

    @Test
    void statementsThatCanMatchAnyServiceAreFiledGloballyOnly() {
        assertThat(sids(index.global().denies())).containsExactly("NotAction");
        assertThat(sids(index.global().allows())).containsExactly("Everything");
        assertThat(index.global().actionKnownToMatch()).isFalse();
    }

    /** Mutation testing: a wildcard at the very start of the service was read as no wildcard. */
    @Test
    void aServiceThatBeginsWithAWildcardIsFiledGlobally() {
        ActionIndex leading = new ActionIndex(compile(PolicyParser.parse("{\"Version\":\"2012-10-17\",\"Statement\":["
                + "{\"Sid\":\"AnyStorage\",\"Effect\":\"Allow\",\"Action\":\"*3:GetObject\",\"Resource\":\"*\"},"
                + "{\"Sid\":\"OneLetter\",\"Effect\":\"Deny\",\"Action\":\"?3:Get*\",\"Resource\":\"*\"}]}",
                "leading.json")));

        assertThat(sids(leading.global().allows())).containsExactly("AnyStorage");
        assertThat(sids(leading.global().denies())).containsExactly("OneLetter");
        assertThat(leading.exact("s3:getobject").allows()).isEmpty();
    }

    @Test
    void anActionNoStatementNamesHasEmptyBuckets() {
        assertThat(index.exact("ec2:runinstances").denies()).isEmpty();
        assertThat(index.exact("ec2:runinstances").allows()).isEmpty();
        assertThat(index.service("ec2").allows()).isEmpty();
        assertThat(new ActionIndex(List.of()).global().allows()).isEmpty();
    }

    private static List<CompiledStatement> compile(Policy policy) {
        LowerCaseTexts lowerCase = new LowerCaseTexts();
        List<CompiledStatement> compiled = new ArrayList<>();
        for (Statement statement : policy.statements()) {
            StatementRef ref = new StatementRef(PolicyType.IDENTITY, policy.name(), 0, statement.index(),
                    statement.sid(), statement.effect(), statement.location());
            compiled.add(new CompiledStatement(ref, statement, policy.version(), lowerCase));
        }
        return compiled;
    }

    private static List<String> sids(CompiledStatement[] statements) {
        return Arrays.stream(statements).map(s -> s.ref.sid().orElseThrow()).toList();
    }
}
