package dev.iamgate.cli;

import dev.iamgate.eval.RequestContext;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.util.JsonRecyclerPools;

/**
 * The parts of a case line this command needs, read with Jackson's streaming parser: any JSON the
 * contract allows, with the error message for each way a line can be wrong. The {@code policies}
 * object is kept raw for caching: as text when read from a string, as a byte range when read from
 * the UTF-8 bytes of a batch (no decoding of the line, no tree, and its tokens not even read).
 */
final class CaseParts {
    String id;
    RequestContext request;
    /** The raw {@code policies} object of a line read from a string, or null. */
    String policiesText;
    /** The range {@code [policiesFrom, policiesTo)} of a line read from bytes; empty when absent. */
    int policiesFrom;
    int policiesTo;

    private static final JsonFactory JSON = new JsonFactory();
    /** Buffers recycled per thread: each thread answering batches reads its own lines. */
    private static final JsonFactory BYTES_JSON =
            JsonFactory.builder().recyclerPool(JsonRecyclerPools.threadLocalPool()).build();

    /** What a {@link PoliciesReader} says when the parser was moved past the policies object. */
    private static final int GO_ON = -1;

    /**
     * What stands for the members up to the end of the policies object: the rest of a case, from
     * there, then reads as an object of its own, in which every byte is where the case has it.
     */
    private static final byte[] RESUME = "{\"\":0".getBytes(StandardCharsets.US_ASCII);

    /** Says what became of the {@code policies} object the parser stands on. */
    private interface PoliciesReader {
        /** {@link #GO_ON} when the parser was moved past the object, else where the case goes on. */
        int read();
    }

    /**
     * Reads the case in {@code line} into these parts, which keep what was read before a failure:
     * the error then names the case's id.
     */
    void read(String line) {
        try (JsonParser parser = JSON.createParser(line)) {
            expectObject(parser);
            readMembers(parser, () -> {
                policiesText = line.substring(
                        (int) parser.currentTokenLocation().getCharOffset(), (int) skipToEnd(parser).getCharOffset());
                return GO_ON;
            });
            expectEnd(parser);
        }
    }

    /**
     * Reads the case at {@code bytes[from, to)} (UTF-8) without decoding the line as a whole. The
     * {@code policies} object, the bulk of a line, is not tokenized here: its extent is found by
     * {@link JsonExtent}, and the cache matches or compiles it on its own. The rest of the case is
     * read by a second parser, over the bytes after the object behind a stand-in member.
     */
    static CaseParts read(byte[] bytes, int from, int to) {
        if (!readsAsUtf8(bytes, from, to)) {
            throw new CaseEvaluator.CaseException("the line does not start as UTF-8 JSON does");
        }
        CaseParts parts = new CaseParts();
        int rest;
        try (JsonParser parser = BYTES_JSON.createParser(ObjectReadContext.empty(), bytes, from, to - from)) {
            expectObject(parser);
            rest = parts.readMembers(parser, () -> {
                // a parser over part of an array counts offsets from the part's start
                int start = from + (int) parser.currentTokenLocation().getByteOffset();
                int end = JsonExtent.objectEnd(bytes, start, to);
                if (end < 0 || !readsAsUtf8(bytes, start, end)) {
                    throw new CaseEvaluator.CaseException("the policies object does not end on its line");
                }
                parts.policiesFrom = start;
                parts.policiesTo = end;
                return end;
            });
            if (rest == GO_ON) {
                expectEnd(parser);
            }
        }
        if (rest != GO_ON) {
            byte[] after = new byte[RESUME.length + to - rest];
            System.arraycopy(RESUME, 0, after, 0, RESUME.length);
            System.arraycopy(bytes, rest, after, RESUME.length, to - rest);
            try (JsonParser parser = BYTES_JSON.createParser(ObjectReadContext.empty(), after)) {
                expectObject(parser);
                parser.nextToken(); // the stand-in member and its value
                parser.nextToken();
                parts.readMembers(parser, () -> {
                    // the last of several wins: the general reader finds which, in one pass
                    throw new CaseEvaluator.CaseException("more than one policies object");
                });
                expectEnd(parser);
            }
        }
        return parts;
    }

