package dev.iamgate.example.api;

import dev.iamgate.example.iam.Names;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Dispatches API requests to handlers by method and path template ({@code /api/users/{user}}).
 * Authorization is the iamgate filter's job and happens before; this only finds the handler and
 * binds path variables, which must be IAM names (the filter's rule too, checked again here so the
 * handlers never see anything else).
 */
public final class Router {

    /**
     * A request matched to a handler.
     *
     * @param handler what handles it
     * @param variables the path variables
     */
    public record Match(Handler handler, Map<String, String> variables) {}

    private record Route(String method, String template, String[] segments, Handler handler) {}

    private static final int MAX_VARIABLE_LENGTH = 300;

    private final List<Route> routes = new ArrayList<>();

    /** Adds a route; {@code {name}} segments are variables. */
    public Router add(String method, String template, Handler handler) {
        routes.add(new Route(method, template, segments(template), handler));
        return this;
    }

    /** The handler for the request, preferring literal segments over variables. */
    public Optional<Match> match(String method, String path) {
        String[] segments = segments(path);
        Match best = null;
        int bestLiterals = -1;
        for (Route route : routes) {
            if (!route.method().equals(method)) {
                continue;
            }
            Map<String, String> variables = bind(route.segments(), segments);
            if (variables != null) {
                int literals = route.segments().length - variables.size();
                if (literals > bestLiterals) {
                    best = new Match(route.handler(), variables);
                    bestLiterals = literals;
                }
            }
        }
        return Optional.ofNullable(best);
    }

    /** The methods some route accepts on this path (for 405 answers). */
    public Set<String> methodsFor(String path) {
        String[] segments = segments(path);
        Set<String> methods = new TreeSet<>();
        for (Route route : routes) {
            if (bind(route.segments(), segments) != null) {
                methods.add(route.method());
            }
        }
        return methods;
    }

    /** Every route as {@code "METHOD template"}, to compare with the filter's mapping. */
    public Set<String> describe() {
        Set<String> out = new TreeSet<>();
        routes.forEach(route -> out.add(route.method() + " " + route.template()));
        return out;
    }

    private static Map<String, String> bind(String[] template, String[] path) {
        if (template.length != path.length) {
            return null;
        }
        Map<String, String> variables = new HashMap<>();
        for (int i = 0; i < template.length; i++) {
            String t = template[i];
            if (t.startsWith("{") && t.endsWith("}")) {
                if (!Names.isName(path[i], MAX_VARIABLE_LENGTH)) {
                    return null;
                }
                variables.put(t.substring(1, t.length() - 1), path[i]);
            } else if (!t.equals(path[i])) {
                return null;
            }
        }
        return variables;
    }

    private static String[] segments(String path) {
        String trimmed = path.startsWith("/") ? path.substring(1) : path;
        return trimmed.isEmpty() ? new String[0] : trimmed.split("/", -1);
    }
}
