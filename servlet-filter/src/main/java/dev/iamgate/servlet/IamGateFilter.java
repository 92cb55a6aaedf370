package dev.iamgate.servlet;

import dev.iamgate.servlet.internal.enforce.Enforcer;
import dev.iamgate.servlet.internal.enforce.EnforcerFactory;
import dev.iamgate.servlet.spi.ContextProvider;
import dev.iamgate.servlet.spi.DenyResponder;
import dev.iamgate.servlet.spi.PolicySource;
import dev.iamgate.servlet.spi.PrincipalResolver;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Enforces IAM policies on every request: declare it in {@code web.xml} with the init-parameters
 * of {@link IamGateSettings}, switch it on with {@link IamGateConfiguration}, or build one with
 * {@link #builder(IamGateSettings)} for an embedded container.
 *
 * <p>Each request passes the path firewall (400), is matched to its route (unmapped requests are
 * denied), needs a caller unless the route is public (401), and, on a policy-protected route, the
 * caller's policies must allow the route's action on its resource (403). Start-up fails with a
 * clear message when the settings, the mapping or the routes are wrong. Map it for the
 * {@link #dispatcherTypes()}, so that forwards and includes are decided too.
 *
 * <p>Without a builder, the SPIs are found with {@link java.util.ServiceLoader}; the session
 * resolver ({@link dev.iamgate.servlet.session.IamSessions}) and the container's
 * {@code getUserPrincipal()} are always tried, in that order, after any found.
 */
public final class IamGateFilter implements Filter {

    private final Optional<IamGateSettings> configured;
    private final Optional<Parts> parts;
    private volatile Enforcer enforcer;

    /** For {@code web.xml}: settings come from the init-parameters. */
    public IamGateFilter() {
        this.configured = Optional.empty();
        this.parts = Optional.empty();
    }

    /** With settings given in code; SPIs from {@link java.util.ServiceLoader}. */
    public IamGateFilter(IamGateSettings settings) {
        this.configured = Optional.of(settings);
        this.parts = Optional.empty();
    }

    private IamGateFilter(Builder builder) {
        this.configured = Optional.of(builder.settings);
        this.parts = Optional.of(new Parts(builder.resolvers, builder.contextProviders, builder.policySource,
                builder.denyResponder, builder.clock));
    }

    /**
     * The dispatches to map the filter for: requests, and the forwards, includes and asynchronous
     * dispatches by which an application runs another path, each decided on the path it runs.
     * Mapped for requests alone, a public servlet that forwards to a protected path would run it
     * unchecked. Error dispatches are left out: they show the error of a request already decided.
     * A dispatcher found by servlet name has no path, and no URL-pattern filter sees it.
     */
    public static EnumSet<DispatcherType> dispatcherTypes() {
        return EnumSet.of(DispatcherType.REQUEST, DispatcherType.FORWARD, DispatcherType.INCLUDE, DispatcherType.ASYNC);
    }

    public static Builder builder(IamGateSettings settings) {
        return new Builder(settings);
    }

    @Override
    public void init(FilterConfig config) throws ServletException {
        try {
            IamGateSettings settings = configured.orElseGet(() -> IamGateSettings.fromInitParameters(config::getInitParameter));
            enforcer = EnforcerFactory.create(settings, config.getServletContext(), parts.orElseGet(Parts::fromServiceLoader));
        } catch (RuntimeException e) {
            // Fail the deployment, loudly: a filter that cannot enforce must not let requests through.
            throw new ServletException("iamgate cannot start: " + e.getMessage(), e);
        }
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        Enforcer current = enforcer;
        if (current == null || !(request instanceof HttpServletRequest http) || !(response instanceof HttpServletResponse out)) {
            throw new ServletException("iamgate refuses a request it cannot check (not started, or not HTTP)");
        }
        current.handle(http, out, chain);
    }

    @Override
    public void destroy() {
        enforcer = null;
    }

    /**
     * The pluggable parts: principal resolvers tried in order, context providers, the policy
     * source (by default a directory or classpath folder from the settings), the deny responder
     * and the clock.
     */
    public record Parts(
            List<PrincipalResolver> resolvers,
            List<ContextProvider> contextProviders,
            Optional<PolicySource> policySource,
            Optional<DenyResponder> denyResponder,
            InstantSource clock) {

        public Parts {
            resolvers = List.copyOf(resolvers);
            contextProviders = List.copyOf(contextProviders);
            Objects.requireNonNull(policySource, "policySource");
            Objects.requireNonNull(denyResponder, "denyResponder");
            Objects.requireNonNull(clock, "clock");
        }

        static Parts fromServiceLoader() {
            List<PrincipalResolver> resolvers = new ArrayList<>();
            java.util.ServiceLoader.load(PrincipalResolver.class).forEach(resolvers::add);
            List<ContextProvider> providers = new ArrayList<>();
            java.util.ServiceLoader.load(ContextProvider.class).forEach(providers::add);
            return new Parts(resolvers, providers, java.util.ServiceLoader.load(PolicySource.class).findFirst(),
                    java.util.ServiceLoader.load(DenyResponder.class).findFirst(), InstantSource.system());
        }
    }

    /** Builds a filter for an embedded container, with its pluggable parts given in code. */
    public static final class Builder {
        private final IamGateSettings settings;
        private final List<PrincipalResolver> resolvers = new ArrayList<>();
        private final List<ContextProvider> contextProviders = new ArrayList<>();
        private Optional<PolicySource> policySource = Optional.empty();
        private Optional<DenyResponder> denyResponder = Optional.empty();
        private InstantSource clock = InstantSource.system();

        private Builder(IamGateSettings settings) {
            this.settings = Objects.requireNonNull(settings, "settings");
        }

        /** Adds a resolver, tried before the built-in session and container resolvers. */
        public Builder principalResolver(PrincipalResolver resolver) {
            resolvers.add(Objects.requireNonNull(resolver, "resolver"));
            return this;
        }

        public Builder contextProvider(ContextProvider provider) {
            contextProviders.add(Objects.requireNonNull(provider, "provider"));
            return this;
        }

        /** Replaces the directory/classpath source named by the settings. */
        public Builder policySource(PolicySource source) {
            this.policySource = Optional.of(source);
            return this;
        }

        public Builder denyResponder(DenyResponder responder) {
            this.denyResponder = Optional.of(responder);
            return this;
        }

        public Builder clock(InstantSource clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        public IamGateFilter build() {
            return new IamGateFilter(this);
        }
    }
}
