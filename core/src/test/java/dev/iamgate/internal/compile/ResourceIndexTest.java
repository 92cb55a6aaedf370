package dev.iamgate.internal.compile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iamgate.eval.Decision;
import dev.iamgate.eval.Outcome;
import dev.iamgate.eval.PolicySet;
import dev.iamgate.eval.RequestContext;
import dev.iamgate.policy.PolicyParser;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * With enough plain-ARN statements a bucket is indexed by resource; the decision, and the
 * statement it names, must be what a walk of every statement in document order gives: the first
 * applicable Deny, else the first applicable Allow, whether it is filed under an ARN or not.
 */
class ResourceIndexTest {

    private static final String ACCOUNT_USER = "arn:aws:iam::123456789012:user/";

    @Test
    void anIndexedSetDecidesAndNamesTheStatementAsADocumentOrderWalkDoes() {
        List<String> statements = new ArrayList<>();
        for (int k = 0; k < 20; k++) { // A0..A19: plain ARNs, u5 listed twice by A5
            String arns = k == 5 ? json(user(5), user(5), user(30)) : json(user(k));
            statements.add(statement("A" + k, "Allow", arns, ""));
        }
        statements.add(statement("Wild", "Allow", json(ACCOUNT_USER + "*"), "")); // after A0..A19
        statements.add(statement("NotRes", "Deny", "", ",\"NotResource\":\"" + ACCOUNT_USER + "u*\""));
        for (int k = 0; k < 20; k++) { // D0..D19 deny u40..u59; D3 also u7, with MFA absent
            String arns = k == 3 ? json(user(40 + k), user(7)) : json(user(40 + k));
            String condition = k == 3 ? ",\"Condition\":{\"Bool\":{\"aws:MultiFactorAuthPresent\":\"false\"}}" : "";
            statements.add(statement("D" + k, "Deny", arns, condition));
        }
        statements.add(statement("LateWildDeny", "Deny", json(ACCOUNT_USER + "u4?"), ""));
        PolicySet policies = PolicySet.ofIdentityPolicies(PolicyParser.parse(
                "{\"Version\":\"2012-10-17\",\"Statement\":[" + String.join(",", statements) + "]}", "indexed.json"));

        assertDecision(policies, user(5), "true", Outcome.ALLOW, "A5");
        assertDecision(policies, user(30), "true", Outcome.ALLOW, "A5");
        assertDecision(policies, user(19), "true", Outcome.ALLOW, "A19");
        assertDecision(policies, user(25), "true", Outcome.ALLOW, "Wild");
        assertDecision(policies, user(7), "false", Outcome.EXPLICIT_DENY, "D3");
        assertDecision(policies, user(7), "true", Outcome.ALLOW, "A7");
        assertDecision(policies, user(41), "true", Outcome.EXPLICIT_DENY, "D1");
        assertDecision(policies, user(43), "false", Outcome.EXPLICIT_DENY, "D3");
        assertDecision(policies, user(43), "true", Outcome.EXPLICIT_DENY, "LateWildDeny");
        assertDecision(policies, user(48), "true", Outcome.EXPLICIT_DENY, "D8");
        assertDecision(policies, ACCOUNT_USER + "x4", "true", Outcome.EXPLICIT_DENY, "NotRes");
        assertDecision(policies, "arn:aws:iam::123456789012:role/u5", "true", Outcome.EXPLICIT_DENY, "NotRes");
    }

    private static void assertDecision(PolicySet policies, String resource, String mfa, Outcome outcome, String sid) {
        Decision decision = policies.evaluate(RequestContext.builder()
                .principal(ACCOUNT_USER + "admin").action("iam:GetUser").resource(resource)
                .key("aws:MultiFactorAuthPresent", mfa).build());
        assertThat(decision.outcome()).as("%s with MFA %s", resource, mfa).isEqualTo(outcome);
        assertThat(decision.decidingStatement().flatMap(s -> s.sid())).as("%s with MFA %s", resource, mfa)
                .isEqualTo(Optional.of(sid));
    }

    private static String user(int k) {
        return ACCOUNT_USER + "u" + k;
    }

    private static String json(String... arns) {
        return "[\"" + String.join("\",\"", arns) + "\"]";
    }

    private static String statement(String sid, String effect, String resources, String rest) {
        return "{\"Sid\":\"" + sid + "\",\"Effect\":\"" + effect + "\",\"Action\":\"iam:GetUser\""
                + (resources.isEmpty() ? "" : ",\"Resource\":" + resources) + rest + "}";
    }
}
