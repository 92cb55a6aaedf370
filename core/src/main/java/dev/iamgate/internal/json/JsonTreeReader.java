package dev.iamgate.internal.json;

import dev.iamgate.internal.json.JsonValue.JsonArray;
import dev.iamgate.internal.json.JsonValue.JsonObject;
import dev.iamgate.internal.json.JsonValue.JsonScalar;
import dev.iamgate.internal.json.JsonValue.Member;
import dev.iamgate.internal.json.JsonValue.ScalarKind;
import dev.iamgate.policy.PolicyParseException;
import dev.iamgate.policy.PolicyProblem;
import dev.iamgate.policy.SourceLocation;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.JacksonIOException;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.exc.UnexpectedEndOfInputException;

import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads one JSON document from a Jackson token stream into a {@link JsonValue} tree, enforcing what
 * Jackson leaves to us: unique member names, a nesting limit with an exact location, a single root
 * value, and well-formed UTF-16 in strings. Every failure becomes a {@link PolicyParseException}.
 */
final class JsonTreeReader {

    /** Past this many members, duplicate detection switches from a scan to a hash set. */
    private static final int LINEAR_DUPLICATE_SCAN = 8;

    /** The pointer of the root value: the whole document. */
    private static final SourceLocation DOCUMENT = new SourceLocation("", 0, 0);

    private static final String TRUNCATED = "the document ends before its JSON is complete";

    /**
     * The member names of the policy grammar, one string each for every document: a policy of one
     * statement needs no table of its own.
     */
    private static final Map<String, String> GRAMMAR = itself("Version", "Id", "Statement", "Sid", "Effect",
            "Action", "NotAction", "Resource", "NotResource", "Principal", "NotPrincipal", "Condition", "AWS",
            "Service", "Federated", "CanonicalUser");

    private final JsonParser parser;
    private final Problems problems;
    private final int maxDepth;
    /**
     * One string for each other member name of the document (condition operators and keys):
     * locations keep names as their pointers' tokens, and a parser may make a new string for every
     * occurrence. Made when first needed.
     */
    private Map<String, String> names;

    private JsonTreeReader(JsonParser parser, Problems problems, int maxDepth) {
        this.parser = parser;
        this.problems = problems;
        this.maxDepth = maxDepth;
    }

    /**
     * Reads the document's single root value and closes the parser.
     *
     * @throws PolicyParseException for anything that is not one well-formed JSON value
     * @throws UncheckedIOException when the underlying reader fails
     */
    static JsonValue read(JsonParser parser, Problems problems, int maxDepth) {
        return new JsonTreeReader(parser, problems, maxDepth).document();
    }

    /**
     * Reads the value that begins at the parser's current token, part of a larger JSON text, and
     * leaves the parser on the value's last token, open. Locations are those of the larger text.
     *
     * @throws PolicyParseException for anything that is not one well-formed JSON value
     * @throws UncheckedIOException when the underlying reader fails
     */
    static JsonValue readEmbedded(JsonParser parser, Problems problems, int maxDepth) {
        JsonTreeReader reader = new JsonTreeReader(parser, problems, maxDepth);
        try {
            JsonToken first = parser.currentToken();
            if (first == null) {
                throw problems.at(reader.here(), PolicyProblem.JSON_SYNTAX, "the document is empty");
            }
            return reader.value(first, reader.tokenLocation(DOCUMENT), 1);
        } catch (StreamConstraintsException e) {
            // the caller's parser, with the caller's limits, not the document's
            throw problems.at(
                    reader.syntaxLocation(e), PolicyProblem.DOCUMENT_TOO_LARGE, String.valueOf(e.getOriginalMessage()), e);
        } catch (JacksonException e) {
            throw reader.failure(e);
        }
    }

