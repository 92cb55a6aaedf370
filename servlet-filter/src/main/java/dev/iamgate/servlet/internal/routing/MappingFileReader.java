package dev.iamgate.servlet.internal.routing;

import dev.iamgate.servlet.internal.routing.RouteSyntaxException.Part;
import dev.iamgate.servlet.mapping.InvalidRouteException;
import dev.iamgate.servlet.mapping.RouteDeclaration;
import dev.iamgate.servlet.mapping.RouteKind;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.TokenStreamFactory;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.JacksonIOException;
import tools.jackson.core.json.JsonFactory;

/**
 * Reads a JSON mapping file, for servlets the application cannot annotate and for static content:
 *
 * <pre>{@code
 * {"routes": [
 *   {"method": "GET", "path": "/api/account/summary", "action": "iam:GetAccountSummary", "resource": "*"},
 *   {"method": "POST", "path": "/api/users/{user}/access-keys", "action": "iam:CreateAccessKey",
 *    "resource": "arn:aws:iam::${account}:user/{user}", "context": {"iam:TargetUser": "{user}"}},
 *   {"method": "POST", "path": "/api/login", "kind": "public"},
 *   {"methods": ["GET", "HEAD"], "path": "/assets/{file...}", "kind": "public"}
 * ]}
 * }</pre>
 *
 * A route has {@code method} (one) or {@code methods} (a non-empty array), {@code path}, and
 * {@code kind}: {@code policy-protected} (when absent), {@code authenticated-only} or {@code
 * public}; a policy-protected route also has {@code action}, {@code resource} and optionally
 * {@code context}, an object of condition keys to value templates. Anything else is rejected: an
 * unknown or repeated field, a value of the wrong type, a route breaking a rule of the {@linkplain
 * dev.iamgate.servlet.mapping mapping package}. Each error is an {@link InvalidRouteException}
 * whose source is {@code file:line:column} of the offending token. Each route's source is the
 * position of its opening brace. Conflicts between routes are found when the table is built.
 */
public final class MappingFileReader {

    private static final List<String> FIELDS =
            List.of("method", "methods", "path", "kind", "action", "resource", "context");

    private static final JsonFactory FACTORY = JsonFactory.builder()
            // the caller owns the stream or reader
            .disable(StreamReadFeature.AUTO_CLOSE_SOURCE)
            .disable(TokenStreamFactory.Feature.INTERN_PROPERTY_NAMES)
            .build();

    private final JsonParser parser;
    private final String name;

    private MappingFileReader(JsonParser parser, String name) {
        this.parser = parser;
        this.name = name;
    }

