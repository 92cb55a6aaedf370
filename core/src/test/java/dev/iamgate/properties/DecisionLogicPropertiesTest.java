package dev.iamgate.properties;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iamgate.eval.Decision;
import dev.iamgate.eval.Explanation;
import dev.iamgate.eval.Outcome;
import dev.iamgate.eval.PolicySet;
import dev.iamgate.eval.PolicyType;
import dev.iamgate.eval.RequestContext;
import dev.iamgate.eval.StatementRef;
import dev.iamgate.eval.StatementTrace;
import dev.iamgate.policy.Effect;
import dev.iamgate.policy.Policy;
import dev.iamgate.policy.Statement;
import dev.iamgate.properties.Cases.Cond;
import dev.iamgate.properties.Cases.Doc;
import dev.iamgate.properties.Cases.Docs;
import dev.iamgate.properties.Cases.Req;
import dev.iamgate.properties.Cases.Stmt;
import dev.iamgate.properties.ReferenceEvaluator.Layers;
import dev.iamgate.properties.ReferenceEvaluator.Verdict;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Properties of the decision logic (issue 7), each named after the rule it checks, over random
 * small policy sets and requests from {@link Generators}. The compiled {@link PolicySet} is held
 * to {@link ReferenceEvaluator}, a restatement of the semantics brief, and to rules that must hold
 * whatever the policies say. See {@link PropertyRunner} for seeds, scaling and shrinking.
 */
class DecisionLogicPropertiesTest {

    /** How many requests each generated policy set is asked. */
    private static final int REQUESTS_PER_SET = 8;

    /** A policy set and several requests to put to it. */
    record Case(Docs docs, List<Req> requests) {
        String show() {
            return "policies: " + docs.json() + "\nrequests:\n" + requests.stream().map(Req::toString)
                    .collect(Collectors.joining("\n"));
        }

        List<Case> shrinks() {
            List<Case> out = new ArrayList<>();
            if (requests.size() > 1) {
                requests.forEach(r -> out.add(new Case(docs, List.of(r))));
            }
            docs.shrinks().forEach(d -> out.add(new Case(d, requests)));
            if (requests.size() == 1) {
                Cases.shrinks(requests.get(0)).forEach(r -> out.add(new Case(docs, List.of(r))));
            }
            return out;
        }
    }

    static Case generateCase(Random random) {
        List<Req> requests = new ArrayList<>();
        for (int i = 0; i < REQUESTS_PER_SET; i++) {
            requests.add(Generators.request(random));
        }
        return new Case(Generators.docs(random), requests);
    }

    // ---- (a) ----

    @Test
    void compiledPolicySetDecidesAsTheSemanticsBrief() {
        PropertyRunner.forAll("reference", 2500, DecisionLogicPropertiesTest::generateCase, Case::shrinks, Case::show, c -> {
            PolicySet set = c.docs().policySet();
            Layers layers = c.docs().layers();
            for (Req request : c.requests()) {
                Decision decision = set.evaluate(request.context());
                Verdict expected = ReferenceEvaluator.decide(layers, request.reference());
                assertThat(decision.outcome()).as("outcome of %s", request).isEqualTo(expected.outcome());
                assertThat(expected.decidingTypes()).as("deciding policy type of %s", request).contains(decision.decidingType());
            }
        });
    }

    // ---- (b) ----

    /** A case, a Deny statement, and which policy gets it (an index over every policy of the set). */
    record WithStatement(Case base, Stmt statement, int slot) {
        String show() {
            return base.show() + "\nstatement added to policy #" + slot + ": "
                    + new Doc("2012-10-17", List.of(statement)).json();
        }

        List<WithStatement> shrinks() {
            List<WithStatement> out = new ArrayList<>();
            base.shrinks().forEach(b -> out.add(new WithStatement(b, statement, slot)));
            Cases.shrinks(statement).forEach(s -> out.add(new WithStatement(base, s, slot)));
            return out;
        }

        /** The set with the statement appended to policy {@code slot}, counted over identity, boundary, SCPs. */
        Docs added() {
            return insert(base.docs(), statement, slot);
        }
    }

    static WithStatement generateWithDeny(Random random) {
        Stmt deny = Generators.statement(random);
        deny = new Stmt(deny.sid(), false, deny.notAction(), deny.actions(), deny.notResource(), deny.resources(),
                deny.conditions(), deny.list());
        return new WithStatement(generateCase(random), deny, random.nextInt(8));
    }

