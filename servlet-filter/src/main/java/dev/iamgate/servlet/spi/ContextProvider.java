package dev.iamgate.servlet.spi;

import dev.iamgate.eval.RequestContext;
import dev.iamgate.servlet.Caller;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Adds application condition keys (say {@code myapp:Tenant}) to each request's context, after
 * the filter has set the {@code aws:*} keys. Must be thread-safe and fast: it runs on every
 * policy-protected request.
 */
public interface ContextProvider {

    void contribute(HttpServletRequest request, Caller caller, RequestContext.Builder context);
}
