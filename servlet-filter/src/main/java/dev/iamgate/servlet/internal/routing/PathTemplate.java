package dev.iamgate.servlet.internal.routing;

import dev.iamgate.servlet.internal.routing.RouteSyntaxException.Part;
import java.util.ArrayList;
import java.util.List;

/**
 * A parsed path template: literal segments, {@code {name}} variables and an optional final
 * catch-all ({@code {name...}} or {@code **}). The rules are those of the {@linkplain
 * dev.iamgate.servlet.mapping mapping package}.
 *
 * @param text the template as declared
 * @param segments its segments, none for the root {@code /}
 */
record PathTemplate(String text, List<Segment> segments) {

    PathTemplate {
        segments = List.copyOf(segments);
    }

    /** One segment of a template. */
    sealed interface Segment permits Literal, Variable, CatchAll {

        /** The segment as it counts for conflicts: variables are equal whatever their names. */
        String shape();
    }

    /** Matches exactly {@code text}. */
    record Literal(String text) implements Segment {
        @Override
        public String shape() {
            return text;
        }
    }

    /** Matches one non-empty segment, bound to {@code name}. */
    record Variable(String name) implements Segment {
        @Override
        public String shape() {
            return "{}";
        }
    }

    /** Matches the rest of the path; {@code name} is empty for {@code **}, which binds nothing. */
    record CatchAll(String name) implements Segment {
        @Override
        public String shape() {
            return "**";
        }

        boolean named() {
            return !name.isEmpty();
        }
    }

    /** @throws RouteSyntaxException when the template breaks a rule */
    static PathTemplate parse(String text) {
        if (text.isEmpty()) {
            throw problem("a route needs a path");
        }
        if (text.charAt(0) != '/') {
            throw problem("path \"" + text + "\" must start with \"/\"");
        }
        List<Segment> segments = new ArrayList<>();
        if (text.length() == 1) {
            return new PathTemplate(text, segments);
        }
        List<String> names = new ArrayList<>();
        int start = 1;
        while (start >= 0) {
            int slash = text.indexOf('/', start);
            int end = slash < 0 ? text.length() : slash;
            Segment segment = segment(text, text.substring(start, end));
            if (segment instanceof CatchAll && slash >= 0) {
                throw problem("path \"" + text + "\": a catch-all must be the last segment");
            }
            String name = segment instanceof Variable variable ? variable.name()
                    : segment instanceof CatchAll catchAll ? catchAll.name() : "";
            if (!name.isEmpty()) {
                if (names.contains(name)) {
                    throw problem("path \"" + text + "\" binds {" + name + "} twice");
                }
                names.add(name);
            }
            segments.add(segment);
            start = slash < 0 ? -1 : slash + 1;
        }
        return new PathTemplate(text, segments);
    }

    private static Segment segment(String text, String segment) {
        if (segment.isEmpty()) {
            throw problem("path \"" + text + "\" has an empty segment; a path never contains \"//\" and never"
                    + " ends with \"/\", except the root \"/\"");
        }
        if (segment.equals("**")) {
            return new CatchAll("");
        }
        if (segment.charAt(0) == '{' && segment.charAt(segment.length() - 1) == '}') {
            String inner = segment.substring(1, segment.length() - 1);
            boolean catchAll = inner.endsWith("...");
            String name = catchAll ? inner.substring(0, inner.length() - 3) : inner;
            if (!isVariableName(name)) {
                throw problem("path \"" + text + "\": \"" + segment + "\" is not a variable; a variable name is"
                        + " letters, digits and _, not starting with a digit");
            }
            return catchAll ? new CatchAll(name) : new Variable(name);
        }
        if (segment.equals(".") || segment.equals("..")) {
            throw problem("path \"" + text + "\": \"" + segment + "\" never appears in a normalised path");
        }
        for (int i = 0; i < segment.length(); i++) {
            char c = segment.charAt(i);
            if (c == '{' || c == '}') {
                throw problem("path \"" + text + "\": segment \"" + segment + "\" mixes text and a variable;"
                        + " a variable is a whole segment, like /{name}/");
            }
            if (c == '*') {
                throw problem("path \"" + text + "\": \"*\" is only allowed as the whole last segment \"**\"");
            }
            if (c == '%') {
                throw problem("path \"" + text + "\": templates match the decoded path, so write the"
                        + " character itself instead of a %-escape");
            }
            if (c <= ' ' || c == 0x7f || c == '?' || c == '#' || c == ';' || c == '\\') {
                throw problem("path \"" + text + "\": segment \"" + segment + "\" contains "
                        + describe(c) + ", which never reaches routing in a request path");
            }
        }
        return new Literal(segment);
    }

    static boolean isVariableName(String name) {
        if (name.isEmpty() || (name.charAt(0) >= '0' && name.charAt(0) <= '9')) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    private static String describe(char c) {
        return c <= ' ' || c == 0x7f ? String.format("U+%04X", (int) c) : "\"" + c + "\"";
    }

    private static RouteSyntaxException problem(String message) {
        return new RouteSyntaxException(Part.PATH, message);
    }

    /** The segment index that binds {@code name}, or -1. */
    int depthOf(String name) {
        for (int i = 0; i < segments.size(); i++) {
            Segment segment = segments.get(i);
            if ((segment instanceof Variable variable && variable.name().equals(name))
                    || (segment instanceof CatchAll catchAll && catchAll.named() && catchAll.name().equals(name))) {
                return i;
            }
        }
        return -1;
    }

    /** The template with variables unnamed, e.g. {@code /api/users/{}/keys}: equal shapes conflict. */
    String shape() {
        if (segments.isEmpty()) {
            return "/";
        }
        StringBuilder shape = new StringBuilder();
        for (Segment segment : segments) {
            shape.append('/').append(segment.shape());
        }
        return shape.toString();
    }
}
