package dev.iamgate.eval;

import java.util.List;
import java.util.Objects;

/**
 * Why a request got its {@link Outcome}.
 *
 * @param decidingType the kind of policy that decided: where the explicit deny was, which layer
 *     failed to allow (implicit deny), or which layer granted (allow)
 * @param deciding the statements that decided: the applicable Deny statements for an explicit
 *     deny, the applicable Allow statements of the granting layer for an allow, none for an
 *     implicit deny
 * @param considered every statement whose action matched the request, with what matched and
 *     which conditions failed; for an implicit deny these are the statements that came closest
 */
public record Explanation(PolicyType decidingType, List<StatementRef> deciding, List<StatementTrace> considered) {

    public Explanation {
        Objects.requireNonNull(decidingType, "decidingType");
        deciding = List.copyOf(deciding);
        considered = List.copyOf(considered);
    }
}
