package dev.iamgate.example.soak;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iamgate.eval.PolicySet;
import dev.iamgate.eval.RequestContext;
import dev.iamgate.example.soak.SeedOracle.Principal;
import dev.iamgate.example.testing.TestApp;
import dev.iamgate.policy.PolicyParser;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The soak's oracle agrees with iamgate's evaluator on the demo's policies for every action they
 * name, on the caller's own user and device, another user's, and {@code *}, with MFA, with MFA
 * false and with MFA absent (an access key): two independent readings of the same policy text.
 */
class SeedOracleTest {

    private static final PolicySet SEED = PolicySet.ofIdentityPolicies(
            PolicyParser.parse(TestApp.resource("/seed/mfa-self-manage-policy.json"), "mfa-self-manage"));
    private static final PolicySet ADMIN = PolicySet.ofIdentityPolicies(
            PolicyParser.parse(TestApp.resource("/seed/administrator-access.json"), "AdministratorAccess"));

    @Test
    void theOracleDecidesAsTheEvaluatorForEveryActionResourceAndMfaState() {
        List<String> resources = List.of(SeedOracle.userArn("alice"), SeedOracle.userArn("bob"),
                SeedOracle.mfaArn("alice"), SeedOracle.mfaArn("bob"), "*");
        List<String> disagreements = new ArrayList<>();
        int compared = 0;
        for (String action : SeedOracle.actions()) {
            for (String resource : resources) {
                for (Optional<Boolean> mfa : List.of(Optional.of(true), Optional.of(false), Optional.<Boolean>empty())) {
                    compare(disagreements, Principal.seedUser("alice", mfa.orElse(false)), SEED, action, resource, mfa);
                    compare(disagreements, Principal.admin(), ADMIN, action, resource, mfa);
                    compared += 2;
                }
            }
        }
        assertThat(disagreements).isEmpty();
        assertThat(compared).isGreaterThan(300);
    }

    private static void compare(List<String> disagreements, Principal caller, PolicySet policies, String action,
            String resource, Optional<Boolean> mfa) {
        String oracle = SeedOracle.decide(caller, action, resource).wireName;
        String evaluator = policies.evaluate(context(caller.user(), action, resource, mfa)).outcome().wireName();
        if (!oracle.equals(evaluator)) {
            disagreements.add(caller.user() + ", MFA " + mfa + ": " + action + " on " + resource + ": oracle " + oracle
                    + ", evaluator " + evaluator);
        }
    }

    private static RequestContext context(String user, String action, String resource, Optional<Boolean> mfa) {
        RequestContext.Builder context = RequestContext.builder().principal(SeedOracle.userArn(user)).action(action)
                .resource(resource).key("aws:username", user);
        mfa.ifPresent(present -> context.key("aws:MultiFactorAuthPresent", present.toString()));
        return context.build();
    }
}
