package dev.iamgate.properties;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iamgate.eval.PolicySet;
import dev.iamgate.policy.Policy;
import dev.iamgate.properties.Cases.Cond;
import dev.iamgate.properties.Cases.Doc;
import dev.iamgate.properties.Cases.Req;
import dev.iamgate.properties.Cases.Stmt;
import dev.iamgate.properties.Cases.Value;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The matchers one at a time, where the decision logic cannot hide a mismatch: an action pattern
 * (with {@code Resource: *}), a resource pattern (with {@code Action: *}) and a condition (with
 * both {@code *}) each decide on their own, held to {@link ReferenceEvaluator}. Patterns are built
 * from random pieces (wildcards, colons, variables, escapes, malformed {@code ${}, stretches long
 * enough for multi-word automata), and condition values include text that no family can read.
 */
class MatchingPropertiesTest {

    private static final String REQUEST_KEY = "k:Probe";

    /** One policy value set to test, and several requests. */
    record Probe(String version, String action, String resource, Cond condition, List<Req> requests) {
        boolean variables() {
            return version.equals("2012-10-17");
        }

        Policy policy(String actionPattern, String resourcePattern, List<Cond> conditions) {
            return new Doc(version, List.of(new Stmt(Optional.empty(), true, false, List.of(actionPattern), false,
                    List.of(resourcePattern), conditions, false))).parse("probe");
        }

        String show() {
            return "version " + version + ", Action " + Cases.quote(action) + ", Resource " + Cases.quote(resource)
                    + ", Condition " + condition.operator() + " " + condition.values().stream().map(Value::json)
                            .collect(Collectors.joining(",", "[", "]"))
                    + "\nrequests:\n" + requests.stream().map(Req::toString).collect(Collectors.joining("\n"));
        }

        List<Probe> shrinks() {
            List<Probe> out = new ArrayList<>();
            if (requests.size() > 1) {
                requests.forEach(r -> out.add(new Probe(version, action, resource, condition, List.of(r))));
            }
            for (int v = 0; condition.values().size() > 1 && v < condition.values().size(); v++) {
                Cond fewer = new Cond(condition.operator(), condition.key(), Cases.without(condition.values(), v), true);
                out.add(new Probe(version, action, resource, fewer, requests));
            }
            if (requests.size() == 1) {
                Cases.shrinks(requests.get(0)).forEach(r -> out.add(new Probe(version, action, resource, condition, List.of(r))));
            }
            return out;
        }
    }

    private static final List<String> OPERATORS = List.of("StringEquals", "StringNotEquals", "StringEqualsIgnoreCase",
            "StringNotEqualsIgnoreCase", "StringLike", "StringNotLike", "NumericEquals", "NumericNotEquals",
            "NumericLessThan", "NumericLessThanEquals", "NumericGreaterThan", "NumericGreaterThanEquals", "DateEquals",
            "DateNotEquals", "DateLessThan", "DateLessThanEquals", "DateGreaterThan", "DateGreaterThanEquals", "Bool",
            "IpAddress", "NotIpAddress", "ArnLike", "ArnEquals", "ArnNotLike", "ArnNotEquals", "Null");

    /** Text some family cannot read, or reads only by an edge of its syntax. */
    private static final List<String> ODD_VALUES = List.of("abc", "", "1e3", "10.0.0.256", "2024-13-01", " 5", "0x10",
            "1.", ".5", "-0", "+0", "2024-02-30", "2024-06-15T24:00:00Z", "2024-06-15t12:00:00z",
            "2024-06-15T12:00:00+0200", "2024-06-15 12:00:00Z", "2024-06-15T12:00:00.123Z", "010.0.0.1", "10.0.0.1/33",
            "10.0.0.1/08", "::", "::1", "1::2::3", "2001:db8::/129", "::ffff:10.0.0.1", "1:2:3:4:5:6:7:8",
            "1:2:3:4:5:6:7:8:9", "NaN", "Infinity", "TRUE", "yes", "00", "99999999999999999999",
            "0.000000000000000000001", "-3600", "3600.000", "1E2", "1.5E+2", "2024-06-15T12:00:60Z", "1718452800.5",
            "-1718452800", "2024-06-15T12:00:00-00:00", "arn:aws:iam::1:user/a", "arn:aws:iam::1", "*", "arn:*:*:*:*:*");

    static Probe generate(Random random) {
        String base = Generators.pick(random, OPERATORS);
        String qualifier = base.equals("Null") || random.nextInt(4) > 0 ? "" : random.nextBoolean() ? "ForAllValues:" : "ForAnyValue:";
        String operator = qualifier + base + (!base.equals("Null") && random.nextInt(4) == 0 ? "IfExists" : "");
        List<Value> values = new ArrayList<>();
        for (int n = 1 + random.nextInt(3); n > 0; n--) {
            values.add(Value.of(policyValue(random, base)));
        }
        Cond condition = new Cond(operator, Generators.keyVariant(random, REQUEST_KEY), values, true);
        List<Req> requests = new ArrayList<>();
        for (int k = 0; k < 5; k++) {
            Map<String, List<String>> keys = new LinkedHashMap<>();
            List<String> probeValues = new ArrayList<>();
            for (int n = random.nextInt(4); n > 0; n--) {
                probeValues.add(requestValue(random, base));
            }
            if (!probeValues.isEmpty()) {
                keys.put(REQUEST_KEY, probeValues);
            }
            if (random.nextInt(3) > 0) {
                keys.put(Generators.keyVariant(random, "aws:username"), List.of(Generators.randomLikeValue(random)));
            }
            String action = random.nextBoolean() ? Generators.caseVariant(random, Generators.pick(random, Generators.ACTIONS))
                    : Generators.randomActionPattern(random).replace('*', 'x').replace('?', 'y');
            requests.add(new Req("", action, Generators.randomResource(random), keys));
        }
        String version = random.nextInt(5) == 0 ? "2008-10-17" : "2012-10-17";
        return new Probe(version, Generators.randomActionPattern(random), Generators.randomResourcePattern(random), condition,
                requests);
    }

    private static String policyValue(Random random, String base) {
        int r = random.nextInt(6);
        if (r == 0) {
            return Generators.pick(random, ODD_VALUES);
        }
        if (r == 1) {
            return Generators.condValue(random);
        }
        if (base.startsWith("Arn")) {
            return Generators.randomResourcePattern(random);
        }
        return base.startsWith("String") ? Generators.randomLikePattern(random) : Generators.condValue(random);
    }

    private static String requestValue(Random random, String base) {
        int r = random.nextInt(6);
        if (r == 0) {
            return Generators.pick(random, ODD_VALUES);
        }
        if (r == 1) {
            return Generators.condRequestValue(random);
        }
        if (base.startsWith("Arn")) {
            return Generators.randomResource(random);
        }
        return base.startsWith("String") ? Generators.randomLikeValue(random) : Generators.condRequestValue(random);
    }

    @Test
    void actionResourceAndConditionMatchersDecideAsTheSemanticsBrief() {
        PropertyRunner.forAll("matchers", 5000, MatchingPropertiesTest::generate, Probe::shrinks, Probe::show, p -> {
            Policy byAction = p.policy(p.action(), "*", List.of());
            Policy byResource = p.policy("*", p.resource(), List.of());
            Policy byCondition = p.policy("*", "*", List.of(p.condition()));
            PolicySet actionSet = PolicySet.ofIdentityPolicies(byAction);
            PolicySet resourceSet = PolicySet.ofIdentityPolicies(byResource);
            PolicySet conditionSet = PolicySet.ofIdentityPolicies(byCondition);
            for (Req request : p.requests()) {
                ReferenceEvaluator.Request reference = request.reference();
                assertThat(actionSet.evaluate(request.context()).isAllowed())
                        .as("action pattern %s on %s", p.action(), request.action())
                        .isEqualTo(ReferenceEvaluator.actionMatches(byAction.statements().get(0), request.action()));
                assertThat(resourceSet.evaluate(request.context()).isAllowed())
                        .as("resource pattern %s on %s", p.resource(), request)
                        .isEqualTo(ReferenceEvaluator.resourceMatches(byResource.statements().get(0), reference, p.variables()));
                assertThat(conditionSet.evaluate(request.context()).isAllowed())
                        .as("condition on %s", request)
                        .isEqualTo(ReferenceConditions.holds(byCondition.statements().get(0).conditions().get(0), reference,
                                p.variables()));
            }
        });
    }
}
