package dev.iamgate.example.web;

import dev.iamgate.servlet.Caller;
import dev.iamgate.servlet.spi.PrincipalResolver;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;

/**
 * Tells the iamgate filter who sent header credentials: the caller {@link CredentialsFilter}
 * authenticated. Tried before the session, so a request with both is judged by its headers.
 */
public final class HeaderCallerResolver implements PrincipalResolver {

    @Override
    public Optional<Caller> resolve(HttpServletRequest request) {
        return request.getAttribute(CredentialsFilter.CALLER_ATTRIBUTE) instanceof Caller caller
                ? Optional.of(caller) : Optional.empty();
    }
}
