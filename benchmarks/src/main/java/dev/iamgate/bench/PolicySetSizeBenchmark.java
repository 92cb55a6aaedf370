package dev.iamgate.bench;

import dev.iamgate.eval.Decision;
import dev.iamgate.eval.Outcome;
import dev.iamgate.eval.PolicySet;
import dev.iamgate.eval.RequestContext;
import dev.iamgate.policy.Policy;
import dev.iamgate.policy.PolicyParser;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * How one decision scales with the size of the policy set. The set has {@link #statements}
 * statements in policies of {@value #STATEMENTS_PER_POLICY}: half are per-user "own credentials"
 * statements ({@code user0} … each allowed the access-key and password actions on itself, one
 * action in four denied without MFA), half are unrelated statements of other services, each with
 * conditions. The decision is {@code iam:CreateAccessKey} by the user in the middle on its own
 * ARN, with MFA: Allow, found among the half of the set whose actions can match.
 *
 * <p>Deliberately a worst case for an action index: every own-credentials statement names IAM
 * actions, so the index narrows the set to about half, and what is left is matched on resource.
 * A real deployment would rather hold one {@code ${aws:username}} statement for every user.
 *
 * <p>The defaults warm up for 10 s: on the shared 2-core machine the JIT needs several seconds
 * before the larger call trees settle (see BENCHMARKS.md).
 *
 * <pre>java -jar benchmarks/target/benchmarks.jar PolicySetSizeBenchmark -prof gc</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 10, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class PolicySetSizeBenchmark {

    static final int STATEMENTS_PER_POLICY = 100;

    private static final String[][] OWN_ACTIONS = {
        {"iam:CreateAccessKey", "iam:DeleteAccessKey", "iam:ListAccessKeys", "iam:UpdateAccessKey"},
        {"iam:ChangePassword", "iam:GetUser"},
        {"iam:ListMFADevices", "iam:EnableMFADevice", "iam:ResyncMFADevice"},
    };

    private static final String[] OTHER_ACTIONS = {
        "s3:GetObject", "s3:PutObject", "ec2:StartInstances", "dynamodb:GetItem", "sqs:SendMessage", "kms:Decrypt"
    };

    @Param({"10", "100", "1000", "10000"})
    public int statements;

    private PolicySet policies;
    private RequestContext request;

    @Setup
    public void setUp() {
        List<String> generated = new ArrayList<>(statements);
        int users = (statements + 1) / 2;
        for (int i = 0; i < statements; i++) {
            generated.add(i % 2 == 0 ? ownCredentials(i / 2, i) : unrelated(i / 2, i));
        }
        List<Policy> documents = new ArrayList<>();
        for (int from = 0; from < generated.size(); from += STATEMENTS_PER_POLICY) {
            List<String> part = generated.subList(from, Math.min(generated.size(), from + STATEMENTS_PER_POLICY));
            String json = "{\"Version\":\"2012-10-17\",\"Statement\":[" + String.join(",", part) + "]}";
            documents.add(PolicyParser.parse(json, "generated-" + from / STATEMENTS_PER_POLICY + ".json"));
        }
        policies = PolicySet.ofIdentityPolicies(documents.toArray(Policy[]::new));
        if (policies.statementCount() != statements) {
            throw new IllegalStateException(policies.statementCount() + " statements, expected " + statements);
        }
        String user = "user" + middleUserAllowedToCreateKeys(users);
        request = RequestContext.builder()
                .principal(Fixtures.userArn(user))
                .action("iam:CreateAccessKey")
                .resource(Fixtures.userArn(user))
                .key("aws:username", user)
                .key("aws:MultiFactorAuthPresent", "true")
                .key("aws:SourceIp", "203.0.113.7")
                .key("aws:PrincipalTag/team", "platform")
                .build();
        Decision decision = policies.evaluate(request);
        if (decision.outcome() != Outcome.ALLOW) {
            throw new IllegalStateException(statements + " statements: " + decision);
        }
    }

    @Benchmark
    public Decision decideForUserInTheMiddle() {
        return policies.evaluate(request);
    }

    /** The user nearest below the middle whose own statement allows iam:CreateAccessKey. */
    private static int middleUserAllowedToCreateKeys(int users) {
        int user = users / 2;
        while (user % OWN_ACTIONS.length != 0 || user % 4 == 3) {
            user--;
        }
        return user;
    }

    /** Allows {@code user} some of its own credential actions; every fourth is instead a Deny without MFA. */
    private static String ownCredentials(int user, int index) {
        String[] actions = OWN_ACTIONS[user % OWN_ACTIONS.length];
        String resource = "\"arn:aws:iam::*:user/user" + user + "\"";
        if (user % 4 == 3) {
            return "{\"Sid\":\"S" + index + "\",\"Effect\":\"Deny\",\"Action\":" + array(actions)
                    + ",\"Resource\":" + resource
                    + ",\"Condition\":{\"BoolIfExists\":{\"aws:MultiFactorAuthPresent\":\"false\"}}}";
        }
        return "{\"Sid\":\"S" + index + "\",\"Effect\":\"Allow\",\"Action\":" + array(actions)
                + ",\"Resource\":" + resource + "}";
    }

    /** A statement about another service, with conditions on tags, source address and time. */
    private static String unrelated(int n, int index) {
        String action = OTHER_ACTIONS[n % OTHER_ACTIONS.length];
        String effect = n % 5 == 4 ? "Deny" : "Allow";
        return "{\"Sid\":\"S" + index + "\",\"Effect\":\"" + effect + "\",\"Action\":\"" + action + "\","
                + "\"Resource\":\"arn:aws:s3:::bucket-" + n + "/*\","
                + "\"Condition\":{\"StringEquals\":{\"aws:PrincipalTag/team\":\"team-" + n % 50 + "\"},"
                + "\"IpAddress\":{\"aws:SourceIp\":[\"10." + n % 250 + ".0.0/16\",\"192.0.2.0/24\"]},"
                + "\"DateLessThan\":{\"aws:CurrentTime\":\"2030-01-01T00:00:00Z\"}}}";
    }

    private static String array(String[] values) {
        return "[\"" + String.join("\",\"", values) + "\"]";
    }
}
