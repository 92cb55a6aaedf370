package dev.iamgate.properties;

import dev.iamgate.eval.Outcome;
import dev.iamgate.eval.PolicyType;
import dev.iamgate.policy.Condition;
import dev.iamgate.policy.Effect;
import dev.iamgate.policy.Policy;
import dev.iamgate.policy.PolicyVersion;
import dev.iamgate.policy.Statement;
import dev.iamgate.policy.TextValue;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The IAM decision logic restated straight from the semantics brief ({@code iam-semantics.md},
 * sections 1.5, 3 and 4), over the parsed model records only, for identity policies, one optional
 * permissions boundary and optional SCP levels. It shares no code with {@code dev.iamgate.internal}:
 * globs are matched by a plain dynamic programme over a token list, ARNs are cut with
 * {@link String#indexOf}, and nothing is compiled or indexed. It is written to be read and checked
 * against the brief, not to be fast.
 *
 * <p>Conditions live in {@link ReferenceConditions}.
 */
final class ReferenceEvaluator {

    private ReferenceEvaluator() {}

    /**
     * A request as the brief describes it: who, what, on what, and condition keys whose names
     * compare case-insensitively (a key with no values is absent).
     */
    record Request(String principal, String action, String resource, Map<String, List<String>> keys) {

        Request {
            Objects.requireNonNull(principal, "principal");
            Objects.requireNonNull(action, "action");
            Objects.requireNonNull(resource, "resource");
            keys = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(keys));
        }

        /** The values of a key, the name compared without case; empty when absent. */
        List<String> values(String key) {
            for (Map.Entry<String, List<String>> entry : keys.entrySet()) {
                if (entry.getKey().equalsIgnoreCase(key)) {
                    return entry.getValue();
                }
            }
            return List.of();
        }
    }

    /** The policies that decide: identity, the boundary (empty = none), the SCP levels (empty = none). */
    record Layers(List<Policy> identity, List<Policy> boundary, List<List<Policy>> scpLevels) {

        Layers {
            identity = List.copyOf(identity);
            boundary = List.copyOf(boundary);
            scpLevels = scpLevels.stream().map(List::copyOf).toList();
        }

        /** The policies of one kind; SCP policies are those of the (only) level. */
        List<Policy> of(PolicyType type) {
            return switch (type) {
                case IDENTITY -> identity;
                case PERMISSIONS_BOUNDARY -> boundary;
                case SERVICE_CONTROL -> scpLevels.isEmpty() ? List.of() : scpLevels.get(0);
                default -> List.of();
            };
        }
    }

    /**
     * The outcome, and every kind of policy the brief allows to be named as deciding: each kind
     * with an applicable Deny for an explicit deny; for an implicit deny the first failing step of
     * section 4.2 among SCPs and cross-account, else whichever of identity policies and boundary
     * fails to allow (the brief orders them, AWS's messages do not); identity for an allow.
     */
    record Verdict(Outcome outcome, Set<PolicyType> decidingTypes) {}

    /** Section 4.2 for a caller without resource-based or session policies, and 4.3 for cross-account. */
    static Verdict decide(Layers layers, Request request) {
        Set<PolicyType> denying = EnumSet.noneOf(PolicyType.class);
        for (List<Policy> level : layers.scpLevels()) {
            if (anyApplies(level, Effect.DENY, request)) {
                denying.add(PolicyType.SERVICE_CONTROL);
            }
        }
        if (anyApplies(layers.identity(), Effect.DENY, request)) {
            denying.add(PolicyType.IDENTITY);
        }
        if (anyApplies(layers.boundary(), Effect.DENY, request)) {
            denying.add(PolicyType.PERMISSIONS_BOUNDARY);
        }
        if (!denying.isEmpty()) {
            return new Verdict(Outcome.EXPLICIT_DENY, denying);
        }
        for (List<Policy> level : layers.scpLevels()) {
            if (!anyApplies(level, Effect.ALLOW, request)) {
                return new Verdict(Outcome.IMPLICIT_DENY, EnumSet.of(PolicyType.SERVICE_CONTROL));
            }
        }
        if (!sameAccount(request.principal(), request.resource())) {
            // 4.3: the resource's account must allow too, and only a resource-based policy can.
            return new Verdict(Outcome.IMPLICIT_DENY, EnumSet.of(PolicyType.RESOURCE));
        }
        Set<PolicyType> notAllowing = EnumSet.noneOf(PolicyType.class);
        if (!anyApplies(layers.identity(), Effect.ALLOW, request)) {
            notAllowing.add(PolicyType.IDENTITY);
        }
        if (!layers.boundary().isEmpty() && !anyApplies(layers.boundary(), Effect.ALLOW, request)) {
            notAllowing.add(PolicyType.PERMISSIONS_BOUNDARY);
        }
        if (!notAllowing.isEmpty()) {
            return new Verdict(Outcome.IMPLICIT_DENY, notAllowing);
        }
        return new Verdict(Outcome.ALLOW, EnumSet.of(PolicyType.IDENTITY));
    }

    private static boolean anyApplies(List<Policy> policies, Effect effect, Request request) {
        for (Policy policy : policies) {
            for (Statement statement : policy.statements()) {
                if (statement.effect() == effect && applies(policy, statement, request)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Section 4.1 without principals: action ∧ resource ∧ every condition. */
    static boolean applies(Policy policy, Statement statement, Request request) {
        boolean variables = policy.version() == PolicyVersion.V2012_10_17;
        return actionMatches(statement, request.action())
                && resourceMatches(statement, request, variables)
                && statement.conditions().stream()
                        .allMatch(condition -> ReferenceConditions.holds(condition, request, variables));
    }

    // ---- Action (1.4, 1.5): a case-insensitive glob over the whole service:Name ----

    static boolean actionMatches(Statement statement, String action) {
        boolean listed = false;
        for (TextValue pattern : statement.action().patterns()) {
            listed |= actionPatternMatches(pattern.text(), action);
        }
        return statement.action().negated() != listed;
    }

    static boolean actionPatternMatches(String pattern, String action) {
        List<Token> tokens = new ArrayList<>();
        for (char c : pattern.toLowerCase(Locale.ROOT).toCharArray()) {
            tokens.add(c == '*' ? Token.STAR : c == '?' ? Token.ONE : Token.literal(c));
        }
        return Glob.matches(tokens, action.toLowerCase(Locale.ROOT));
    }

    // ---- Resource (1.5, 3) ----

    static boolean resourceMatches(Statement statement, Request request, boolean variables) {
        if (statement.resource().isEmpty()) {
            return true;
        }
        boolean listed = false;
        for (TextValue pattern : statement.resource().get().patterns()) {
            listed |= resourcePatternMatches(pattern.text(), request, variables);
        }
        return statement.resource().get().negated() != listed;
    }

    /**
     * {@code *} alone matches everything. Otherwise, up to the pattern's fifth colon (the first
     * five ARN parts) a {@code ?} is one character other than a colon and a {@code *} stays
     * within its part, unless it ends the part (a colon or the end of the pattern follows it):
     * such a {@code *} "can expand to match beyond the colon boundaries" (IAM User Guide, as the
     * brief's 1.5 and ResourcePattern's contract have it). After the fifth colon (the resource
     * part) {@code *} and {@code ?} match anything, and policy variables are substituted as
     * literal text; an entry whose variable cannot be resolved matches nothing.
     */
    static boolean resourcePatternMatches(String pattern, Request request, boolean variables) {
        if (pattern.equals("*")) {
            return true;
        }
        int resourcePart = afterNthColon(pattern, 5);
        int headEnd = resourcePart < 0 ? pattern.length() : resourcePart;
        List<Token> tokens = new ArrayList<>();
        for (int i = 0; i < headEnd; i++) {
            char c = pattern.charAt(i);
            if (c == '*') {
                int next = i + 1;
                while (next < pattern.length() && pattern.charAt(next) == '*') {
                    next++;
                }
                boolean endsSegment = next == pattern.length() || pattern.charAt(next) == ':';
                tokens.add(endsSegment ? Token.STAR : Token.STAR_BUT_COLON);
            } else {
                tokens.add(c == '?' ? Token.ONE_BUT_COLON : Token.literal(c));
            }
        }
        if (resourcePart >= 0) {
            List<Token> rest = globTokens(pattern.substring(resourcePart), request, variables);
            if (rest == null) {
                return false;
            }
            tokens.addAll(rest);
        }
        return Glob.matches(tokens, request.resource());
    }

    /** The index after the n-th colon, or -1 when there are fewer. */
    static int afterNthColon(String text, int n) {
        int colon = -1;
        for (int k = 0; k < n; k++) {
            colon = text.indexOf(':', colon + 1);
            if (colon < 0) {
                return -1;
            }
        }
        return colon + 1;
    }

    /**
     * 4.3: the request is cross-account when the resource ARN names an account (its fifth part is
     * not empty) that is not the caller's. {@code *}, S3 ARNs and anonymous callers are same-account.
     */
    static boolean sameAccount(String principal, String resource) {
        String resourceAccount = accountOf(resource);
        String principalAccount = accountOf(principal);
        return resourceAccount.isEmpty() || principalAccount.isEmpty() || resourceAccount.equals(principalAccount);
    }

    private static String accountOf(String arn) {
        String[] parts = arn.split(":", 6);
        return arn.startsWith("arn:") && parts.length == 6 ? parts[4] : "";
    }

    // ---- Policy variables (3) ----

    /** One piece of a policy string: a raw character, an escape's character, or a variable. */
    sealed interface Piece permits Raw, Escape, Variable {}

    record Raw(char c) implements Piece {}

    record Escape(char c) implements Piece {}

    record Variable(String key, String defaultValue) implements Piece {}

    /**
     * Splits a string into pieces by section 3's grammar: the escapes {@code ${*}}, {@code ${?}},
     * {@code ${$}}; references {@code ${key}} and {@code ${key, 'default'}} (a key is a run of
     * characters other than whitespace, braces, {@code $}, comma and quote; the default is
     * "comma, one space, single-quoted literal" closed by {@code '}}); anything else, a malformed
     * {@code ${} included, is raw text. Without variables every character is raw.
     */
    static List<Piece> pieces(String text, boolean variables) {
        List<Piece> pieces = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            if (variables && text.startsWith("${", i)) {
                if (i + 3 < text.length() && "*?$".indexOf(text.charAt(i + 2)) >= 0 && text.charAt(i + 3) == '}') {
                    pieces.add(new Escape(text.charAt(i + 2)));
                    i += 4;
                    continue;
                }
                Matcher m = REFERENCE.matcher(text).region(i, text.length());
                if (m.lookingAt()) {
                    pieces.add(new Variable(m.group(1), m.group(2)));
                    i = m.end();
                    continue;
                }
            }
            pieces.add(new Raw(text.charAt(i++)));
        }
        return pieces;
    }

    private static final Pattern REFERENCE = Pattern.compile("\\$\\{([^\\s{}$,']+)(?:}|, '([^']*)'})");

    /**
     * A variable's text: the key's single value; for an absent or multivalued key the default, or
     * null (unresolvable) when there is none.
     */
    static String resolve(Variable variable, Request request) {
        List<String> values = request.values(variable.key());
        return values.size() == 1 ? values.get(0) : variable.defaultValue();
    }

    /**
     * Glob tokens of a string with wildcards ({@code *} and {@code ?} match anything, colons
     * included); escapes and substituted text are literal. Null when a variable is unresolvable.
     */
    static List<Token> globTokens(String text, Request request, boolean variables) {
        List<Token> tokens = new ArrayList<>();
        for (Piece piece : pieces(text, variables)) {
            if (piece instanceof Raw raw) {
                tokens.add(raw.c() == '*' ? Token.STAR : raw.c() == '?' ? Token.ONE : Token.literal(raw.c()));
            } else if (piece instanceof Escape escape) {
                tokens.add(Token.literal(escape.c()));
            } else if (piece instanceof Variable variable) {
                String value = resolve(variable, request);
                if (value == null) {
                    return null;
                }
                for (char c : value.toCharArray()) {
                    tokens.add(Token.literal(c));
                }
            }
        }
        return tokens;
    }

    // ---- Globs ----

    /** A glob position: one literal character, one character, or a run of characters. */
    record Token(Kind kind, char c) {
        enum Kind { LITERAL, ONE, ONE_BUT_COLON, STAR, STAR_BUT_COLON }

        static final Token ONE = new Token(Kind.ONE, '?');
        static final Token ONE_BUT_COLON = new Token(Kind.ONE_BUT_COLON, '?');
        static final Token STAR = new Token(Kind.STAR, '*');
        static final Token STAR_BUT_COLON = new Token(Kind.STAR_BUT_COLON, '*');

        static Token literal(char c) {
            return new Token(Kind.LITERAL, c);
        }
    }

    /** Whole-string glob matching by dynamic programming: {@code m[i][j]} = tokens from i match s from j. */
    static final class Glob {

        private Glob() {}

        static boolean matches(List<Token> tokens, String s) {
            int p = tokens.size();
            int n = s.length();
            boolean[][] m = new boolean[p + 1][n + 1];
            m[p][n] = true;
            for (int i = p - 1; i >= 0; i--) {
                Token t = tokens.get(i);
                for (int j = n; j >= 0; j--) {
                    boolean more = j < n;
                    m[i][j] = switch (t.kind()) {
                        case LITERAL -> more && s.charAt(j) == t.c() && m[i + 1][j + 1];
                        case ONE -> more && m[i + 1][j + 1];
                        case ONE_BUT_COLON -> more && s.charAt(j) != ':' && m[i + 1][j + 1];
                        case STAR -> m[i + 1][j] || (more && m[i][j + 1]);
                        case STAR_BUT_COLON -> m[i + 1][j] || (more && s.charAt(j) != ':' && m[i][j + 1]);
                    };
                }
            }
            return m[0][0];
        }
    }

    /** For reports: a condition as written. */
    static String describe(Condition condition) {
        return condition.operator().jsonName() + " " + condition.key().text() + " "
                + condition.values().stream().map(TextValue::text).toList();
    }
}
