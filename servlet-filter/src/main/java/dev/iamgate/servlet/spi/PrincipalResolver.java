package dev.iamgate.servlet.spi;

import dev.iamgate.servlet.Caller;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;

/**
 * Finds who is calling: a signed-in session, the container's {@code getUserPrincipal()}, an
 * access key in a header, a token. Resolvers are tried in order; the first that answers wins.
 * Implementations must be thread-safe and must not log credentials.
 */
public interface PrincipalResolver {

    /** The caller, or empty when this resolver does not recognise the request's credentials. */
    Optional<Caller> resolve(HttpServletRequest request);
}
