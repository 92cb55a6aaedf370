package dev.iamgate.bench;

import dev.iamgate.eval.PolicySet;
import dev.iamgate.eval.RequestContext;
import dev.iamgate.policy.Policy;
import dev.iamgate.policy.PolicyParser;
import java.util.ArrayList;
import java.util.List;

/**
 * "A user manages only their own credentials" as N rules, one per user, resource and action, to
 * be written in each engine's own language for {@link PeerBenchmark}: user {@code userK} may take
 * the credential action of its rule on {@code arn:aws:iam::123456789012:user/userK}, nothing else.
 * Users get {@value #ACTIONS_PER_USER} rules each. The request compared is a user in the middle
 * creating an access key for itself (allowed); {@link #deniedCases()} must be refused by every
 * engine.
 *
 * <p>Each engine gets the same rules, each as one line, statement or policy: iamgate one statement
 * per rule ({@code Resource} the user's ARN, a {@code StringEquals} condition on {@code
 * aws:username} for the subject, in documents of 100); jCasbin one policy line {@code p, userK,
 * arn, action} under the matcher {@code r.sub == p.sub && keyMatch(r.obj, p.obj) && r.act ==
 * p.act}; Cedar one {@code permit} per rule, with principal, action and resource in its scope.
 * The ARNs are exact (no wildcard), so the three mean the same.
 */
final class PeerRules {

    static final int ACTIONS_PER_USER = 2;

    private static final String[] ACTIONS = {"iam:CreateAccessKey", "iam:DeleteAccessKey"};

    /** A request, in the terms all three engines share. */
    record Case(String user, String action, String resource) {}

    private final int rules;

    PeerRules(int rules) {
        if (rules < ACTIONS_PER_USER) {
            throw new IllegalArgumentException("at least " + ACTIONS_PER_USER + " rules: " + rules);
        }
        this.rules = rules;
    }

    int size() {
        return rules;
    }

    /** The user in the middle creating an access key for itself: every engine must allow it. */
    Case allowedCase() {
        String user = user(rules / ACTIONS_PER_USER / 2);
        return new Case(user, ACTIONS[0], Fixtures.userArn(user));
    }

    /** The same user on its neighbour's ARN, and with an action no rule grants: every engine must deny. */
    List<Case> deniedCases() {
        int middle = rules / ACTIONS_PER_USER / 2;
        String user = user(middle);
        String neighbour = user(middle == 0 ? 1 : middle - 1);
        return List.of(new Case(user, ACTIONS[0], Fixtures.userArn(neighbour)),
                new Case(user, "iam:DeleteUser", Fixtures.userArn(user)));
    }

    /** The rules as iamgate statements, compiled into one identity-based set. */
    PolicySet iamgatePolicies() {
        List<Policy> documents = new ArrayList<>();
        StringBuilder statements = new StringBuilder();
        for (int i = 0; i < rules; i++) {
            String user = user(i / ACTIONS_PER_USER);
            if (statements.length() > 0) {
                statements.append(',');
            }
            statements.append("{\"Effect\":\"Allow\",\"Action\":\"").append(ACTIONS[i % ACTIONS_PER_USER])
                    .append("\",\"Resource\":\"").append(Fixtures.userArn(user))
                    .append("\",\"Condition\":{\"StringEquals\":{\"aws:username\":\"").append(user).append("\"}}}");
            if ((i + 1) % GeneratedPolicySet.STATEMENTS_PER_POLICY == 0 || i == rules - 1) {
                String json = "{\"Version\":\"2012-10-17\",\"Statement\":[" + statements + "]}";
                documents.add(PolicyParser.parse(json, "peer-rules-" + documents.size() + ".json"));
                statements.setLength(0);
            }
        }
        return PolicySet.ofIdentityPolicies(documents.toArray(Policy[]::new));
    }

    /** An iamgate request for a case. */
    static RequestContext iamgateRequest(Case request) {
        return RequestContext.builder()
                .principal(Fixtures.userArn(request.user()))
                .action(request.action())
                .resource(request.resource())
                .key("aws:username", request.user())
                .build();
    }

    /** The rules as jCasbin policy lines: subject, object, action. */
    List<List<String>> casbinLines() {
        List<List<String>> lines = new ArrayList<>(rules);
        for (int i = 0; i < rules; i++) {
            String user = user(i / ACTIONS_PER_USER);
            lines.add(List.of(user, Fixtures.userArn(user), ACTIONS[i % ACTIONS_PER_USER]));
        }
        return lines;
    }

    /** The jCasbin model the lines are enforced under. */
    static String casbinModel() {
        return String.join("\n",
                "[request_definition]", "r = sub, obj, act",
                "[policy_definition]", "p = sub, obj, act",
                "[policy_effect]", "e = some(where (p.eft == allow))",
                "[matchers]", "m = r.sub == p.sub && keyMatch(r.obj, p.obj) && r.act == p.act");
    }

    /** The rules as Cedar policies, one {@code permit} each. */
    String cedarPolicies() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < rules; i++) {
            String user = user(i / ACTIONS_PER_USER);
            text.append("permit(principal == User::\"").append(user)
                    .append("\", action == Action::\"").append(ACTIONS[i % ACTIONS_PER_USER])
                    .append("\", resource == Resource::\"").append(Fixtures.userArn(user)).append("\");\n");
        }
        return text.toString();
    }

    private static String user(int index) {
        return "user" + index;
    }
}
