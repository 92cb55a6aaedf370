package dev.iamgate.policy;

import java.util.Optional;

/**
 * What can make a policy document unreadable: the problems {@link PolicyParser} rejects a document
 * for, each with a stable {@link #checkName() check name} that reports and configuration may refer
 * to.
 */
public enum PolicyProblem {
    /** Not JSON: a syntax error, a truncated document, content after the document, no document. */
    JSON_SYNTAX("json-syntax"),
    /** The same key twice in one JSON object, including an operator repeated in a Condition. */
    DUPLICATE_KEY("duplicate-key"),
    /** A top-level or statement element IAM does not know, such as {@code Actions}. */
    UNKNOWN_ELEMENT("unknown-element"),
    /** A JSON value of the wrong kind, such as a numeric Effect or an object as Action. */
    WRONG_TYPE("wrong-type"),
    /** No {@code Statement}, or an empty statement array. */
    MISSING_STATEMENT("missing-statement"),
    /** A {@code Version} other than {@code 2012-10-17} or {@code 2008-10-17}. */
    INVALID_VERSION("invalid-version"),
    /** A statement without {@code Effect}. */
    MISSING_EFFECT("missing-effect"),
    /** An {@code Effect} other than exactly {@code Allow} or {@code Deny}. */
    INVALID_EFFECT("invalid-effect"),
    /** A statement without {@code Action} or {@code NotAction}, or with an empty list of them. */
    MISSING_ACTION("missing-action"),
    /** An element together with its negation: Action and NotAction, say. */
    CONFLICTING_ELEMENTS("conflicting-elements"),
    /** A {@code Resource} or {@code NotResource} that is an empty array. */
    EMPTY_RESOURCE("empty-resource"),
    /** A condition operator IAM does not know, {@code NullIfExists} included. */
    UNKNOWN_OPERATOR("unknown-operator"),
    /** A resource that is neither {@code *} nor shaped like an ARN. */
    INVALID_ARN("invalid-arn"),
    /**
     * A principal element IAM would not accept: bad form, unknown type, empty, partial wildcard.
     */
    INVALID_PRINCIPAL("invalid-principal"),
    /** A document longer than the parser's limit. */
    DOCUMENT_TOO_LARGE("document-too-large"),
    /** JSON nested deeper than the parser's limit. */
    NESTING_TOO_DEEP("nesting-too-deep");

    private final String checkName;

    PolicyProblem(String checkName) {
        this.checkName = checkName;
    }

    /** The stable kebab-case name of this check, e.g. {@code invalid-effect}. */
    public String checkName() {
        return checkName;
    }

    /** The problem whose {@link #checkName()} is exactly {@code name}. */
    public static Optional<PolicyProblem> fromCheckName(String name) {
        for (PolicyProblem problem : values()) {
            if (problem.checkName.equals(name)) {
                return Optional.of(problem);
            }
        }
        return Optional.empty();
    }
}
