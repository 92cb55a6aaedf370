package dev.iamgate.internal.validate;

import dev.iamgate.policy.SourceLocation;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.json.JsonFactory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The JSON tree of a document that has already parsed as a policy, with the place of every value
 * and member name. The policy model keeps what evaluation needs; the validator also needs what it
 * drops: where a Sid stands, whether a Condition was an empty object, whether a value was a bare
 * number.
 */
final class JsonDoc {

    private static final JsonFactory FACTORY = JsonFactory.builder().build();

    /** A JSON value with the place of its first character. */
    sealed interface Node {
        SourceLocation location();
    }

    /** An object; members in document order, and by name (names are unique). */
    record Obj(List<Member> members, Map<String, Member> byName, SourceLocation location)
            implements Node {
        Optional<Member> member(String name) {
            return Optional.ofNullable(byName.get(name));
        }
    }

    /** A member of an object; {@code nameLocation} shares the value's pointer. */
    record Member(String name, SourceLocation nameLocation, Node value) {}

    /** An array. */
    record Arr(List<Node> elements, SourceLocation location) implements Node {}

    /** A string, number, boolean or null; {@code text} is the string or the JSON text. */
    record Scalar(JsonToken token, String text, SourceLocation location) implements Node {
        boolean isString() {
            return token == JsonToken.VALUE_STRING;
        }
    }

    private final Node root;

    private JsonDoc(Node root) {
        this.root = root;
    }

    /** Reads a document the policy parser has accepted, so it is well-formed JSON. */
    static JsonDoc read(String json) {
        try (JsonParser parser = FACTORY.createParser(ObjectReadContext.empty(), json)) {
            JsonToken first = parser.nextToken();
            return new JsonDoc(value(parser, first, location(parser, new SourceLocation("", 0, 0))));
        }
    }

    Node root() {
        return root;
    }

    /** The value at an RFC 6901 pointer, if there is one. */
    Optional<Node> at(String pointer) {
        Node node = root;
        int i = 0;
        while (node != null && i < pointer.length()) {
            int end = pointer.indexOf('/', i + 1);
            if (end < 0) {
                end = pointer.length();
            }
            String token = unescape(pointer.substring(i + 1, end));
            node = child(node, token);
            i = end;
        }
        return Optional.ofNullable(node);
    }

    /** The member named {@code name} of the object at {@code pointer}, if there is one. */
    Optional<Member> member(String pointer, String name) {
        return at(pointer).flatMap(n -> n instanceof Obj obj ? obj.member(name) : Optional.empty());
    }

    /** The last reference token of a pointer, unescaped: the member name it ends with. */
    static String lastToken(String pointer) {
        return unescape(pointer.substring(pointer.lastIndexOf('/') + 1));
    }

    private static Node child(Node node, String token) {
        if (node instanceof Obj obj) {
            Member member = obj.byName().get(token);
            return member == null ? null : member.value();
        }
        if (node instanceof Arr arr) {
            int index = index(token);
            return index >= 0 && index < arr.elements().size() ? arr.elements().get(index) : null;
        }
        return null;
    }

    private static int index(String token) {
        if (token.isEmpty() || token.length() > 9) {
            return -1;
        }
        int value = 0;
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private static String unescape(String token) {
        return token.replace("~1", "/").replace("~0", "~");
    }

    /**
     * The value whose first token is {@code token}, standing at {@code location}. Locations are
     * made from their parents', so that a pointer is built only when a finding shows it.
     */
    private static Node value(JsonParser parser, JsonToken token, SourceLocation location) {
        if (token == JsonToken.START_OBJECT) {
            List<Member> members = new ArrayList<>();
            Map<String, Member> byName = new HashMap<>();
            for (JsonToken t = parser.nextToken(); t != JsonToken.END_OBJECT; t = parser.nextToken()) {
                String name = parser.currentName();
                TokenStreamLocation at = parser.currentTokenLocation();
                SourceLocation nameLocation = location.member(name, at.getLineNr(), at.getColumnNr());
                JsonToken valueToken = parser.nextToken();
                Member member = new Member(name, nameLocation,
                        value(parser, valueToken, location(parser, nameLocation)));
                members.add(member);
                byName.put(name, member);
            }
            return new Obj(List.copyOf(members), byName, location);
        }
        if (token == JsonToken.START_ARRAY) {
            List<Node> elements = new ArrayList<>();
            for (JsonToken t = parser.nextToken(); t != JsonToken.END_ARRAY; t = parser.nextToken()) {
                TokenStreamLocation at = parser.currentTokenLocation();
                SourceLocation element = location.element(elements.size(), at.getLineNr(), at.getColumnNr());
                elements.add(value(parser, t, element));
            }
            return new Arr(List.copyOf(elements), location);
        }
        return new Scalar(token, parser.getString(), location);
    }

    /** {@code pointer}'s location moved to the current token. */
    private static SourceLocation location(JsonParser parser, SourceLocation pointer) {
        TokenStreamLocation at = parser.currentTokenLocation();
        return pointer.at(at.getLineNr(), at.getColumnNr());
    }
}