    /**
     * Whether Jackson reads these bytes as the general reader does, as UTF-8 without a byte-order
     * mark: it guesses a byte source's encoding from its first four bytes, where a NUL or a mark
     * makes it UTF-16 or UTF-32. JSON in UTF-8 has no NUL, so a line or object that starts with one
     * is wrong anyway, and the general reader words what is wrong with it.
     */
    static boolean readsAsUtf8(byte[] bytes, int from, int to) {
        int first = to > from ? bytes[from] & 0xFF : 0;
        if (first == 0xEF || first == 0xFE || first == 0xFF) {
            return false;
        }
        for (int i = from; i < Math.min(from + 4, to); i++) {
            if (bytes[i] == 0) {
                return false;
            }
        }
        return true;
    }

    boolean hasPoliciesRange() {
        return policiesTo > policiesFrom;
    }

    private static void expectObject(JsonParser parser) {
        if (parser.nextToken() != JsonToken.START_OBJECT) {
            throw new CaseEvaluator.CaseException("a case must be a JSON object");
        }
    }

    /**
     * Refuses a line that goes on after its case object: another case there would go unanswered,
     * and anything else makes the line something other than one JSON object.
     */
    private static void expectEnd(JsonParser parser) {
        if (parser.nextToken() != null) {
            throw new CaseEvaluator.CaseException("the line goes on after the case object (one case per line)");
        }
    }

    /**
     * Reads members up to the end of the case object ({@link #GO_ON}), or up to the offset where
     * the reader of the {@code policies} object says the case goes on.
     */
    private int readMembers(JsonParser parser, PoliciesReader policies) {
        while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
            String name = parser.currentName();
            JsonToken value = parser.nextToken();
            switch (name) {
                case "id" -> id = value.isScalarValue() ? parser.getText() : null;
                case "policies" -> {
                    if (value != JsonToken.START_OBJECT) {
                        throw new CaseEvaluator.CaseException("\"policies\" must be a JSON object");
                    }
                    int next = policies.read();
                    if (next != GO_ON) {
                        return next;
                    }
                }
                case "request" -> request = readRequest(parser);
                default -> parser.skipChildren();
            }
        }
        return GO_ON;
    }

    /** Skips the object the parser stands on; the location just past its end. */
    private static TokenStreamLocation skipToEnd(JsonParser parser) {
        parser.skipChildren();
        return parser.currentLocation();
    }

    static RequestContext readRequest(JsonParser parser) {
        if (parser.currentToken() != JsonToken.START_OBJECT) {
            throw new CaseEvaluator.CaseException("\"request\" must be a JSON object");
        }
        RequestContext.Builder request = RequestContext.builder();
        boolean hasAction = false;
        boolean hasResource = false;
        while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
            String name = parser.currentName();
            JsonToken value = parser.nextToken();
            switch (name) {
                case "principal" -> request.principal(text(parser, value, "request.principal"));
                case "action" -> {
                    request.action(text(parser, value, "request.action"));
                    hasAction = true;
                }
                case "resource" -> {
                    request.resource(text(parser, value, "request.resource"));
                    hasResource = true;
                }
                case "context" -> readContext(parser, request);
                default -> parser.skipChildren();
            }
        }
        if (!hasAction) {
            throw new CaseEvaluator.CaseException("request.action is missing");
        }
        if (!hasResource) {
            throw new CaseEvaluator.CaseException("request.resource is missing");
        }
        return request.build();
    }

    static void readContext(JsonParser parser, RequestContext.Builder request) {
        if (parser.currentToken() == JsonToken.VALUE_NULL) {
            return;
        }
        if (parser.currentToken() != JsonToken.START_OBJECT) {
            throw new CaseEvaluator.CaseException("request.context must be a JSON object");
        }
        while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
            String key = parser.currentName();
            JsonToken value = parser.nextToken();
            if (value == JsonToken.START_ARRAY) {
                List<String> values = new ArrayList<>();
                JsonToken element;
                while ((element = parser.nextToken()) != JsonToken.END_ARRAY) {
                    values.add(text(parser, element, "request.context." + key));
                }
                request.key(key, values);
            } else if (value != JsonToken.VALUE_NULL) {
                request.key(key, text(parser, value, "request.context." + key));
            }
        }
    }

    static String text(JsonParser parser, JsonToken token, String where) {
        if (token == null || !token.isScalarValue() || token == JsonToken.VALUE_NULL) {
            throw new CaseEvaluator.CaseException(where + " must be a string");
        }
        return parser.getText();
    }
}
