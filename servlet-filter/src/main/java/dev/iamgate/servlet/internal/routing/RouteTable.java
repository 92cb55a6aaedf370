package dev.iamgate.servlet.internal.routing;

import dev.iamgate.servlet.mapping.InvalidRouteException;
import dev.iamgate.servlet.mapping.RouteConflictException;
import dev.iamgate.servlet.mapping.RouteDeclaration;
import dev.iamgate.servlet.mapping.RouteMatch;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Maps a request's method and path to its route: built once at start-up from annotations, mapping
 * files and the configuration's public paths, then asked on every request. Immutable and
 * thread-safe.
 *
 * <pre>{@code
 * RouteTable routes = RouteTable.builder("123456789012")
 *         .addAll(IamGateRoutesInitializer.declarations(servletContext))
 *         .addAll(MappingFileReader.read(Path.of("routes.json")))
 *         .publicPaths(List.of("/assets/**", "/favicon.ico"))
 *         .build();
 * Optional<RouteMatch> match = routes.match("PATCH", "/api/users/alice/access-keys/AKIA123");
 * }</pre>
 *
 * <p>The rules (templates, which route wins, conflicts, HEAD) are those of the {@linkplain
 * dev.iamgate.servlet.mapping mapping package}. A lookup walks a trie of path segments for the
 * request's method: no regular expression, no per-segment substring, one step per segment in the
 * usual case; a route without path variables answers with a match built at start-up.
 */
public final class RouteTable {

    /** Names the set of all methods in conflict messages. */
    private static final String EVERY_METHOD = "every method";

    private final Map<String, SegmentTrie> byMethod;
    /** Routes for every method, alone: for methods no route names. */
    private final SegmentTrie everyMethod;
    private final List<RouteDeclaration> declarations;

    private RouteTable(Map<String, SegmentTrie> byMethod, SegmentTrie everyMethod, List<RouteDeclaration> declarations) {
        this.byMethod = Map.copyOf(byMethod);
        this.everyMethod = everyMethod;
        this.declarations = List.copyOf(declarations);
    }

    /**
     * Starts a table whose resources name {@code accountId} for {@code ${account}}.
     *
     * @param accountId the 12-digit AWS-style account id
     */
    public static Builder builder(String accountId) {
        Objects.requireNonNull(accountId, "accountId");
        if (accountId.length() != 12 || !accountId.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new IllegalArgumentException("an account id is 12 digits, not \"" + accountId + "\"");
        }
        return new Builder(accountId);
    }

    /**
     * Checks declarations for broken rules and conflicts, as {@link Builder#build()} would, without
     * an account id: for start-up code that finds routes before the filter's configuration is known.
     *
     * @throws InvalidRouteException for a declaration that breaks a rule
     * @throws RouteConflictException for two declarations that claim the same requests
     */
    public static void validate(Collection<RouteDeclaration> declarations) {
        // the account only fills resources, which checking never produces
        new Builder("000000000000").addAll(declarations).build();
    }

    /**
     * The route of a request.
     *
     * @param method the HTTP method, exactly as the request gives it (methods are case-sensitive)
     * @param path the normalised, decoded path within the context, starting with {@code /}, e.g.
     *     {@code /api/users/alice/access-keys}; what the filter's firewall lets through
     * @return the match, or empty when no route matches: the filter then denies the request
     */
    public Optional<RouteMatch> match(String method, String path) {
        CompiledRoute route = route(method, path);
        return route == null ? Optional.empty() : route.match(path);
    }

    /**
     * The route of a request, as {@link #match} finds it, without building the match: what the
     * filter asks on every request, which then reads only the parts it needs from the route.
     *
     * @return the route, or null when no route matches
     */
    public CompiledRoute route(String method, String path) {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        if (path.isEmpty() || path.charAt(0) != '/') {
            return null;
        }
        return byMethod.getOrDefault(method, everyMethod).find(path);
    }

    /** Every declaration in the table, in the order added: for start-up logs and diagnostics. */
    public List<RouteDeclaration> declarations() {
        return declarations;
    }

    @Override
    public String toString() {
        return "RouteTable[" + declarations.size() + " routes]";
    }

    /** Collects declarations; {@link #build()} checks them all. Not thread-safe. */
    public static final class Builder {

        private final String accountId;
        private final List<RouteDeclaration> declarations = new ArrayList<>();

        private Builder(String accountId) {
            this.accountId = accountId;
        }

        /** Adds one declaration. */
        public Builder add(RouteDeclaration declaration) {
            declarations.add(Objects.requireNonNull(declaration, "declaration"));
            return this;
        }

        /** Adds declarations, e.g. those of {@link IamGateRoutesInitializer#declarations} or a mapping file. */
        public Builder addAll(Collection<RouteDeclaration> more) {
            more.forEach(this::add);
            return this;
        }

        /** Reads the route annotations of classes and adds them; see {@link AnnotatedRoutes}. */
        public Builder annotatedClasses(Collection<? extends Class<?>> classes) {
            return addAll(AnnotatedRoutes.read(classes));
        }

        /**
         * Declares a path pattern public for every HTTP method, as the configuration does for static
         * content and sign-in pages, e.g. {@code /assets/**}. Patterns are path templates.
         */
        public Builder publicPath(String pattern) {
            return add(RouteDeclaration.publicRoute(
                    Set.of(), pattern, "public path \"" + pattern + "\" of the configuration"));
        }

        /** {@link #publicPath} for each pattern. */
        public Builder publicPaths(Collection<String> patterns) {
            patterns.forEach(this::publicPath);
            return this;
        }

        /**
         * Checks every declaration and builds the table.
         *
         * @throws InvalidRouteException for a declaration that breaks a rule, naming its source
         * @throws RouteConflictException for two declarations that claim the same requests, naming both
         */
        public RouteTable build() {
            List<CompiledRoute> routes = new ArrayList<>(declarations.size());
            Set<String> methods = new LinkedHashSet<>();
            for (RouteDeclaration declaration : declarations) {
                try {
                    routes.add(CompiledRoute.compile(declaration, accountId));
                } catch (RouteSyntaxException e) {
                    throw new InvalidRouteException(declaration.source(), e.getMessage());
                }
                methods.addAll(declaration.methods());
            }
            // a route for every method goes into each method's trie too, so that one walk finds the
            // most specific route of either sort; conflicts between them show up there
            SegmentTrie everyMethod = new SegmentTrie(EVERY_METHOD);
            Map<String, SegmentTrie> byMethod = new LinkedHashMap<>();
            methods.forEach(method -> byMethod.put(method, new SegmentTrie(method)));
            for (CompiledRoute route : routes) {
                Set<String> own = route.declaration().methods();
                if (own.isEmpty()) {
                    // its own trie first, so that two such routes are reported as "every method"
                    everyMethod.insert(route);
                    byMethod.values().forEach(trie -> trie.insert(route));
                } else {
                    own.forEach(method -> byMethod.get(method).insert(route));
                }
            }
            everyMethod.freeze();
            byMethod.values().forEach(SegmentTrie::freeze);
            return new RouteTable(byMethod, everyMethod, declarations);
        }
    }
}
