package dev.iamgate.internal.json;

import dev.iamgate.policy.SourceLocation;

import java.util.List;

/**
 * A JSON value that remembers where it was written. The policy binder works on this small tree
 * rather than on the token stream so that every JSON-level problem (syntax, size, duplicate keys)
 * is reported before any policy-level one, as IAM does; the validator reads it too, for what the
 * policy model does not keep (how a value was written, where an element stands).
 */
public sealed interface JsonValue {

    /** Where the value's first character stands. */
    SourceLocation location();

    /** The kind of value with its article, for messages: "an object", "a string". */
    String kindName();

    /** A JSON object; members in document order, names unique. */
    record JsonObject(List<Member> members, SourceLocation location) implements JsonValue {
        @Override
        public String kindName() {
            return "an object";
        }
    }

    /**
     * One member of an object.
     *
     * @param nameLocation where the name stands; its pointer is the value's pointer
     */
    record Member(String name, SourceLocation nameLocation, JsonValue value) {}

    /** A JSON array. */
    record JsonArray(List<JsonValue> elements, SourceLocation location) implements JsonValue {
        @Override
        public String kindName() {
            return "an array";
        }
    }

    /**
     * A string, number, boolean or null.
     *
     * @param text the string's value, or the JSON text of a number, boolean or null
     */
    record JsonScalar(ScalarKind kind, String text, SourceLocation location) implements JsonValue {
        @Override
        public String kindName() {
            return kind.kindName;
        }

        public boolean isString() {
            return kind == ScalarKind.STRING;
        }
    }

    /** The kinds of scalar. */
    enum ScalarKind {
        STRING("a string"),
        NUMBER("a number"),
        BOOLEAN("a boolean"),
        NULL("null");

        private final String kindName;

        ScalarKind(String kindName) {
            this.kindName = kindName;
        }
    }
}