    /** Checked strictly: with one more Deny statement the decision stays what it was or becomes an explicit deny. */
    @Test
    void anAddedDenyNeverTurnsADenialIntoAnAllowNorLiftsAnExplicitDeny() {
        PropertyRunner.forAll("added-deny", 500, DecisionLogicPropertiesTest::generateWithDeny, WithStatement::shrinks,
                WithStatement::show, c -> {
                    PolicySet before = c.base().docs().policySet();
                    PolicySet after = c.added().policySet();
                    for (Req request : c.base().requests()) {
                        Outcome was = before.evaluate(request.context()).outcome();
                        Outcome is = after.evaluate(request.context()).outcome();
                        assertThat(is).as("%s: was %s", request, was).isIn(was, Outcome.EXPLICIT_DENY);
                    }
                });
    }

    // ---- (c) ----

    /** A case and which Allow statement to remove (an index over the removable ones). */
    record WithoutAllow(Case base, int which) {
        String show() {
            return base.show() + "\nremoving removable Allow #" + which;
        }

        List<WithoutAllow> shrinks() {
            return base.shrinks().stream().map(b -> new WithoutAllow(b, which)).toList();
        }
    }

    /**
     * The set without one Allow statement, or empty when no policy has an Allow besides another
     * statement (a policy cannot be left empty, and dropping a whole boundary would widen it).
     */
    static Optional<Docs> withoutAllow(Docs docs, int which) {
        List<int[]> removable = new ArrayList<>();
        List<Doc> all = allPolicies(docs);
        for (int p = 0; p < all.size(); p++) {
            List<Stmt> statements = all.get(p).statements();
            for (int s = 0; s < statements.size() && statements.size() > 1; s++) {
                if (statements.get(s).allow()) {
                    removable.add(new int[] {p, s});
                }
            }
        }
        if (removable.isEmpty()) {
            return Optional.empty();
        }
        int[] target = removable.get(which % removable.size());
        AtomicInteger index = new AtomicInteger();
        return Optional.of(docs.map(doc -> index.getAndIncrement() == target[0]
                ? doc.withStatements(Cases.without(doc.statements(), target[1])) : doc));
    }

    @Test
    void aRemovedAllowNeverTurnsADenialIntoAnAllow() {
        PropertyRunner.forAll("removed-allow", 500, r -> new WithoutAllow(generateCase(r), r.nextInt(16)),
                WithoutAllow::shrinks, WithoutAllow::show, c -> {
                    Optional<Docs> fewer = withoutAllow(c.base().docs(), c.which());
                    if (fewer.isEmpty()) {
                        return;
                    }
                    PolicySet before = c.base().docs().policySet();
                    PolicySet after = fewer.get().policySet();
                    for (Req request : c.base().requests()) {
                        Outcome was = before.evaluate(request.context()).outcome();
                        Outcome is = after.evaluate(request.context()).outcome();
                        if (was != Outcome.ALLOW) {
                            assertThat(is).as("%s", request).isEqualTo(was);
                        }
                    }
                });
    }

    // ---- (d) ----

    record Shuffled(Case base, long seed) {
        String show() {
            return base.show() + "\nshuffled with seed " + seed + ": " + shuffled().json();
        }

        List<Shuffled> shrinks() {
            return base.shrinks().stream().map(b -> new Shuffled(b, seed)).toList();
        }

        Docs shuffled() {
            Random random = new Random(seed);
            Function<Doc, Doc> shuffleStatements = doc -> {
                List<Stmt> statements = new ArrayList<>(doc.statements());
                Collections.shuffle(statements, random);
                return doc.withStatements(statements);
            };
            Docs docs = base.docs().map(shuffleStatements::apply);
            List<Doc> identity = new ArrayList<>(docs.identity());
            Collections.shuffle(identity, random);
            Optional<List<Doc>> scp = docs.scpLevel().map(level -> {
                List<Doc> copy = new ArrayList<>(level);
                Collections.shuffle(copy, random);
                return copy;
            });
            return new Docs(identity, docs.boundary(), scp);
        }
    }

    @Test
    void theDecisionDoesNotDependOnTheOrderOfStatementsOrPolicies() {
        PropertyRunner.forAll("order", 500, r -> new Shuffled(generateCase(r), r.nextLong()), Shuffled::shrinks,
                Shuffled::show, c -> {
                    PolicySet original = c.base().docs().policySet();
                    PolicySet shuffled = c.shuffled().policySet();
                    for (Req request : c.base().requests()) {
                        Decision was = original.evaluate(request.context());
                        Decision is = shuffled.evaluate(request.context());
                        assertThat(is.outcome()).as("outcome of %s", request).isEqualTo(was.outcome());
                        assertThat(is.decidingType()).as("deciding type of %s", request).isEqualTo(was.decidingType());
                    }
                });
    }

    // ---- (e) ----

    /** Every action requests may name, in three spellings. */
    private static final List<String> ACTION_UNIVERSE = Generators.ACTIONS.stream()
            .flatMap(a -> java.util.stream.Stream.of(a, a.toLowerCase(Locale.ROOT), a.toUpperCase(Locale.ROOT)))
            .toList();

