package dev.iamgate.bench;

import dev.iamgate.eval.PolicySet;
import dev.iamgate.eval.RequestContext;
import dev.iamgate.policy.Policy;
import dev.iamgate.policy.PolicyParser;
import java.util.ArrayList;
import java.util.List;

/**
 * The generated policy set of {@link PolicySetSizeBenchmark} and {@link CompileBenchmark}: N
 * statements in policy documents of {@value #STATEMENTS_PER_POLICY}. Half are per-user "own
 * credentials" statements ({@code user0} … each allowed the access-key and password actions on
 * itself, one user in four instead denied them without MFA), half are unrelated statements of
 * other services, each with {@code StringEquals}, {@code IpAddress} and {@code DateLessThan}
 * conditions. Deterministic: the same N gives the same documents.
 */
final class GeneratedPolicySet {

    static final int STATEMENTS_PER_POLICY = 100;

    private static final String[][] OWN_ACTIONS = {
        {"iam:CreateAccessKey", "iam:DeleteAccessKey", "iam:ListAccessKeys", "iam:UpdateAccessKey"},
        {"iam:ChangePassword", "iam:GetUser"},
        {"iam:ListMFADevices", "iam:EnableMFADevice", "iam:ResyncMFADevice"},
    };

    private static final String[] OTHER_ACTIONS = {
        "s3:GetObject", "s3:PutObject", "ec2:StartInstances", "dynamodb:GetItem", "sqs:SendMessage", "kms:Decrypt"
    };

    private final int statements;
    private final List<String> documents;

    /** Generates the JSON of a set of {@code statements} statements. */
    GeneratedPolicySet(int statements) {
        if (statements < 1) {
            throw new IllegalArgumentException("statements must be positive: " + statements);
        }
        this.statements = statements;
        List<String> generated = new ArrayList<>(statements);
        for (int i = 0; i < statements; i++) {
            generated.add(i % 2 == 0 ? ownCredentials(i / 2, i) : unrelated(i / 2, i));
        }
        List<String> json = new ArrayList<>();
        for (int from = 0; from < statements; from += STATEMENTS_PER_POLICY) {
            List<String> part = generated.subList(from, Math.min(statements, from + STATEMENTS_PER_POLICY));
            json.add("{\"Version\":\"2012-10-17\",\"Statement\":[" + String.join(",", part) + "]}");
        }
        this.documents = List.copyOf(json);
    }

    /** The policy documents, as JSON text. */
    List<String> documents() {
        return documents;
    }

    /** The name of document {@code index}, as errors and decisions report it. */
    static String documentName(int index) {
        return "generated-" + index + ".json";
    }

    /** Parses every document and compiles them into one identity-based set: what a reload does. */
    PolicySet parseAndCompile() {
        Policy[] parsed = new Policy[documents.size()];
        for (int i = 0; i < parsed.length; i++) {
            parsed[i] = PolicyParser.parse(documents.get(i), documentName(i));
        }
        PolicySet policies = PolicySet.ofIdentityPolicies(parsed);
        if (policies.statementCount() != statements) {
            throw new IllegalStateException(policies.statementCount() + " statements, expected " + statements);
        }
        return policies;
    }

    /**
     * {@code iam:CreateAccessKey} by the user nearest below the middle whose own statement allows
     * it, on its own ARN, with MFA: Allow.
     */
    RequestContext userInTheMiddleCreatingItsOwnKey() {
        String user = "user" + middleUserAllowedToCreateKeys((statements + 1) / 2);
        return RequestContext.builder()
                .principal(Fixtures.userArn(user))
                .action("iam:CreateAccessKey")
                .resource(Fixtures.userArn(user))
                .key("aws:username", user)
                .key("aws:MultiFactorAuthPresent", "true")
                .key("aws:SourceIp", "203.0.113.7")
                .key("aws:PrincipalTag/team", "platform")
                .build();
    }

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
