package dev.iamgate.servlet.source;

import dev.iamgate.policy.Policy;
import dev.iamgate.policy.Statement;
import java.util.Optional;

/**
 * What IAM refuses in an identity policy although the policy language allows it in others: a
 * statement without {@code Resource} or {@code NotResource} ("Policy statement must contain
 * resources.") and a {@code Principal} or {@code NotPrincipal} ("Policy document should not specify
 * a principal."). The parser accepts both, since resource-based and trust policies need them; every
 * file of this source is an identity policy, and a statement without a resource taken as written
 * would apply to every resource.
 */
final class IdentityPolicyRules {

    private IdentityPolicyRules() {}

    /** What makes {@code policy} no identity policy IAM would save, worded like a parse error; empty if nothing. */
    static Optional<String> problem(Policy policy) {
        for (Statement statement : policy.statements()) {
            if (statement.resource().isEmpty()) {
                return Optional.of(policy.name() + ":" + statement.location() + ": statement " + statement.displayName()
                        + " has neither Resource nor NotResource, which IAM requires of an identity policy"
                        + " (\"Policy statement must contain resources.\") [missing-resource]");
            }
            if (statement.principal().isPresent()) {
                return Optional.of(policy.name() + ":" + statement.principal().get().location() + ": statement "
                        + statement.displayName() + " names a principal, which an identity policy must not"
                        + " (\"Policy document should not specify a principal.\") [principal-in-identity-policy]");
            }
        }
        return Optional.empty();
    }
}
