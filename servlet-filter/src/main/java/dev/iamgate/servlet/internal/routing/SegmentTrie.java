package dev.iamgate.servlet.internal.routing;

import dev.iamgate.servlet.internal.routing.PathTemplate.CatchAll;
import dev.iamgate.servlet.internal.routing.PathTemplate.Literal;
import dev.iamgate.servlet.internal.routing.PathTemplate.Segment;
import dev.iamgate.servlet.mapping.RouteConflictException;
import java.util.HashMap;
import java.util.Map;

/**
 * The routes of one HTTP method as a trie of path segments. Each node has literal children (found
 * by hashing the request's segment in place, without cutting it out), at most one variable child,
 * and the routes that end there or whose catch-all starts there.
 *
 * <p>A lookup tries, at each segment, the literal child, then the variable child, then the
 * catch-all, and backs up when a branch ends without a route: the first route found is the most
 * specific one, compared segment by segment from the left. Each node is entered at most once per
 * lookup (a node sits at a fixed depth, reached by one path), so a lookup costs at most the size
 * of the trie and usually one step per segment, whatever the request.
 *
 * <p>Built by one thread with {@link #insert} and {@link #freeze}; read-only and safe to share
 * afterwards.
 */
final class SegmentTrie {

    private final String method;
    private final Node root = new Node();

    /** @param method the HTTP method, or {@code every method}, for conflict messages */
    SegmentTrie(String method) {
        this.method = method;
    }

    /** @throws RouteConflictException when a route of the same shape is already there */
    void insert(CompiledRoute route) {
        Node node = root;
        for (Segment segment : route.path().segments()) {
            if (segment instanceof CatchAll) {
                node.catchAll = claim(node.catchAll, route);
                return;
            }
            node = segment instanceof Literal literal
                    ? node.building.computeIfAbsent(literal.text(), text -> new Node())
                    : (node.variable != null ? node.variable : (node.variable = new Node()));
        }
        node.route = claim(node.route, route);
    }

    private CompiledRoute claim(CompiledRoute existing, CompiledRoute route) {
        if (existing != null) {
            throw new RouteConflictException(method, existing.declaration(), route.declaration());
        }
        return route;
    }

    /** Ends building: literal children move into their lookup tables. */
    void freeze() {
        root.freeze();
    }

    /**
     * The most specific route matching a path, or null.
     *
     * @param path starts with {@code /}
     */
    CompiledRoute find(String path) {
        // "/" has no segments; any other path starts its first segment after the slash
        return find(root, path, path.length() == 1 ? -1 : 1);
    }

    /** @param start where the next segment starts, or -1 when the path has no more */
    private static CompiledRoute find(Node node, String path, int start) {
        if (start < 0) {
            return node.route;
        }
        int length = path.length();
        int slash = path.indexOf('/', start);
        int end = slash < 0 ? length : slash;
        int next = slash < 0 ? -1 : slash + 1;
        if (end > start) {
            Node literal = node.literals.get(path, start, end);
            if (literal != null) {
                CompiledRoute found = find(literal, path, next);
                if (found != null) {
                    return found;
                }
            }
            if (node.variable != null && IamNames.isName(path, start, end)) {
                CompiledRoute found = find(node.variable, path, next);
                if (found != null) {
                    return found;
                }
            }
        }
        CompiledRoute catchAll = node.catchAll;
        return catchAll != null && catchAll.acceptsRest(path, start) ? catchAll : null;
    }

    private static final class Node {
        private Map<String, Node> building = new HashMap<>();
        private LiteralChildren literals = LiteralChildren.NONE;
        private Node variable;
        private CompiledRoute route;
        private CompiledRoute catchAll;

        void freeze() {
            if (building == null) {
                return;
            }
            building.values().forEach(Node::freeze);
            if (variable != null) {
                variable.freeze();
            }
            literals = LiteralChildren.of(building);
            building = null;
        }
    }

    /**
     * Literal children in an open-addressing table keyed by {@link String#hashCode()}, which a
     * lookup computes over the request's segment where it lies and confirms with {@link
     * String#regionMatches}: no substring per segment.
     */
    private static final class LiteralChildren {

        static final LiteralChildren NONE = new LiteralChildren(new String[1], new int[1], new Node[1]);

        private final String[] keys;
        private final int[] hashes;
        private final Node[] nodes;
        private final int mask;

        private LiteralChildren(String[] keys, int[] hashes, Node[] nodes) {
            this.keys = keys;
            this.hashes = hashes;
            this.nodes = nodes;
            this.mask = keys.length - 1;
        }

        static LiteralChildren of(Map<String, Node> children) {
            if (children.isEmpty()) {
                return NONE;
            }
            // at most half full, so probes stay short and an empty slot always ends them
            int capacity = Integer.highestOneBit(children.size() * 2 - 1) << 1;
            LiteralChildren table = new LiteralChildren(new String[capacity], new int[capacity], new Node[capacity]);
            children.forEach((key, node) -> {
                int hash = key.hashCode();
                int slot = spread(hash) & table.mask;
                while (table.keys[slot] != null) {
                    slot = (slot + 1) & table.mask;
                }
                table.keys[slot] = key;
                table.hashes[slot] = hash;
                table.nodes[slot] = node;
            });
            return table;
        }

        Node get(String path, int start, int end) {
            int hash = 0;
            for (int i = start; i < end; i++) {
                hash = 31 * hash + path.charAt(i);
            }
            int length = end - start;
            for (int slot = spread(hash) & mask; ; slot = (slot + 1) & mask) {
                String key = keys[slot];
                if (key == null) {
                    return null;
                }
                if (hashes[slot] == hash && key.length() == length && path.regionMatches(start, key, 0, length)) {
                    return nodes[slot];
                }
            }
        }

        private static int spread(int hash) {
            return hash ^ (hash >>> 16);
        }
    }
}
