package dev.iamgate.cli;

import dev.iamgate.eval.PolicySet;
import dev.iamgate.policy.Policy;
import dev.iamgate.policy.PolicyParseException;
import dev.iamgate.policy.PolicyParser;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.json.JsonFactory;

/**
 * Compiled policy sets keyed by the raw text of a case's {@code policies} object, least recently
 * used first out, so memory stays bounded while shared policies are compiled once. A text that does
 * not parse is remembered as its error. Single-threaded, like the command that owns it.
 */
final class PolicySetCache {

    private static final JsonFactory JSON = new JsonFactory();

    private final Map<String, Object> entries;

    PolicySetCache(int capacity) {
        this.entries = new LinkedHashMap<>(capacity * 2, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Object> eldest) {
                return size() > capacity;
            }
        };
    }

    /** The compiled set for a {@code policies} object; throws the parse error of a broken policy. */
    PolicySet get(String policiesText) {
        Object entry = entries.get(policiesText);
        if (entry == null) {
            try {
                entry = compile(policiesText);
            } catch (PolicyParseException | CaseEvaluator.CaseException e) {
                entry = e;
            }
            entries.put(policiesText, entry);
        }
        if (entry instanceof RuntimeException error) {
            throw error;
        }
        return (PolicySet) entry;
    }

    private static PolicySet compile(String policiesText) {
        PolicySet.Builder builder = PolicySet.builder();
        try (JsonParser parser = JSON.createParser(policiesText)) {
            parser.nextToken();
            while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
                String type = parser.currentName();
                parser.nextToken();
                switch (type) {
                    case "identity" -> builder.identity(readPolicies(parser, policiesText, type));
                    case "resource" -> builder.resource(readPolicies(parser, policiesText, type));
                    case "boundary" -> builder.permissionsBoundary(readPolicies(parser, policiesText, type));
                    case "session" -> builder.sessionPolicies(readPolicies(parser, policiesText, type));
                    case "scp" -> readLevels(parser, policiesText, type).forEach(builder::serviceControlLevel);
                    case "rcp" -> readLevels(parser, policiesText, type).forEach(builder::resourceControlLevel);
                    default -> throw new CaseEvaluator.CaseException("unknown policy type \"" + type
                            + "\" (expected identity, resource, boundary, scp, rcp or session)");
                }
            }
        }
        return builder.build();
    }

    /** SCPs and RCPs: a list of policies is one level; a list of lists gives one level per inner list. */
    private static List<List<Policy>> readLevels(JsonParser parser, String text, String type) {
        expectArray(parser, type);
        List<List<Policy>> levels = new ArrayList<>();
        List<Policy> flat = new ArrayList<>();
        int index = 0;
        JsonToken token;
        while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
            String name = type + "[" + index++ + "]";
            if (token == JsonToken.START_ARRAY) {
                levels.add(readPolicies(parser, text, name));
            } else {
                flat.add(readPolicy(parser, text, name));
            }
        }
        if (!flat.isEmpty()) {
            levels.add(0, flat);
        }
        return levels;
    }

    private static List<Policy> readPolicies(JsonParser parser, String text, String type) {
        expectArray(parser, type);
        List<Policy> policies = new ArrayList<>();
        int index = 0;
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            policies.add(readPolicy(parser, text, type + "[" + index++ + "]"));
        }
        return policies;
    }

    private static Policy readPolicy(JsonParser parser, String text, String name) {
        if (parser.currentToken() == JsonToken.VALUE_STRING) {
            // A policy document given as a JSON string, the way the IAM APIs carry them.
            return PolicyParser.parse(parser.getText(), name);
        }
        if (parser.currentToken() != JsonToken.START_OBJECT) {
            throw new CaseEvaluator.CaseException(name + ": a policy must be a JSON object");
        }
        int start = (int) parser.currentTokenLocation().getCharOffset();
        parser.skipChildren();
        int end = (int) parser.currentLocation().getCharOffset();
        return PolicyParser.parse(text.substring(start, end), name);
    }

    private static void expectArray(JsonParser parser, String type) {
        if (parser.currentToken() != JsonToken.START_ARRAY) {
            throw new CaseEvaluator.CaseException("policies." + type + " must be an array of policies");
        }
    }
}
