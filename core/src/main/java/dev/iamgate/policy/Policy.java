package dev.iamgate.policy;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An immutable, parsed IAM policy document. Produce one with {@link PolicyParser}; evaluate it by
 * adding it to a {@link dev.iamgate.eval.PolicySet}.
 *
 * @param name a name to report in decisions and errors (a file name, say); empty if none given
 * @param version the {@code Version} element
 * @param id the {@code Id} element, if written
 * @param statements the statements, in document order
 */
public record Policy(String name, PolicyVersion version, Optional<String> id, List<Statement> statements) {

    public Policy {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(id, "id");
        statements = List.copyOf(statements);
    }

    /** The same policy under another name. */
    public Policy withName(String newName) {
        return new Policy(newName, version, id, statements);
    }
}
