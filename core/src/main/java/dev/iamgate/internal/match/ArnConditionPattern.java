package dev.iamgate.internal.match;

import dev.iamgate.internal.RequestKeys;

/**
 * A compiled ArnEquals/ArnLike policy value (the two operators behave the same): six
 * colon-separated parts matched one by one.
 *
 * <p>Pattern and value are each split on their first five colons into
 * {@code arn:partition:service:region:account-id:resource}; the sixth part keeps any further
 * colons and slashes. Either side with fewer than six parts never matches. Each part is a
 * case-sensitive glob of its own, so a {@code *} never crosses the five separating colons:
 * unlike StringLike, {@code arn:aws:svc:*:111122223333:finance/*} does not match
 * {@code arn:aws:svc:us-east-2:999999999999:store/abc:111122223333:finance/d.txt}.
 *
 * <p>Policy variables are allowed in every part. The pattern is split on its own colons, not on
 * colons inside a reference such as {@code ${aws:PrincipalAccount}}, and substituted text is
 * literal, so it never adds a separator. Matching is linear in the value length and allocates
 * nothing for a pattern without variables. Immutable and thread-safe.
 */
public final class ArnConditionPattern {

    private static final int PARTS = 6;

    private final String source;
    /** The six part globs, or null when the pattern has fewer than six parts. */
    private final GlobProgram[] parts;

    private ArnConditionPattern(String source, GlobProgram[] parts) {
        this.source = source;
        this.parts = parts;
    }

    public static ArnConditionPattern compile(String text, boolean variablesEnabled) {
        Splitter splitter = new Splitter();
        VariableParser.parse(text, 0, variablesEnabled, splitter);
        if (splitter.index < PARTS - 1) {
            return new ArnConditionPattern(text, null);
        }
        GlobProgram[] parts = new GlobProgram[PARTS];
        for (int i = 0; i < PARTS; i++) {
            parts[i] = splitter.parts[i].build();
        }
        return new ArnConditionPattern(text, parts);
    }

    public boolean matches(String arn, RequestKeys keys) {
        if (parts == null) {
            return false;
        }
        int start = 0;
        for (int i = 0; i < PARTS - 1; i++) {
            int colon = arn.indexOf(':', start);
            if (colon < 0 || !parts[i].matches(arn, start, colon, keys)) {
                return false;
            }
            start = colon + 1;
        }
        return parts[PARTS - 1].matches(arn, start, arn.length(), keys);
    }

    /**
     * This pattern for one request (see {@link GlobPattern#bind}): itself unless a part substitutes
     * variables per match; null when a variable cannot be resolved, as then nothing matches.
     */
    public ArnConditionPattern bind(RequestKeys keys) {
        if (!bindsPerRequest()) {
            return this;
        }
        GlobProgram[] bound = null;
        for (int i = 0; i < PARTS; i++) {
            GlobProgram part = parts[i].bind(keys);
            if (part == null) {
                return null;
            }
            if (part != parts[i]) {
                if (bound == null) {
                    bound = parts.clone();
                }
                bound[i] = part;
            }
        }
        return bound == null ? this : new ArnConditionPattern(source, bound);
    }

    /** Whether {@link #bind} substitutes anything: a match would otherwise compile a part per value. */
    public boolean bindsPerRequest() {
        if (parts != null) {
            for (GlobProgram part : parts) {
                if (part.compilesPerMatch()) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The policy text as written. */
    @Override
    public String toString() {
        return source;
    }

    /** Routes parsed pieces to one builder per part, switching at the first five raw colons. */
    private static final class Splitter implements VariableParser.Sink {
        final GlobProgram.Builder[] parts = new GlobProgram.Builder[PARTS];
        int index;

        Splitter() {
            for (int i = 0; i < PARTS; i++) {
                parts[i] = new GlobProgram.Builder(false);
            }
        }

        @Override
        public void raw(char c) {
            if (c == ':' && index < PARTS - 1) {
                index++;
            } else {
                parts[index].raw(c);
            }
        }

        @Override
        public void escaped(char c) {
            parts[index].escaped(c);
        }

        @Override
        public void variable(Variable variable) {
            parts[index].variable(variable);
        }
    }
}
