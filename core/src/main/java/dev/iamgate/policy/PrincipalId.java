package dev.iamgate.policy;

import java.util.Objects;

/**
 * One principal named in a {@code Principal} or {@code NotPrincipal} element.
 *
 * @param type the map key it was listed under ({@link PrincipalType#ANYONE} for a bare {@code "*"})
 * @param value the principal as written: an ARN, a 12-digit account, a service name, {@code *}
 */
public record PrincipalId(PrincipalType type, TextValue value) {

    public PrincipalId {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(value, "value");
    }
}
