package dev.iamgate.eval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iamgate.policy.PolicyParser;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A condition key written with an empty array of values ({@code "k": []}), as the IAM User Guide's
 * policy check reference states it: "The ForAnyValue prefix with an empty condition key never
 * matches the request context"; "The ForAllValues prefix with an empty condition key matches only
 * if the key is missing from the request context"; "The IfExists suffix with an empty condition
 * key matches only if the key is missing from the request context" — and IfExists, with the key
 * present, processes the key "as specified in the policy", so the plain operator is false too.
 * None of these sentences excepts the negated operators, for which "none of no values" would
 * otherwise be vacuously true.
 */
class EmptyConditionValuesTest {

    private static final String ALICE = "arn:aws:iam::123456789012:user/alice";
    private static final String KEY = "aws:TagKeys";

    private static Outcome decide(String operator, List<String> requestValues) {
        PolicySet set = PolicySet.ofIdentityPolicies(PolicyParser.parse("""
                {"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "iam:TagUser",
                 "Resource": "*", "Condition": {"%s": {"%s": []}}}}""".formatted(operator, KEY)));
        RequestContext.Builder request =
                RequestContext.builder().principal(ALICE).action("iam:TagUser").resource("*");
        if (requestValues != null) {
            request.key(KEY, requestValues);
        }
        return set.evaluate(request.build()).outcome();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "ForAnyValue:StringEquals", "ForAnyValue:StringNotEquals", "ForAnyValue:StringNotLike",
        "ForAnyValue:StringNotEqualsIgnoreCase", "ForAnyValue:StringNotEqualsIfExists"})
    void forAnyValueWithNoPolicyValuesNeverMatches(String operator) {
        assertThat(decide(operator, List.of("env"))).isEqualTo(Outcome.IMPLICIT_DENY);
        assertThat(decide(operator, List.of("env", "team"))).isEqualTo(Outcome.IMPLICIT_DENY);
        assertThat(decide(operator, null)).isEqualTo(Outcome.IMPLICIT_DENY);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "ForAllValues:StringEquals", "ForAllValues:StringNotEquals", "ForAllValues:StringNotLike",
        "ForAllValues:StringNotEqualsIgnoreCase", "ForAllValues:StringNotLikeIfExists"})
    void forAllValuesWithNoPolicyValuesMatchesOnlyAMissingKey(String operator) {
        assertThat(decide(operator, List.of("env"))).isEqualTo(Outcome.IMPLICIT_DENY);
        assertThat(decide(operator, List.of("env", "team"))).isEqualTo(Outcome.IMPLICIT_DENY);
        assertThat(decide(operator, null)).isEqualTo(Outcome.ALLOW);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "StringEqualsIfExists", "StringNotEqualsIfExists", "StringNotLikeIfExists",
        "StringNotEqualsIgnoreCaseIfExists"})
    void ifExistsWithNoPolicyValuesMatchesOnlyAMissingKey(String operator) {
        assertThat(decide(operator, List.of("env"))).isEqualTo(Outcome.IMPLICIT_DENY);
        assertThat(decide(operator, null)).isEqualTo(Outcome.ALLOW);
    }

    @ParameterizedTest
    @ValueSource(strings = {"StringEquals", "StringNotEquals", "StringNotLike", "StringNotEqualsIgnoreCase"})
    void aPlainOperatorWithNoPolicyValuesIsFalseForAPresentKey(String operator) {
        assertThat(decide(operator, List.of("env"))).isEqualTo(Outcome.IMPLICIT_DENY);
    }

    @Test
    void aPlainNegatedOperatorWithNoPolicyValuesKeepsTheMissingKeyRule() {
        // "If the policy condition requires that the key is not matched, such as StringNotLike or
        // ArnNotLike, and the right key is not present, the condition is true."
        assertThat(decide("StringNotEquals", null)).isEqualTo(Outcome.ALLOW);
        assertThat(decide("StringEquals", null)).isEqualTo(Outcome.IMPLICIT_DENY);
    }

    @Test
    void aVariableThatDoesNotResolveIsNotAnEmptyList() {
        // The brief (section 3): a value whose variable cannot be resolved matches nothing, so a
        // negated operator over it is true; only a list written empty follows the rules above.
        PolicySet set = PolicySet.ofIdentityPolicies(PolicyParser.parse("""
                {"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "iam:TagUser",
                 "Resource": "*", "Condition": {"StringNotEquals": {"aws:PrincipalTag/team": "${aws:username}"}}}}"""));
        RequestContext request = RequestContext.builder().principal(ALICE).action("iam:TagUser").resource("*")
                .key("aws:PrincipalTag/team", "red").build();
        assertThat(set.evaluate(request).outcome()).isEqualTo(Outcome.ALLOW);
    }
}
