package dev.iamgate.cli;

import dev.iamgate.eval.PolicySet;
import dev.iamgate.eval.RequestContext;
import dev.iamgate.policy.PolicyParseException;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.io.JsonStringEncoder;
import tools.jackson.core.json.JsonFactory;

/**
 * Decides one conformance case (one JSON line) and writes its answer line. Policy sets are parsed
 * and compiled once per distinct {@code policies} text and reused while recently seen, since
 * batches of cases tend to share them.
 */
final class CaseEvaluator {

    private static final JsonFactory JSON = new JsonFactory();
    private static final JsonStringEncoder ENCODER = JsonStringEncoder.getInstance();

    private final PolicySetCache cache = new PolicySetCache(512);

    /** Appends {@code {"id":…,"decision":…}} or {@code {"id":…,"error":…}} (no newline). */
    void answer(String line, StringBuilder out) {
        String id = null;
        try {
            CaseParts parts = CaseParts.read(line);
            id = parts.id;
            if (parts.policiesText == null) {
                throw new CaseException("the case has no \"policies\" object");
            }
            if (parts.request == null) {
                throw new CaseException("the case has no \"request\" object");
            }
            PolicySet policies = cache.get(parts.policiesText);
            String decision = policies.evaluate(parts.request).outcome().wireName();
            appendStart(out, id).append(",\"decision\":\"").append(decision).append("\"}");
        } catch (CaseException | PolicyParseException e) {
            appendError(out, id, e.getMessage());
        } catch (JacksonException e) {
            appendError(out, id, "the line is not a valid case: " + e.getOriginalMessage());
        } catch (RuntimeException e) {
            appendError(out, id, "the case could not be evaluated: " + e);
        }
    }

    private static void appendError(StringBuilder out, String id, String message) {
        appendStart(out, id).append(",\"error\":\"");
        ENCODER.quoteAsString(message, out);
        out.append("\"}");
    }

    private static StringBuilder appendStart(StringBuilder out, String id) {
        out.append("{\"id\":");
        if (id == null) {
            out.append("null");
        } else {
            out.append('"');
            ENCODER.quoteAsString(id, out);
            out.append('"');
        }
        return out;
    }

    /** A case that cannot be answered, with a message naming what is wrong. */
    static final class CaseException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        CaseException(String message) {
            super(message);
        }
    }

    /** The parts of a case line this command needs; the policies are kept as raw text for caching. */
    private static final class CaseParts {
        String id;
        String policiesText;
        RequestContext request;

        static CaseParts read(String line) {
            CaseParts parts = new CaseParts();
            try (JsonParser parser = JSON.createParser(line)) {
                if (parser.nextToken() != JsonToken.START_OBJECT) {
                    throw new CaseException("a case must be a JSON object");
                }
                while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
                    String name = parser.currentName();
                    JsonToken value = parser.nextToken();
                    switch (name) {
                        case "id" -> parts.id = value.isScalarValue() ? parser.getText() : null;
                        case "policies" -> parts.policiesText = rawObject(parser, line, "policies");
                        case "request" -> parts.request = readRequest(parser);
                        default -> parser.skipChildren();
                    }
                }
            }
            return parts;
        }

        static String rawObject(JsonParser parser, String line, String what) {
            if (parser.currentToken() != JsonToken.START_OBJECT) {
                throw new CaseException("\"" + what + "\" must be a JSON object");
            }
            int start = (int) parser.currentTokenLocation().getCharOffset();
            parser.skipChildren();
            int end = (int) parser.currentLocation().getCharOffset();
            return line.substring(start, end);
        }

        static RequestContext readRequest(JsonParser parser) {
            if (parser.currentToken() != JsonToken.START_OBJECT) {
                throw new CaseException("\"request\" must be a JSON object");
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
                throw new CaseException("request.action is missing");
            }
            if (!hasResource) {
                throw new CaseException("request.resource is missing");
            }
            return request.build();
        }

        static void readContext(JsonParser parser, RequestContext.Builder request) {
            if (parser.currentToken() == JsonToken.VALUE_NULL) {
                return;
            }
            if (parser.currentToken() != JsonToken.START_OBJECT) {
                throw new CaseException("request.context must be a JSON object");
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
                throw new CaseException(where + " must be a string");
            }
            return parser.getText();
        }
    }
}
