package dev.iamgate.internal.validate;

import dev.iamgate.internal.json.JsonValue;
import dev.iamgate.internal.json.JsonValue.JsonArray;
import dev.iamgate.internal.json.JsonValue.JsonObject;
import dev.iamgate.internal.json.JsonValue.Member;
import dev.iamgate.policy.SourceLocation;

import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The JSON tree of a document that has parsed as a policy (the tree the parser bound the policy
 * from), looked up by JSON pointer. The policy model keeps what evaluation needs; the validator
 * also needs what it drops: where a Sid stands, whether a Condition was an empty object, whether a
 * value was a bare number.
 */
final class JsonDoc {

    private final JsonValue root;
    /**
     * Each node by its location, and each member's value by the location of its name: the
     * locations the policy model keeps are these objects, so the checks find a statement's or a
     * condition's node without building its pointer and walking it. Made when first needed.
     */
    private Map<SourceLocation, JsonValue> byLocation;

    JsonDoc(JsonValue root) {
        this.root = root;
    }

    JsonValue root() {
        return root;
    }

    /**
     * The value at a location of this tree, or at its pointer: a statement's location is its
     * object's, a condition's that of its key's name, whose value is the condition's values.
     */
    Optional<JsonValue> at(SourceLocation location) {
        if (byLocation == null) {
            byLocation = new IdentityHashMap<>();
            index(root);
        }
        JsonValue node = byLocation.get(location);
        return node != null ? Optional.of(node) : at(location.pointer());
    }

    /** The member named {@code name} of the object at {@code location}, if there is one. */
    Optional<Member> member(SourceLocation location, String name) {
        return at(location).flatMap(n -> n instanceof JsonObject object ? member(object, name) : Optional.empty());
    }

    private void index(JsonValue node) {
        byLocation.put(node.location(), node);
        if (node instanceof JsonObject object) {
            for (Member member : object.members()) {
                byLocation.put(member.nameLocation(), member.value());
                index(member.value());
            }
        } else if (node instanceof JsonArray array) {
            for (JsonValue element : array.elements()) {
                index(element);
            }
        }
    }

    /** The value at an RFC 6901 pointer, if there is one. */
    Optional<JsonValue> at(String pointer) {
        JsonValue node = root;
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
        return at(pointer).flatMap(n -> n instanceof JsonObject object ? member(object, name) : Optional.empty());
    }

    /** The last reference token of a pointer, unescaped: the member name it ends with. */
    static String lastToken(String pointer) {
        return unescape(pointer.substring(pointer.lastIndexOf('/') + 1));
    }

    /** Names are unique in a document that parsed, and objects in a policy have a handful of members. */
    private static Optional<Member> member(JsonObject object, String name) {
        for (Member member : object.members()) {
            if (member.name().equals(name)) {
                return Optional.of(member);
            }
        }
        return Optional.empty();
    }

    private static JsonValue child(JsonValue node, String token) {
        if (node instanceof JsonObject object) {
            return member(object, token).map(Member::value).orElse(null);
        }
        if (node instanceof JsonArray array) {
            int index = index(token);
            return index >= 0 && index < array.elements().size() ? array.elements().get(index) : null;
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
}
