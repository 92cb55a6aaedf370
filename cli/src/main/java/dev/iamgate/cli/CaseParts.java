package dev.iamgate.cli;

import dev.iamgate.eval.RequestContext;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.json.JsonFactory;

/**
 * The parts of a case line this command needs, read by the general reader: any JSON the contract
 * allows, with the error message for each way a line can be wrong. The policies are kept as raw
 * text for caching. {@link QuickCaseReader} handles the common shape faster and leaves everything
 * else to this class, whose answer is the reference.
 */
final class CaseParts {
    String id;
    String policiesText;
    RequestContext request;

    private static final JsonFactory JSON = new JsonFactory();

    static CaseParts read(String line) {
        CaseParts parts = new CaseParts();
        try (JsonParser parser = JSON.createParser(line)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new CaseEvaluator.CaseException("a case must be a JSON object");
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
            throw new CaseEvaluator.CaseException("\"" + what + "\" must be a JSON object");
        }
        int start = (int) parser.currentTokenLocation().getCharOffset();
        parser.skipChildren();
        int end = (int) parser.currentLocation().getCharOffset();
        return line.substring(start, end);
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