    private JsonValue document() {
        try {
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw problems.at(here(), PolicyProblem.JSON_SYNTAX, "the document is empty");
            }
            JsonValue root = value(first, tokenLocation(DOCUMENT), 1);
            if (parser.nextToken() != null) {
                throw problems.at(
                        tokenLocation(DOCUMENT),
                        PolicyProblem.JSON_SYNTAX,
                        "unexpected content after the end of the document");
            }
            return root;
        } catch (JacksonException e) {
            throw failure(e);
        } finally {
            close();
        }
    }

    /** What a failure of the token stream means for the document. */
    private RuntimeException failure(JacksonException e) {
        if (e instanceof JacksonIOException io) {
            return new UncheckedIOException(io.getCause());
        }
        if (e instanceof StreamConstraintsException) {
            // nesting is checked before Jackson's own limit, so only the document length is left
            return problems.at(
                    new SourceLocation("", 1, 1),
                    PolicyProblem.DOCUMENT_TOO_LARGE,
                    "the document is longer than the limit of "
                            + parser.streamReadConstraints().getMaxDocumentLength()
                            + " characters",
                    e);
        }
        return problems.at(syntaxLocation(e), PolicyProblem.JSON_SYNTAX, syntaxDetail(e), e);
    }

    /** Releases the parser's buffers; the input is the caller's, so nothing of value can fail. */
    private void close() {
        try {
            parser.close();
        } catch (JacksonException e) {
            // the document has been read or rejected already; there is nothing left to report
        }
    }

    /** The value whose first token is the current one, {@code token}, which stands at {@code location}. */
    private JsonValue value(JsonToken token, SourceLocation location, int depth) {
        return switch (token) {
            case START_OBJECT -> object(location, depth);
            case START_ARRAY -> array(location, depth);
            case VALUE_STRING -> string(location);
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT ->
                    new JsonScalar(ScalarKind.NUMBER, parser.getText(), location);
            case VALUE_TRUE, VALUE_FALSE ->
                    new JsonScalar(ScalarKind.BOOLEAN, parser.getText(), location);
            case VALUE_NULL -> new JsonScalar(ScalarKind.NULL, "null", location);
            // the JSON parser produces no other token where a value is expected
            default ->
                    throw problems.at(
                            location,
                            PolicyProblem.JSON_SYNTAX,
                            "unexpected token " + token);
        };
    }

    private JsonObject object(SourceLocation location, int depth) {
        enter(location, depth);
        List<Member> members = new ArrayList<>();
        Set<String> seen = null;
        for (JsonToken token = next(); token != JsonToken.END_OBJECT; token = next()) {
            // inside an object Jackson yields a property name or END_OBJECT, or throws; the name
            // is checked before it becomes part of a pointer
            String name = shared(wellFormed(parser.currentName(), location));
            TokenStreamLocation at = parser.currentTokenLocation();
            SourceLocation nameLocation = location.member(name, at.getLineNr(), at.getColumnNr());
            if (members.size() < LINEAR_DUPLICATE_SCAN) {
                if (containsName(members, name)) {
                    throw duplicate(name, nameLocation);
                }
            } else {
                if (seen == null) {
                    seen = new HashSet<>();
                    for (Member member : members) {
                        seen.add(member.name());
                    }
                }
                if (!seen.add(name)) {
                    throw duplicate(name, nameLocation);
                }
            }
            JsonToken first = next();
            JsonValue value = value(first, tokenLocation(nameLocation), depth + 1);
            members.add(new Member(name, nameLocation, value));
        }
        return new JsonObject(members, location);
    }

    private JsonArray array(SourceLocation location, int depth) {
        enter(location, depth);
        List<JsonValue> elements = new ArrayList<>();
        for (JsonToken token = next(); token != JsonToken.END_ARRAY; token = next()) {
            TokenStreamLocation at = parser.currentTokenLocation();
            SourceLocation element = location.element(elements.size(), at.getLineNr(), at.getColumnNr());
            elements.add(value(token, element, depth + 1));
        }
        return new JsonArray(elements, location);
    }

    private JsonScalar string(SourceLocation location) {
        return new JsonScalar(ScalarKind.STRING, wellFormed(parser.getText(), location), location);
    }

    private static Map<String, String> itself(String... names) {
        Map<String, String> map = new HashMap<>();
        for (String name : names) {
            map.put(name, name);
        }
        return Map.copyOf(map);
    }

    /** One string for all equal member names of the document. */
    private String shared(String name) {
        String known = GRAMMAR.get(name);
        if (known != null) {
            return known;
        }
        if (names == null) {
            names = new HashMap<>();
        }
        known = names.putIfAbsent(name, name);
        return known == null ? name : known;
    }

    /** The next token inside a container, where the end of input means truncation. */
    private JsonToken next() {
        JsonToken token = parser.nextToken();
        if (token == null) {
            // Jackson reports a truncated container itself; this only guards the contract
            throw problems.at(here(), PolicyProblem.JSON_SYNTAX, TRUNCATED);
        }
        return token;
    }

    private void enter(SourceLocation location, int depth) {
        if (depth > maxDepth) {
            throw problems.at(
                    location,
                    PolicyProblem.NESTING_TOO_DEEP,
                    "JSON is nested more than " + maxDepth + " levels deep");
        }
    }

    /** The text, if it is well-formed UTF-16; the current token has the pointer of {@code pointer}. */
    private String wellFormed(String text, SourceLocation pointer) {
        int at = Texts.unpairedSurrogate(text);
        if (at >= 0) {
            throw problems.at(
                    tokenLocation(pointer),
                    PolicyProblem.JSON_SYNTAX,
                    String.format(
                            "string contains an unpaired UTF-16 surrogate U+%04X at index %d",
                            (int) text.charAt(at), at));
        }
        return text;
    }

    private static boolean containsName(List<Member> members, String name) {
        for (Member member : members) {
            if (member.name().equals(name)) {
                return true;
            }
        }
        return false;
    }

    private PolicyParseException duplicate(String name, SourceLocation location) {
        return problems.at(
                location,
                PolicyProblem.DUPLICATE_KEY,
                "key " + Texts.quote(name) + " appears more than once in the same object");
    }

    /** The current token's line and column, with the pointer of {@code pointer}. */
    private SourceLocation tokenLocation(SourceLocation pointer) {
        TokenStreamLocation at = parser.currentTokenLocation();
        return pointer.at(at.getLineNr(), at.getColumnNr());
    }

    private SourceLocation here() {
        TokenStreamLocation at = parser.currentLocation();
        return new SourceLocation("", at.getLineNr(), at.getColumnNr());
    }

    private SourceLocation syntaxLocation(JacksonException e) {
        TokenStreamLocation at =
                e.getLocation() != null ? e.getLocation() : parser.currentLocation();
        return new SourceLocation(
                parser.streamReadContext().pathAsPointer().toString(),
                Math.max(at.getLineNr(), 0),
                Math.max(at.getColumnNr(), 0));
    }

    private static String syntaxDetail(JacksonException e) {
        if (e instanceof UnexpectedEndOfInputException) {
            return TRUNCATED;
        }
        String message = String.valueOf(e.getOriginalMessage());
        // Jackson sometimes embeds a source description that only repeats the location
        int source = message.indexOf(" (start marker at [Source");
        return "invalid JSON: " + (source < 0 ? message : message.substring(0, source));
    }
}