    /**
     * Reads a mapping file in UTF-8 (or another encoding of JSON that Jackson detects).
     *
     * @throws InvalidRouteException when the file is not a valid mapping, naming line and column
     * @throws IOException when the file cannot be read
     */
    public static List<RouteDeclaration> read(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.toString());
        }
    }

    /**
     * Reads a mapping from a stream of bytes, which stays open, as {@link #read(Path)} reads a file:
     * bytes that are not text in the encoding are a JSON error, not characters replaced.
     *
     * @param name how messages name the mapping, e.g. its class path location
     */
    public static List<RouteDeclaration> read(InputStream in, String name) throws IOException {
        Objects.requireNonNull(name, "name");
        return read(FACTORY.createParser(ObjectReadContext.empty(), in), name);
    }

    /**
     * Reads a mapping from a reader, which stays open.
     *
     * @param name how messages name the mapping, e.g. its file name
     */
    public static List<RouteDeclaration> read(Reader reader, String name) throws IOException {
        Objects.requireNonNull(name, "name");
        return read(FACTORY.createParser(ObjectReadContext.empty(), reader), name);
    }

    /** Reads a mapping held in memory. */
    public static List<RouteDeclaration> read(String json, String name) {
        Objects.requireNonNull(name, "name");
        try {
            return read(FACTORY.createParser(ObjectReadContext.empty(), json), name);
        } catch (IOException e) {
            throw new AssertionError("reading a string cannot fail", e);
        }
    }

    private static List<RouteDeclaration> read(JsonParser parser, String name) throws IOException {
        try (parser) {
            return new MappingFileReader(parser, name).document();
        } catch (JacksonIOException e) {
            throw e.getCause();
        } catch (JacksonException e) {
            TokenStreamLocation at = e.getLocation() != null ? e.getLocation() : parser.currentLocation();
            String message = String.valueOf(e.getOriginalMessage());
            // Jackson appends a source description that only repeats what the location says
            int source = message.indexOf(" (start marker at [Source");
            throw new InvalidRouteException(
                    where(name, at), "invalid JSON: " + (source < 0 ? message : message.substring(0, source)), e);
        }
    }

    private List<RouteDeclaration> document() {
        JsonToken first = parser.nextToken();
        if (first == null) {
            throw error(name + ":1:1", "the file is empty; a mapping is {\"routes\": […]}");
        }
        if (first != JsonToken.START_OBJECT) {
            throw error(here(), "a mapping is an object, {\"routes\": […]}, not " + describe(first));
        }
        List<RouteDeclaration> routes = null;
        String start = here();
        while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
            String field = parser.currentName();
            if (!field.equals("routes")) {
                throw error(here(), "unknown field \"" + field + "\"; a mapping has only \"routes\"");
            }
            if (routes != null) {
                throw error(here(), "field \"routes\" appears twice");
            }
            routes = routes();
        }
        if (routes == null) {
            throw error(start, "the mapping has no \"routes\" array");
        }
        JsonToken after = parser.nextToken();
        if (after != null) {
            throw error(here(), "unexpected " + describe(after) + " after the end of the mapping");
        }
        return routes;
    }

    private List<RouteDeclaration> routes() {
        JsonToken token = parser.nextToken();
        if (token != JsonToken.START_ARRAY) {
            throw error(here(), "\"routes\" must be an array of routes, not " + describe(token));
        }
        List<RouteDeclaration> routes = new ArrayList<>();
        for (token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
            if (token != JsonToken.START_OBJECT) {
                throw error(here(), "a route must be an object, not " + describe(token));
            }
            routes.add(route());
        }
        return routes;
    }

    private RouteDeclaration route() {
        String source = here();
        Map<Part, String> locations = new EnumMap<>(Part.class);
        Set<String> seen = new HashSet<>();
        String method = null;
        Set<String> methods = null;
        String path = "";
        String kind = null;
        String kindAt = null;
        String action = "";
        String resource = "";
        Map<String, String> context = Map.of();
        while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
            String field = parser.currentName();
            if (!FIELDS.contains(field)) {
                throw error(here(), "unknown field \"" + field + "\"; a route has: " + String.join(", ", FIELDS));
            }
            if (!seen.add(field)) {
                throw error(here(), "field \"" + field + "\" appears twice in the route");
            }
            JsonToken value = parser.nextToken();
            String at = here();
            switch (field) {
                case "method" -> {
                    method = string(value, "\"" + field + "\"");
                    locations.putIfAbsent(Part.METHOD, at);
                }
                case "methods" -> {
                    methods = methods(value);
                    locations.put(Part.METHOD, at);
                }
                case "path" -> {
                    path = string(value, "\"" + field + "\"");
                    locations.put(Part.PATH, at);
                }
                case "kind" -> {
                    kind = string(value, "\"" + field + "\"");
                    kindAt = at;
                }
                case "action" -> {
                    action = string(value, "\"" + field + "\"");
                    locations.put(Part.ACTION, at);
                }
                case "resource" -> {
                    resource = string(value, "\"" + field + "\"");
                    locations.put(Part.RESOURCE, at);
                }
                default -> {
                    context = context(value);
                    locations.put(Part.CONTEXT, at);
                }
            }
        }
        if (method != null && methods != null) {
            throw error(locations.get(Part.METHOD), "give \"method\" or \"methods\", not both");
        }
        if (method == null && methods == null) {
            throw error(source, "the route has no \"method\" (or \"methods\")");
        }
        if (!seen.contains("path")) {
            throw error(source, "the route has no \"path\"");
        }
        RouteDeclaration declaration = new RouteDeclaration(
                kind(kind, kindAt), methods != null ? methods : Set.of(method), path, action, resource, context, source);
        try {
            // the account does not matter to the checks
            CompiledRoute.compile(declaration, "000000000000");
        } catch (RouteSyntaxException e) {
            throw error(locations.getOrDefault(e.part(), source), e.getMessage());
        }
        return declaration;
    }

    private RouteKind kind(String kind, String at) {
        if (kind == null) {
            return RouteKind.POLICY_PROTECTED;
        }
        return switch (kind) {
            case "policy-protected" -> RouteKind.POLICY_PROTECTED;
            case "authenticated-only" -> RouteKind.AUTHENTICATED_ONLY;
            case "public" -> RouteKind.PUBLIC;
            default -> throw error(at, "kind \"" + kind + "\" is not one of policy-protected, authenticated-only,"
                    + " public");
        };
    }

    private Set<String> methods(JsonToken token) {
        if (token != JsonToken.START_ARRAY) {
            throw error(here(), "\"methods\" must be an array of strings, not " + describe(token));
        }
        String start = here();
        Set<String> methods = new LinkedHashSet<>();
        for (token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
            String method = string(token, "each element of \"methods\"");
            if (!methods.add(method)) {
                throw error(here(), "method \"" + method + "\" is listed twice");
            }
        }
        if (methods.isEmpty()) {
            // an empty list would mean every method, which only the configuration may say
            throw error(start, "\"methods\" is empty; list the HTTP methods");
        }
        return methods;
    }

    private Map<String, String> context(JsonToken token) {
        if (token != JsonToken.START_OBJECT) {
            throw error(here(), "\"context\" must be an object of condition keys to values, not " + describe(token));
        }
        Map<String, String> context = new LinkedHashMap<>();
        while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
            String key = parser.currentName();
            String keyAt = here();
            if (context.containsKey(key)) {
                throw error(keyAt, "context key \"" + key + "\" appears twice");
            }
            context.put(key, string(parser.nextToken(), "the value of context key \"" + key + "\""));
        }
        return context;
    }

    /** @param what how to name the value in a message, e.g. {@code "path"} with the quotes */
    private String string(JsonToken token, String what) {
        if (token != JsonToken.VALUE_STRING) {
            throw error(here(), what + " must be a string, not " + describe(token));
        }
        return parser.getString();
    }

    private static String describe(JsonToken token) {
        if (token == null) {
            return "the end of the file";
        }
        return switch (token) {
            case START_OBJECT -> "an object";
            case START_ARRAY -> "an array";
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case VALUE_NULL -> "null";
            default -> token.toString();
        };
    }

    /** {@code name:line:column} of the current token. */
    private String here() {
        return where(name, parser.currentTokenLocation());
    }

    private static String where(String name, TokenStreamLocation at) {
        return name + ":" + Math.max(at.getLineNr(), 0) + ":" + Math.max(at.getColumnNr(), 0);
    }

    private static InvalidRouteException error(String where, String problem) {
        return new InvalidRouteException(where, problem);
    }
}
