package dev.iamgate.servlet.internal.routing;

import dev.iamgate.eval.RequestContext.ActionName;
import dev.iamgate.servlet.internal.routing.PathTemplate.CatchAll;
import dev.iamgate.servlet.internal.routing.PathTemplate.Segment;
import dev.iamgate.servlet.internal.routing.PathTemplate.Variable;
import dev.iamgate.servlet.internal.routing.RouteSyntaxException.Part;
import dev.iamgate.servlet.mapping.RouteDeclaration;
import dev.iamgate.servlet.mapping.RouteKind;
import dev.iamgate.servlet.mapping.RouteMatch;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A checked declaration, ready to answer for a path it matched: the filter asks {@link #kind()},
 * {@link #actionName()}, {@link #resource(String)} and {@link #contextKeys(String)} directly, which
 * allocate nothing but the filled-in resource; {@link #match(String)} gives the whole {@link
 * RouteMatch}. Everything that does not depend on the request (the account, literal text, the
 * lower-cased action, a route without variables entirely) is worked out here, once. Immutable and
 * thread-safe.
 */
public final class CompiledRoute {

    private static final String HTTP_TOKEN_SYMBOLS = "!#$%&'*+-.^_`|~";

    private final RouteDeclaration declaration;
    private final PathTemplate path;
    private final String[] names;
    private final int[] depths;
    /** Whether the last binding is a catch-all's, which takes the rest of the path. */
    private final boolean namedCatchAll;
    private final ValueTemplate resource;
    /** The action with its lower-cased form; null unless the route is policy-protected. */
    private final ActionName actionName;
    private final String[] contextKeys;
    private final ValueTemplate[] contextValues;
    /** Context keys when no value has a variable; else null. */
    private final Map<String, String> constantContext;
    /** The whole answer, when the route binds nothing; else null. */
    private final Optional<RouteMatch> constant;

    private CompiledRoute(RouteDeclaration declaration, PathTemplate path, List<String> names,
            ValueTemplate resource, Map<String, ValueTemplate> context) {
        this.declaration = declaration;
        this.path = path;
        this.names = names.toArray(String[]::new);
        this.depths = names.stream().mapToInt(path::depthOf).toArray();
        List<Segment> segments = path.segments();
        this.namedCatchAll = !segments.isEmpty()
                && segments.get(segments.size() - 1) instanceof CatchAll catchAll && catchAll.named();
        this.resource = resource;
        this.actionName = declaration.kind() == RouteKind.POLICY_PROTECTED ? ActionName.of(declaration.action()) : null;
        this.contextKeys = context.keySet().toArray(String[]::new);
        this.contextValues = context.values().toArray(ValueTemplate[]::new);
        this.constantContext = context.values().stream().allMatch(ValueTemplate::isConstant) ? fill(new String[0]) : null;
        this.constant = names.isEmpty() ? Optional.of(matchOf(new String[0])) : null;
    }

    /**
     * Checks a declaration against every rule and compiles it.
     *
     * @param account the account id {@code ${account}} stands for
     * @throws RouteSyntaxException naming the part of the declaration that breaks a rule
     */
    static CompiledRoute compile(RouteDeclaration declaration, String account) {
        checkMethods(declaration);
        PathTemplate path = PathTemplate.parse(declaration.path());
        List<String> names = new ArrayList<>();
        for (Segment segment : path.segments()) {
            if (segment instanceof Variable variable) {
                names.add(variable.name());
            } else if (segment instanceof CatchAll catchAll && catchAll.named()) {
                names.add(catchAll.name());
            }
        }
        if (declaration.kind() != RouteKind.POLICY_PROTECTED) {
            String kind = declaration.kind() == RouteKind.PUBLIC ? "a public route" : "an authenticated-only route";
            String fix = "; remove it, or make the route policy-protected";
            if (!declaration.action().isEmpty()) {
                throw new RouteSyntaxException(Part.ACTION, kind + " has no action" + fix);
            }
            if (!declaration.resource().isEmpty()) {
                throw new RouteSyntaxException(Part.RESOURCE, kind + " has no resource" + fix);
            }
            if (!declaration.context().isEmpty()) {
                throw new RouteSyntaxException(Part.CONTEXT, kind + " adds no context keys" + fix);
            }
            return new CompiledRoute(declaration, path, names, null, Map.of());
        }
        checkAction(declaration.action());
        ValueTemplate resource = compileResource(declaration.resource(), path, names, account);
        Map<String, ValueTemplate> context = new LinkedHashMap<>();
        Set<String> seen = new HashSet<>();
        for (Map.Entry<String, String> entry : declaration.context().entrySet()) {
            String key = entry.getKey();
            checkContextKey(key);
            // condition keys are case-insensitive in IAM: two spellings would be one key
            if (!seen.add(key.toLowerCase(Locale.ROOT))) {
                throw new RouteSyntaxException(Part.CONTEXT, "context key \"" + key + "\" is given twice");
            }
            context.put(key, ValueTemplate.compile(
                    entry.getValue(), "context value of " + key, Part.CONTEXT, path, names, account));
        }
        return new CompiledRoute(declaration, path, names, resource, context);
    }

    private static void checkMethods(RouteDeclaration declaration) {
        if (declaration.methods().isEmpty() && declaration.kind() != RouteKind.PUBLIC) {
            throw new RouteSyntaxException(Part.METHOD, "the route names no HTTP method");
        }
        for (String method : declaration.methods()) {
            if (method.isEmpty()) {
                throw new RouteSyntaxException(Part.METHOD, "an HTTP method is empty");
            }
            for (int i = 0; i < method.length(); i++) {
                char c = method.charAt(i);
                if (c >= 'a' && c <= 'z') {
                    throw new RouteSyntaxException(Part.METHOD, "HTTP method \"" + method + "\" is in lower case;"
                            + " methods are case-sensitive, so it would never match \""
                            + method.toUpperCase(Locale.ROOT) + "\"");
                }
                boolean token = (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || HTTP_TOKEN_SYMBOLS.indexOf(c) >= 0;
                if (!token) {
                    throw new RouteSyntaxException(Part.METHOD, "\"" + method + "\" is not an HTTP method");
                }
            }
        }
    }

    private static void checkAction(String action) {
        if (action.isEmpty()) {
            throw new RouteSyntaxException(Part.ACTION, "a policy-protected route needs an action, e.g. iam:GetUser");
        }
        if (action.indexOf('*') >= 0 || action.indexOf('?') >= 0) {
            throw new RouteSyntaxException(Part.ACTION, "action \"" + action + "\" has a wildcard; a request performs"
                    + " exactly one action");
        }
        int colon = action.indexOf(':');
        boolean ok = colon > 0 && colon < action.length() - 1 && action.indexOf(':', colon + 1) < 0;
        for (int i = 0; ok && i < action.length(); i++) {
            char c = action.charAt(i);
            ok = i == colon || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '_';
        }
        if (!ok) {
            throw new RouteSyntaxException(Part.ACTION, "action \"" + action + "\" is not service:Name,"
                    + " e.g. iam:CreateAccessKey");
        }
    }

    private static ValueTemplate compileResource(String text, PathTemplate path, List<String> names, String account) {
        if (text.isEmpty()) {
            throw new RouteSyntaxException(Part.RESOURCE, "a policy-protected route needs a resource: an ARN, or \"*\""
                    + " for an action that takes none");
        }
        if (text.equals("*")) {
            return ValueTemplate.compile(text, "resource", Part.RESOURCE, path, names, account);
        }
        if (!text.startsWith("arn:")) {
            throw new RouteSyntaxException(Part.RESOURCE, "resource \"" + text + "\" must be \"*\" or an ARN (arn:…)");
        }
        ValueTemplate resource = ValueTemplate.compile(text, "resource", Part.RESOURCE, path, names, account);
        String literal = resource.literalText();
        for (char wildcard : new char[] {'*', '?'}) {
            if (literal.indexOf(wildcard) >= 0) {
                throw new RouteSyntaxException(Part.RESOURCE, "resource \"" + text + "\" contains \"" + wildcard
                        + "\"; a request acts on one resource, and IAM reads the character literally in a"
                        + " request, not as a wildcard");
            }
        }
        // bound values never contain ':' (they are IAM names), so the literal text has all the colons
        if (literal.chars().filter(c -> c == ':').count() < 5) {
            throw new RouteSyntaxException(Part.RESOURCE, "resource \"" + text + "\" is not an ARN; an ARN has six"
                    + " parts, arn:partition:service:region:account:resource");
        }
        return resource;
    }

    private static void checkContextKey(String key) {
        int colon = key.indexOf(':');
        boolean ok = colon > 0 && colon < key.length() - 1;
        for (int i = 0; ok && i < key.length(); i++) {
            char c = key.charAt(i);
            ok = c > ' ' && c != 0x7f && c != '=' && c != '{' && c != '}' && c != '$';
        }
        if (!ok) {
            throw new RouteSyntaxException(Part.CONTEXT, "context key \"" + key + "\" is not a condition key"
                    + " (service:Name, e.g. iam:TargetUser)");
        }
        if (key.regionMatches(true, 0, "aws:", 0, 4)) {
            throw new RouteSyntaxException(Part.CONTEXT, "context key \"" + key + "\": the aws: keys are set by the"
                    + " filter from the request and the caller, and a route must not override them");
        }
    }

    RouteDeclaration declaration() {
        return declaration;
    }

    PathTemplate path() {
        return path;
    }

    /** Whether the catch-all that ends this route accepts {@code path[start, length)}. */
    boolean acceptsRest(String requestPath, int start) {
        if (start < 0) {
            return false;
        }
        // a named catch-all's value is inserted like any variable's, so it must be made of IAM names too
        return IamNames.isSegments(requestPath, start, requestPath.length(), namedCatchAll);
    }

    /** How the filter treats the route. */
    public RouteKind kind() {
        return declaration.kind();
    }

    /** Where the route was declared, for messages and the decision log. */
    public String source() {
        return declaration.source();
    }

    /** The IAM action of a policy-protected route, its lower-cased form computed once. */
    public ActionName actionName() {
        if (actionName == null) {
            throw new IllegalStateException("a " + declaration.kind() + " route has no action: " + this);
        }
        return actionName;
    }

    /**
     * The resource ARN (or {@code *}) for a request path this route matched, with the path's
     * values filled in: {@code match(path).resource()} without the rest of the match.
     */
    public String resource(String requestPath) {
        if (actionName == null) {
            return "";
        }
        return resource.isConstant() ? resource.constant() : resource.fill(requestPath, bounds(requestPath));
    }

    /** The route's extra condition keys for a request path it matched: {@code match(path).contextKeys()}. */
    public Map<String, String> contextKeys(String requestPath) {
        if (actionName == null) {
            return Map.of();
        }
        return constantContext != null ? constantContext : fill(values(requestPath));
    }

    /**
     * The match for a request path this route's template matched; the walk that found the route
     * has already checked every bound value, so this only cuts them out.
     */
    Optional<RouteMatch> match(String requestPath) {
        if (constant != null) {
            return constant;
        }
        return Optional.of(matchOf(values(requestPath)));
    }

    private String[] values(String requestPath) {
        int[] bounds = bounds(requestPath);
        String[] values = new String[names.length];
        for (int i = 0; i < values.length; i++) {
            values[i] = requestPath.substring(bounds[2 * i], bounds[2 * i + 1]);
        }
        return values;
    }

    /** Where each bound value lies in the path: start and end of binding i at 2i and 2i + 1. */
    private int[] bounds(String requestPath) {
        int[] bounds = new int[2 * names.length];
        int depth = 0;
        int start = 1;
        for (int bound = 0; bound < names.length; depth++) {
            int slash = requestPath.indexOf('/', start);
            int end = slash < 0 ? requestPath.length() : slash;
            if (depths[bound] == depth) {
                // a named catch-all is always the last binding, and takes the rest of the path
                boolean rest = namedCatchAll && bound == names.length - 1;
                bounds[2 * bound] = start;
                bounds[2 * bound + 1] = rest ? requestPath.length() : end;
                bound++;
            }
            start = end + 1;
        }
        return bounds;
    }

    private RouteMatch matchOf(String[] values) {
        RouteKind kind = declaration.kind();
        if (kind != RouteKind.POLICY_PROTECTED) {
            return new RouteMatch(kind, "", "", Map.of(), variables(values), declaration.source());
        }
        Map<String, String> context = constantContext != null ? constantContext : fill(values);
        return new RouteMatch(
                kind, declaration.action(), resource.fill(values), context, variables(values), declaration.source());
    }

    private Map<String, String> fill(String[] values) {
        String[] filled = new String[contextKeys.length];
        for (int i = 0; i < filled.length; i++) {
            filled[i] = contextValues[i].fill(values);
        }
        return immutableMap(contextKeys, filled);
    }

    private Map<String, String> variables(String[] values) {
        return immutableMap(names, values);
    }

    /** Map.of and Map.copyOf give the immutable maps RouteMatch keeps without copying again. */
    private static Map<String, String> immutableMap(String[] keys, String[] values) {
        return switch (keys.length) {
            case 0 -> Map.of();
            case 1 -> Map.of(keys[0], values[0]);
            case 2 -> Map.of(keys[0], values[0], keys[1], values[1]);
            default -> {
                Map<String, String> map = new HashMap<>();
                for (int i = 0; i < keys.length; i++) {
                    map.put(keys[i], values[i]);
                }
                yield Map.copyOf(map);
            }
        };
    }

    @Override
    public String toString() {
        return declaration.describe() + " (" + declaration.source() + ")";
    }
}