    @Test
    void notActionEqualsActionOverTheComplement() {
        PropertyRunner.forAll("not-action", 250, r -> {
            Stmt s = Generators.statement(r);
            return new WithStatement(generateCase(r), s.withActions(true, s.actions()), r.nextInt(8));
        }, WithStatement::shrinks, WithStatement::show, c -> {
            List<String> listed = c.statement().actions();
            // Which actions the listed patterns cover, asked of the evaluator itself.
            PolicySet probe = PolicySet.ofIdentityPolicies(new Doc("2012-10-17", List.of(
                    new Stmt(Optional.empty(), true, false, listed, false, List.of("*"), List.of(), true))).parse("probe"));
            List<String> complement = Generators.ACTIONS.stream()
                    .filter(a -> !probe.evaluate(RequestContext.builder().action(a).resource("*").build()).isAllowed())
                    .toList();
            Stmt asAction = c.statement().withActions(false, complement.isEmpty() ? List.of("none:Nothing") : complement);
            PolicySet withNotAction = c.added().policySet();
            PolicySet withAction = insert(c.base().docs(), asAction, c.slot()).policySet();
            Req request = c.base().requests().get(0);
            for (String action : ACTION_UNIVERSE) {
                RequestContext context = request.withAction(action).context();
                assertThat(withAction.evaluate(context).outcome())
                        .as("%s with NotAction %s vs Action %s", action, listed, complement)
                        .isEqualTo(withNotAction.evaluate(context).outcome());
            }
        });
    }

    // ---- (f) ----

    private static final Pattern USERNAME = Pattern.compile("\\$\\{aws:username(?:, '([^']*)')?}", Pattern.CASE_INSENSITIVE);

    private static final AtomicInteger SUBSTITUTED = new AtomicInteger();

    /**
     * The set with every {@code ${aws:username}} (with or without default) replaced by what it
     * resolves to for the request, where variables are substituted: resource parts of
     * Resource/NotResource and String/Arn condition values of 2012-10-17 policies. Empty when a
     * reference cannot be resolved, or the set has none.
     */
    static Optional<Docs> substituted(Docs docs, Req request) {
        List<String> values = request.reference().values("aws:username");
        String user = values.size() == 1 ? values.get(0) : null;
        if (user != null && user.chars().anyMatch(c -> "*?${}".indexOf(c) >= 0)) {
            return Optional.empty(); // written in, these would be wildcards or variable syntax
        }
        boolean[] unresolvable = {false};
        boolean[] found = {false};
        Function<String, String> substitute = text -> {
            Matcher m = USERNAME.matcher(text);
            StringBuilder out = new StringBuilder();
            while (m.find()) {
                found[0] = true;
                String value = user != null ? user : m.group(1);
                if (value == null) {
                    unresolvable[0] = true;
                    value = "";
                }
                m.appendReplacement(out, Matcher.quoteReplacement(value));
            }
            return m.appendTail(out).toString();
        };
        Docs result = docs.map(doc -> !doc.version().equals("2012-10-17") ? doc : doc.withStatements(doc.statements().stream()
                .map(s -> s.withResources(s.resources().stream().map(substitute).toList())
                        .withConditions(s.conditions().stream()
                                .map(cond -> substitutesIn(cond)
                                        ? new Cond(cond.operator(), cond.key(), cond.values().stream()
                                                .map(v -> new Cases.Value(substitute.apply(v.text()), v.bare())).toList(),
                                                cond.list())
                                        : cond)
                                .toList()))
                .toList()));
        return !found[0] || unresolvable[0] ? Optional.empty() : Optional.of(result);
    }

    private static boolean substitutesIn(Cond condition) {
        String base = condition.operator().replaceFirst("^For(All|Any)Values?:", "");
        return base.startsWith("String") || base.startsWith("Arn");
    }

    @Test
    void aSubstitutedPolicyVariableEqualsItsValueWrittenIn() {
        SUBSTITUTED.set(0);
        PropertyRunner.forAll("variables", 600, DecisionLogicPropertiesTest::generateCase, Case::shrinks, Case::show, c -> {
            PolicySet original = c.docs().policySet();
            for (Req request : c.requests()) {
                Optional<Docs> literal = substituted(c.docs(), request);
                if (literal.isEmpty()) {
                    continue;
                }
                SUBSTITUTED.incrementAndGet();
                Decision was = original.evaluate(request.context());
                Decision is = literal.get().policySet().evaluate(request.context());
                assertThat(is.outcome()).as("%s with the name written in: %s", request, literal.get().json())
                        .isEqualTo(was.outcome());
            }
        });
        assertThat(SUBSTITUTED.get()).as("requests where a variable was written in").isGreaterThan(500);
    }

    // ---- (g) ----

