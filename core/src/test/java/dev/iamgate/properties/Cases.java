package dev.iamgate.properties;

import dev.iamgate.eval.PolicySet;
import dev.iamgate.eval.RequestContext;
import dev.iamgate.policy.Policy;
import dev.iamgate.policy.PolicyParser;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * Generated test cases as plain data: policies that are rendered to JSON text and parsed with
 * {@link PolicyParser} (so the parser is exercised too), and requests. Each record can list its
 * one-step simplifications, which {@link PropertyRunner} uses to shrink a failing case.
 */
final class Cases {

    private Cases() {}

    /** A condition value: a JSON string, or (when {@code bare}) the same text as a JSON boolean or number. */
    record Value(String text, boolean bare) {
        static Value of(String text) {
            return new Value(text, false);
        }

        String json() {
            return bare ? text : quote(text);
        }
    }

    /** One operator and key of a Condition block; {@code list} writes the values as an array. */
    record Cond(String operator, String key, List<Value> values, boolean list) {
        Cond {
            values = List.copyOf(values);
        }
    }

    /** One statement. Action/Resource are written as a bare string when {@code list} is false and there is one. */
    record Stmt(Optional<String> sid, boolean allow, boolean notAction, List<String> actions, boolean notResource,
            List<String> resources, List<Cond> conditions, boolean list) {
        Stmt {
            actions = List.copyOf(actions);
            resources = List.copyOf(resources);
            conditions = List.copyOf(conditions);
        }

        Stmt withActions(boolean negated, List<String> patterns) {
            return new Stmt(sid, allow, negated, patterns, notResource, resources, conditions, list);
        }

        Stmt withResources(List<String> patterns) {
            return new Stmt(sid, allow, notAction, actions, notResource, patterns, conditions, list);
        }

        Stmt withConditions(List<Cond> newConditions) {
            return new Stmt(sid, allow, notAction, actions, notResource, resources, newConditions, list);
        }

        Stmt withSid(Optional<String> newSid) {
            return new Stmt(newSid, allow, notAction, actions, notResource, resources, conditions, list);
        }
    }

    /** One policy document; {@code version} empty means no Version element. */
    record Doc(String version, List<Stmt> statements) {
        Doc {
            statements = List.copyOf(statements);
        }

        Doc withStatements(List<Stmt> newStatements) {
            return new Doc(version, newStatements);
        }

        String json() {
            StringBuilder out = new StringBuilder("{");
            if (!version.isEmpty()) {
                out.append("\"Version\":").append(quote(version)).append(',');
            }
            out.append("\"Statement\":[");
            for (int i = 0; i < statements.size(); i++) {
                out.append(i > 0 ? "," : "").append(json(statements.get(i)));
            }
            return out.append("]}").toString();
        }

        private static String json(Stmt s) {
            StringBuilder out = new StringBuilder("{");
            s.sid().ifPresent(sid -> out.append("\"Sid\":").append(quote(sid)).append(','));
            out.append("\"Effect\":").append(quote(s.allow() ? "Allow" : "Deny"));
            out.append(",\"").append(s.notAction() ? "NotAction" : "Action").append("\":").append(strings(s.actions(), s.list()));
            out.append(",\"").append(s.notResource() ? "NotResource" : "Resource").append("\":")
                    .append(strings(s.resources(), s.list()));
            if (!s.conditions().isEmpty()) {
                // One JSON member per operator (an operator cannot repeat), its keys inside.
                Map<String, List<Cond>> byOperator = s.conditions().stream()
                        .collect(Collectors.groupingBy(Cond::operator, LinkedHashMap::new, Collectors.toList()));
                out.append(",\"Condition\":{");
                boolean firstOperator = true;
                for (Map.Entry<String, List<Cond>> entry : byOperator.entrySet()) {
                    out.append(firstOperator ? "" : ",").append(quote(entry.getKey())).append(":{");
                    firstOperator = false;
                    boolean firstKey = true;
                    for (Cond c : entry.getValue()) {
                        out.append(firstKey ? "" : ",").append(quote(c.key())).append(':');
                        firstKey = false;
                        if (c.values().size() == 1 && !c.list()) {
                            out.append(c.values().get(0).json());
                        } else {
                            out.append(c.values().stream().map(Value::json).collect(Collectors.joining(",", "[", "]")));
                        }
                    }
                    out.append('}');
                }
                out.append('}');
            }
            return out.append('}').toString();
        }

