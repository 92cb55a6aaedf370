package dev.iamgate.internal.validate;

import dev.iamgate.policy.Policy;
import dev.iamgate.policy.SourceLocation;
import dev.iamgate.policy.Statement;
import dev.iamgate.validate.PolicyKind;
import dev.iamgate.validate.ValidationOptions;

/**
 * What every check may look at: the parsed policy, its JSON tree and text, and the options.
 *
 * @param policy the parsed policy
 * @param doc the document's JSON tree, for what the model does not keep
 * @param text the document as given
 * @param options the kind of policy and how it is stored
 */
record PolicyContext(Policy policy, JsonDoc doc, String text, ValidationOptions options) {

    PolicyKind kind() {
        return options.kind();
    }

    /** Whether {@code ${...}} is substituted in this document. */
    boolean variablesEnabled() {
        return policy.version().supportsVariables();
    }

    /**
     * Where the value of a statement's element stands ({@code Sid}, {@code Condition}, ...), or
     * the statement itself when the element is not there.
     */
    SourceLocation element(Statement statement, String name) {
        return doc.member(statement.location(), name)
                .map(member -> member.value().location())
                .orElse(statement.location());
    }

    /** "line N", to point from one finding to the other place it is about. */
    static String line(SourceLocation location) {
        return "line " + location.line();
    }
}