    @Test
    void explainDecidesAsEvaluateAndItsDecidingStatementsApply() {
        PropertyRunner.forAll("explain", 500, DecisionLogicPropertiesTest::generateCase, Case::shrinks, Case::show, c -> {
            PolicySet set = c.docs().policySet();
            Layers layers = c.docs().layers();
            for (Req request : c.requests()) {
                Decision evaluated = set.evaluate(request.context());
                Decision explained = set.explain(request.context());
                assertThat(explained.outcome()).as("outcome of %s", request).isEqualTo(evaluated.outcome());
                assertThat(explained.decidingType()).as("deciding type of %s", request).isEqualTo(evaluated.decidingType());
                assertThat(explained.decidingStatement()).as("deciding statement of %s", request)
                        .isEqualTo(evaluated.decidingStatement());
                Explanation why = explained.explanation().orElseThrow();
                assertThat(why.decidingType()).isEqualTo(evaluated.decidingType());
                ReferenceEvaluator.Request reference = request.reference();
                if (evaluated.outcome() == Outcome.IMPLICIT_DENY) {
                    assertThat(why.deciding()).as("deciding statements of %s", request).isEmpty();
                } else {
                    Effect effect = evaluated.outcome() == Outcome.ALLOW ? Effect.ALLOW : Effect.DENY;
                    assertThat(why.deciding()).as("deciding statements of %s", request)
                            .contains(evaluated.decidingStatement().orElseThrow());
                    for (StatementRef ref : why.deciding()) {
                        assertThat(ref.effect()).isEqualTo(effect);
                        assertThat(ref.policyType()).isEqualTo(evaluated.decidingType());
                        assertThat(ReferenceEvaluator.applies(policy(layers, ref), statement(layers, ref), reference))
                                .as("%s applies to %s", ref, request).isTrue();
                    }
                }
                // Every statement whose action matches is traced, with the reference's verdicts.
                long actionMatches = countActionMatches(layers, reference);
                assertThat(why.considered()).as("statements considered for %s", request).hasSize((int) actionMatches);
                for (StatementTrace trace : why.considered()) {
                    Policy policy = policy(layers, trace.statement());
                    Statement statement = statement(layers, trace.statement());
                    boolean variables = policy.version().supportsVariables();
                    assertThat(ReferenceEvaluator.actionMatches(statement, reference.action())).isTrue();
                    assertThat(trace.resourceMatched()).as("resource of %s for %s", trace.statement(), request)
                            .isEqualTo(ReferenceEvaluator.resourceMatches(statement, reference, variables));
                    for (var condition : trace.conditions()) {
                        assertThat(condition.satisfied())
                                .as("%s of %s for %s", ReferenceEvaluator.describe(condition.condition()), trace.statement(), request)
                                .isEqualTo(ReferenceConditions.holds(condition.condition(), reference, variables));
                    }
                    assertThat(trace.applies()).as("%s applies to %s", trace.statement(), request)
                            .isEqualTo(ReferenceEvaluator.applies(policy, statement, reference));
                }
            }
        });
    }

    private static long countActionMatches(Layers layers, ReferenceEvaluator.Request request) {
        long count = 0;
        for (PolicyType type : List.of(PolicyType.IDENTITY, PolicyType.PERMISSIONS_BOUNDARY, PolicyType.SERVICE_CONTROL)) {
            for (Policy policy : layers.of(type)) {
                count += policy.statements().stream().filter(s -> ReferenceEvaluator.actionMatches(s, request.action())).count();
            }
        }
        return count;
    }

    private static Policy policy(Layers layers, StatementRef ref) {
        return layers.of(ref.policyType()).get(ref.policyIndex());
    }

    private static Statement statement(Layers layers, StatementRef ref) {
        return policy(layers, ref).statements().get(ref.statementIndex());
    }

    // ---- helpers ----

    /** Identity policies, then the boundary, then the SCPs: the order {@link #insert} counts in. */
    static List<Doc> allPolicies(Docs docs) {
        List<Doc> all = new ArrayList<>(docs.identity());
        docs.boundary().ifPresent(all::add);
        docs.scpLevel().ifPresent(all::addAll);
        return all;
    }

    /** The set with {@code statement} appended to policy {@code slot} (modulo their number); a new identity policy if there is none. */
    static Docs insert(Docs docs, Stmt statement, int slot) {
        int count = allPolicies(docs).size();
        if (count == 0) {
            return new Docs(List.of(new Doc("2012-10-17", List.of(statement))), docs.boundary(), docs.scpLevel());
        }
        int target = slot % count;
        AtomicInteger index = new AtomicInteger();
        return docs.map(doc -> {
            if (index.getAndIncrement() != target) {
                return doc;
            }
            List<Stmt> statements = new ArrayList<>(doc.statements());
            statements.add(statement.sid().isPresent() ? statement.withSid(Optional.of("Added")) : statement);
            return doc.withStatements(statements);
        });
    }
}
