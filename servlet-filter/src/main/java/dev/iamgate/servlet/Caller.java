package dev.iamgate.servlet;

import java.util.Objects;

/**
 * An authenticated caller: the principal and what its credentials say about MFA. Produced by a
 * {@link dev.iamgate.servlet.spi.PrincipalResolver} for each request.
 *
 * @param principal who
 * @param mfa how the credential was obtained, as far as MFA goes
 */
public record Caller(IamPrincipal principal, MfaEvidence mfa) {

    public Caller {
        Objects.requireNonNull(principal, "principal");
        Objects.requireNonNull(mfa, "mfa");
    }
}
