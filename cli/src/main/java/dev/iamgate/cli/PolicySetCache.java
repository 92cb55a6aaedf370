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
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.util.JsonRecyclerPools;

/**
 * Compiled policy sets keyed by the raw text of a case's {@code policies} object, as a string or
 * as UTF-8 bytes, least recently used first out, so memory stays bounded while shared policies are
 * compiled once (a byte text twice: it is kept from its second compile on). A text that does not
 * parse is remembered as its error. Not thread-safe: each thread that evaluates cases has its own.
 */
final class PolicySetCache {

    /** Buffers recycled per thread, as every thread evaluating cases has its own cache. */
    private static final JsonFactory JSON = JsonFactory.builder().recyclerPool(JsonRecyclerPools.threadLocalPool()).build();

    private final Map<String, Object> entries;
    private final Map<ByteRange, PolicySet> compiled;
    /** Hashes of the byte texts compiled lately, one per slot; a power of two long. */
    private final int[] recentHashes = new int[4096];

    PolicySetCache(int capacity) {
        this.entries = lru(capacity);
        this.compiled = lru(capacity);
    }

    private static <K, V> Map<K, V> lru(int capacity) {
        return new LinkedHashMap<>(capacity * 2, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
                return size() > capacity;
            }
        };
    }

    /** The compiled set for a {@code policies} object; throws the parse error of a broken policy. */
    PolicySet get(String policiesText) {
        Object entry = entries.get(policiesText);
        if (entry == null) {
            try (JsonParser parser = JSON.createParser(policiesText)) {
                entry = compile(parser, (p, name) -> {
                    int start = (int) p.currentTokenLocation().getCharOffset();
                    p.skipChildren();
                    int end = (int) p.currentLocation().getCharOffset();
                    return PolicyParser.parse(policiesText.substring(start, end), name);
                });
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

    /**
     * The compiled set for the {@code policies} object at {@code bytes[from, to)} (UTF-8), the same
     * set {@link #get(String)} gives for its text. Throws when it does not compile, and remembers
     * only sets that do: the caller then answers through {@link #get(String)}, which words the error.
     */
    PolicySet get(byte[] bytes, int from, int to) {
        ByteRange key = new ByteRange(bytes, from, to);
        PolicySet set = compiled.get(key);
        if (set == null) {
            set = compile(bytes, from, to);
            if (seenBefore(key.hashCode())) {
                compiled.put(key.copy(), set);
            }
        }
        return set;
    }

    /**
     * Whether a text of this hash was compiled recently, remembering it now. Only such texts are
     * kept: a case that brings a policy of its own would otherwise copy its bytes and push a
     * shared set out of the cache for nothing. A text seen twice is kept at its second compile.
     */
    private boolean seenBefore(int hash) {
        int slot = hash & (recentHashes.length - 1);
        boolean seen = recentHashes[slot] == hash;
        recentHashes[slot] = hash;
        return seen;
    }

    private static PolicySet compile(byte[] bytes, int from, int to) {
        try (JsonParser parser = JSON.createParser(ObjectReadContext.empty(), bytes, from, to - from)) {
            // each policy straight from the tokens of this parser: no second pass, no decoding
            PolicySet set = compile(parser, PolicyParser::parse);
            if (parser.nextToken() != null) {
                throw new CaseEvaluator.CaseException("content after the policies object");
            }
            return set;
        }
    }

    /** Reads a policy object, the parser standing on its start, and leaves the parser on its end. */
    private interface ObjectPolicy {
        Policy read(JsonParser parser, String name);
    }

    private static PolicySet compile(JsonParser parser, ObjectPolicy objectPolicy) {
        PolicySet.Builder builder = PolicySet.builder();
        parser.nextToken();
        while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
            String type = parser.currentName();
            parser.nextToken();
            switch (type) {
                case "identity" -> builder.identity(readPolicies(parser, objectPolicy, type));
                case "resource" -> builder.resource(readPolicies(parser, objectPolicy, type));
                case "boundary" -> builder.permissionsBoundary(readPolicies(parser, objectPolicy, type));
                case "session" -> builder.sessionPolicies(readPolicies(parser, objectPolicy, type));
                case "scp" -> readLevels(parser, objectPolicy, type).forEach(builder::serviceControlLevel);
                case "rcp" -> readLevels(parser, objectPolicy, type).forEach(builder::resourceControlLevel);
                default -> throw new CaseEvaluator.CaseException("unknown policy type \"" + type
                        + "\" (expected identity, resource, boundary, scp, rcp or session)");
            }
        }
        return builder.build();
    }

    /** SCPs and RCPs: a list of policies is one level; a list of lists gives one level per inner list. */
    private static List<List<Policy>> readLevels(JsonParser parser, ObjectPolicy objectPolicy, String type) {
        expectArray(parser, type);
        List<List<Policy>> levels = new ArrayList<>();
        List<Policy> flat = new ArrayList<>();
        int index = 0;
        JsonToken token;
        while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
            String name = type + "[" + index++ + "]";
            if (token == JsonToken.START_ARRAY) {
                levels.add(readPolicies(parser, objectPolicy, name));
            } else {
                flat.add(readPolicy(parser, objectPolicy, name));
            }
        }
        if (!flat.isEmpty()) {
            levels.add(0, flat);
        }
        return levels;
    }

    private static List<Policy> readPolicies(JsonParser parser, ObjectPolicy objectPolicy, String type) {
        expectArray(parser, type);
        List<Policy> policies = new ArrayList<>();
        int index = 0;
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            policies.add(readPolicy(parser, objectPolicy, type + "[" + index++ + "]"));
        }
        return policies;
    }

    private static Policy readPolicy(JsonParser parser, ObjectPolicy objectPolicy, String name) {
        if (parser.currentToken() == JsonToken.VALUE_STRING) {
            // A policy document given as a JSON string, the way the IAM APIs carry them.
            return PolicyParser.parse(parser.getText(), name);
        }
        if (parser.currentToken() != JsonToken.START_OBJECT) {
            throw new CaseEvaluator.CaseException(name + ": a policy must be a JSON object");
        }
        return objectPolicy.read(parser, name);
    }

    private static void expectArray(JsonParser parser, String type) {
        if (parser.currentToken() != JsonToken.START_ARRAY) {
            throw new CaseEvaluator.CaseException("policies." + type + " must be an array of policies");
        }
    }
}