        private static String strings(List<String> values, boolean list) {
            if (values.size() == 1 && !list) {
                return quote(values.get(0));
            }
            return values.stream().map(Cases::quote).collect(Collectors.joining(",", "[", "]"));
        }

        Policy parse(String name) {
            return PolicyParser.parse(json(), name);
        }
    }

    /** A request; key order is kept, names are unique ignoring case. */
    record Req(String principal, String action, String resource, Map<String, List<String>> keys) {
        Req {
            keys = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(keys));
        }

        Req withAction(String newAction) {
            return new Req(principal, newAction, resource, keys);
        }

        RequestContext context() {
            RequestContext.Builder builder = RequestContext.builder().principal(principal).action(action).resource(resource);
            keys.forEach(builder::key);
            return builder.build();
        }

        ReferenceEvaluator.Request reference() {
            return new ReferenceEvaluator.Request(principal, action, resource, keys);
        }

        @Override
        public String toString() {
            return "{\"principal\":" + quote(principal) + ",\"action\":" + quote(action) + ",\"resource\":" + quote(resource)
                    + ",\"context\":" + keys.entrySet().stream()
                            .map(e -> quote(e.getKey()) + ":" + (e.getValue().size() == 1 ? quote(e.getValue().get(0))
                                    : e.getValue().stream().map(Cases::quote).collect(Collectors.joining(",", "[", "]"))))
                            .collect(Collectors.joining(",", "{", "}"))
                    + "}";
        }
    }

    /** The policies of one evaluation: identity, an optional boundary, an optional SCP level. */
    record Docs(List<Doc> identity, Optional<Doc> boundary, Optional<List<Doc>> scpLevel) {
        Docs {
            identity = List.copyOf(identity);
            scpLevel = scpLevel.map(List::copyOf);
        }

        PolicySet policySet() {
            PolicySet.Builder builder = PolicySet.builder().identity(parseAll(identity, "identity"));
            boundary.ifPresent(b -> builder.permissionsBoundary(b.parse("boundary")));
            scpLevel.ifPresent(level -> builder.serviceControlLevel(parseAll(level, "scp")));
            return builder.build();
        }

        ReferenceEvaluator.Layers layers() {
            return new ReferenceEvaluator.Layers(parseAll(identity, "identity"),
                    boundary.map(b -> List.of(b.parse("boundary"))).orElse(List.of()),
                    scpLevel.map(level -> List.of(parseAll(level, "scp"))).orElse(List.of()));
        }

        /** Every policy of every kind, to rewrite them all the same way. */
        Docs map(UnaryOperator<Doc> f) {
            return new Docs(identity.stream().map(f).toList(), boundary.map(f), scpLevel.map(l -> l.stream().map(f).toList()));
        }

        private static List<Policy> parseAll(List<Doc> docs, String kind) {
            List<Policy> policies = new ArrayList<>();
            for (int i = 0; i < docs.size(); i++) {
                policies.add(docs.get(i).parse(kind + i));
            }
            return policies;
        }

        /** One-step simplifications, biggest first. */
        List<Docs> shrinks() {
            List<Docs> out = new ArrayList<>();
            boundary.ifPresent(b -> out.add(new Docs(identity, Optional.empty(), scpLevel)));
            scpLevel.ifPresent(l -> out.add(new Docs(identity, boundary, Optional.empty())));
            for (int i = 0; i < identity.size(); i++) {
                out.add(new Docs(without(identity, i), boundary, scpLevel));
            }
            if (scpLevel.isPresent() && scpLevel.get().size() > 1) {
                for (int i = 0; i < scpLevel.get().size(); i++) {
                    out.add(new Docs(identity, boundary, Optional.of(without(scpLevel.get(), i))));
                }
            }
            for (int i = 0; i < identity.size(); i++) {
                int at = i;
                for (Doc smaller : Cases.shrinks(identity.get(i))) {
                    out.add(new Docs(replaced(identity, at, smaller), boundary, scpLevel));
                }
            }
            boundary.ifPresent(b -> Cases.shrinks(b).forEach(smaller -> out.add(new Docs(identity, Optional.of(smaller), scpLevel))));
            scpLevel.ifPresent(level -> {
                for (int i = 0; i < level.size(); i++) {
                    int at = i;
                    for (Doc smaller : Cases.shrinks(level.get(i))) {
                        out.add(new Docs(identity, boundary, Optional.of(replaced(level, at, smaller))));
                    }
                }
            });
            return out;
        }

        String json() {
            return "{\"identity\":" + identity.stream().map(Doc::json).collect(Collectors.joining(",", "[", "]"))
                    + boundary.map(b -> ",\"boundary\":[" + b.json() + "]").orElse("")
                    + scpLevel.map(l -> ",\"scp\":" + l.stream().map(Doc::json).collect(Collectors.joining(",", "[", "]")))
                            .orElse("")
                    + "}";
        }
    }

    /** Simplifications of a policy: fewer statements (never none), then simpler statements. */
    static List<Doc> shrinks(Doc doc) {
        List<Doc> out = new ArrayList<>();
        if (doc.statements().size() > 1) {
            for (int i = 0; i < doc.statements().size(); i++) {
                out.add(doc.withStatements(without(doc.statements(), i)));
            }
        }
        for (int i = 0; i < doc.statements().size(); i++) {
            for (Stmt smaller : shrinks(doc.statements().get(i))) {
                out.add(doc.withStatements(replaced(doc.statements(), i, smaller)));
            }
        }
        return out;
    }

    static List<Stmt> shrinks(Stmt s) {
        List<Stmt> out = new ArrayList<>();
        for (int i = 0; i < s.conditions().size(); i++) {
            out.add(s.withConditions(without(s.conditions(), i)));
        }
        if (s.actions().size() > 1) {
            for (int i = 0; i < s.actions().size(); i++) {
                out.add(s.withActions(s.notAction(), without(s.actions(), i)));
            }
        }
        if (s.resources().size() > 1) {
            for (int i = 0; i < s.resources().size(); i++) {
                out.add(s.withResources(without(s.resources(), i)));
            }
        }
        for (int i = 0; i < s.conditions().size(); i++) {
            Cond c = s.conditions().get(i);
            for (int v = 0; c.values().size() > 1 && v < c.values().size(); v++) {
                out.add(s.withConditions(replaced(s.conditions(), i, new Cond(c.operator(), c.key(), without(c.values(), v), c.list()))));
            }
        }
        return out;
    }

    static List<Req> shrinks(Req r) {
        List<Req> out = new ArrayList<>();
        for (String key : r.keys().keySet()) {
            Map<String, List<String>> fewer = new LinkedHashMap<>(r.keys());
            fewer.remove(key);
            out.add(new Req(r.principal(), r.action(), r.resource(), fewer));
        }
        r.keys().forEach((key, values) -> {
            for (int v = 0; values.size() > 1 && v < values.size(); v++) {
                Map<String, List<String>> fewer = new LinkedHashMap<>(r.keys());
                fewer.put(key, without(values, v));
                out.add(new Req(r.principal(), r.action(), r.resource(), fewer));
            }
        });
        return out;
    }

    static <T> List<T> without(List<T> list, int index) {
        List<T> copy = new ArrayList<>(list);
        copy.remove(index);
        return copy;
    }

    static <T> List<T> replaced(List<T> list, int index, T value) {
        List<T> copy = new ArrayList<>(list);
        copy.set(index, value);
        return copy;
    }

    static String quote(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
