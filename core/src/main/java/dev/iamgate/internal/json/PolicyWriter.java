package dev.iamgate.internal.json;

import dev.iamgate.policy.Condition;
import dev.iamgate.policy.ConditionOperator;
import dev.iamgate.policy.Policy;
import dev.iamgate.policy.PolicyVersion;
import dev.iamgate.policy.PrincipalElement;
import dev.iamgate.policy.PrincipalId;
import dev.iamgate.policy.PrincipalType;
import dev.iamgate.policy.Statement;
import dev.iamgate.policy.TextValue;

import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.json.JsonFactory;

import java.io.StringWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a {@link Policy} back as a policy document in one canonical form: compact JSON, elements
 * in a fixed order (Version, Id, Statement; Sid, Effect, Principal, Action, Resource, Condition),
 * {@code Statement} always an array, a list of one value as a plain string. Condition values are
 * written as strings, since the model keeps numbers and booleans as their text and compares text.
 *
 * <p>Whatever {@link dev.iamgate.policy.PolicyParser} returns, this writes a document that parses
 * back to the same policy, source locations aside; the fuzz tests hold it to that. Thread-safe.
 */
public final class PolicyWriter {

    private static final JsonFactory JSON = JsonFactory.builder().build();

    private PolicyWriter() {}

    /**
     * The policy as a canonical JSON document.
     *
     * @throws IllegalArgumentException for a model no document can produce: a bare {@code *}
     *     principal listed together with other principals
     */
    public static String write(Policy policy) {
        StringWriter text = new StringWriter();
        try (JsonGenerator g = JSON.createGenerator(ObjectWriteContext.empty(), text)) {
            g.writeStartObject();
            if (policy.version() != PolicyVersion.UNSPECIFIED) {
                g.writeStringProperty("Version", policy.version().jsonName());
            }
            if (policy.id().isPresent()) {
                g.writeStringProperty("Id", policy.id().get());
            }
            g.writeName("Statement");
            g.writeStartArray();
            for (Statement statement : policy.statements()) {
                statement(g, statement);
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        return text.toString();
    }

    private static void statement(JsonGenerator g, Statement statement) {
        g.writeStartObject();
        if (statement.sid().isPresent()) {
            g.writeStringProperty("Sid", statement.sid().get());
        }
        g.writeStringProperty("Effect", statement.effect().jsonName());
        if (statement.principal().isPresent()) {
            principal(g, statement.principal().get());
        }
        g.writeName(statement.action().elementName());
        texts(g, statement.action().patterns());
        if (statement.resource().isPresent()) {
            g.writeName(statement.resource().get().elementName());
            texts(g, statement.resource().get().patterns());
        }
        if (!statement.conditions().isEmpty()) {
            conditions(g, statement.conditions());
        }
        g.writeEndObject();
    }

    private static void principal(JsonGenerator g, PrincipalElement element) {
        g.writeName(element.elementName());
        List<PrincipalId> principals = element.principals();
        boolean anyone = principals.stream().anyMatch(p -> p.type() == PrincipalType.ANYONE);
        if (anyone) {
            if (principals.size() != 1) {
                throw new IllegalArgumentException(
                        "a bare \"*\" principal cannot be listed with others in " + element.elementName());
            }
            g.writeString(principals.get(0).value().text());
            return;
        }
        // The parser lists each type's principals together, in the order of the map's keys.
        Map<PrincipalType, List<TextValue>> byType = new LinkedHashMap<>();
        for (PrincipalId principal : principals) {
            byType.computeIfAbsent(principal.type(), type -> new ArrayList<>()).add(principal.value());
        }
        g.writeStartObject();
        for (Map.Entry<PrincipalType, List<TextValue>> entry : byType.entrySet()) {
            g.writeName(entry.getKey().jsonName());
            texts(g, entry.getValue());
        }
        g.writeEndObject();
    }

    private static void conditions(JsonGenerator g, List<Condition> conditions) {
        // One entry per operator and key in the model; the document groups keys under their operator.
        Map<ConditionOperator, List<Condition>> byOperator = new LinkedHashMap<>();
        for (Condition condition : conditions) {
            byOperator.computeIfAbsent(condition.operator(), operator -> new ArrayList<>()).add(condition);
        }
        g.writeName("Condition");
        g.writeStartObject();
        for (Map.Entry<ConditionOperator, List<Condition>> entry : byOperator.entrySet()) {
            g.writeName(entry.getKey().jsonName());
            g.writeStartObject();
            for (Condition condition : entry.getValue()) {
                g.writeName(condition.key().text());
                texts(g, condition.values());
            }
            g.writeEndObject();
        }
        g.writeEndObject();
    }

    /** One value as a string, any other number of them (none included) as an array. */
    private static void texts(JsonGenerator g, List<TextValue> values) {
        if (values.size() == 1) {
            g.writeString(values.get(0).text());
            return;
        }
        g.writeStartArray();
        for (TextValue value : values) {
            g.writeString(value.text());
        }
        g.writeEndArray();
    }
}
