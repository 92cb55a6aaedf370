package dev.iamgate.internal.match;

import dev.iamgate.internal.RequestKeys;

/**
 * A compiled {@code Resource}/{@code NotResource} entry, matched as IAM matches ARNs.
 * Case-sensitive.
 *
 * <p>{@code "*"} alone matches every resource. Otherwise the pattern is a glob whose wildcards
 * respect the ARN segments {@code arn:partition:service:region:account-id:resource}: before the
 * pattern's fifth colon a {@code ?} never matches {@code :} and a {@code *} never crosses one,
 * except a {@code *} that ends its segment (followed by {@code :} or the end of the pattern),
 * which "can expand to match beyond the colon boundaries" (IAM User Guide). So
 * {@code arn:aws:ec2:us-east-1*:instance/*} matches
 * {@code arn:aws:ec2:us-east-1:123456789012:instance/i-1}. In the resource part, after the
 * fifth colon, {@code *} and {@code ?} match anything, {@code :} and {@code /} included. A
 * pattern with fewer than five colons lies wholly in the first five segments; it is matched by
 * the same rule rather than rejected, which is what lets the example above (four colons) match.
 *
 * <p>Policy variables are substituted only in the resource part, as the IAM User Guide allows
 * them only there; {@code ${...}} before the fifth colon stays pattern text. The fifth colon is
 * counted in the raw text, as the request ARN's colons are. Matching is linear in the resource
 * length (see {@link GlobProgram}). Immutable and thread-safe.
 */
public final class ResourcePattern {

    /** {@link #shape} of a pattern matched by its program, or of {@code "*"}. */
    private static final int PROGRAM = -2;
    /** {@link #shape} of a pattern without wildcard or variable, so that equality decides. */
    private static final int LITERAL = -1;

    private final String source;
    /** Null for {@code "*"}, a literal ARN and a one-star pattern. */
    private final GlobProgram program;
    /**
     * {@link #PROGRAM}, {@link #LITERAL}, or the index of the only wildcard of a pattern whose one
     * {@code *} crosses colons ({@code arn:aws:s3:::bucket/*}, {@code arn:aws:iam::*:user/alice}):
     * a prefix and a suffix compared in place decide, with no program to keep.
     */
    private final int shape;

    private ResourcePattern(String source, GlobProgram program, int shape) {
        this.source = source;
        this.program = program;
        this.shape = shape;
    }

    public static ResourcePattern compile(String text, boolean variablesEnabled) {
        if (text.equals("*")) {
            return new ResourcePattern(text, null, PROGRAM);
        }
        int resourcePart = afterFifthColon(text);
        // A plain ARN, or one with a single colon-crossing star (the common cases in large sets),
        // needs no program: comparing in place is the match.
        if (text.indexOf('?') < 0 && !(variablesEnabled && text.contains("${"))) {
            int star = text.indexOf('*');
            if (star < 0) {
                return new ResourcePattern(text, null, LITERAL);
            }
            boolean crossesColons = resourcePart >= 0 && star >= resourcePart
                    || star + 1 == text.length() || text.charAt(star + 1) == ':';
            if (crossesColons && text.indexOf('*', star + 1) < 0) {
                return new ResourcePattern(text, null, star);
            }
        }
        int headEnd = resourcePart < 0 ? text.length() : resourcePart;
        GlobProgram.Builder builder = new GlobProgram.Builder(false);
        int i = 0;
        while (i < headEnd) {
            char c = text.charAt(i);
            if (c == '*') {
                int next = i + 1;
                while (next < headEnd && text.charAt(next) == '*') {
                    next++;
                }
                // The head ends with the fifth colon, so "next == length" means the pattern's end.
                builder.star(next == text.length() || text.charAt(next) == ':');
                i = next;
            } else {
                if (c == '?') {
                    builder.any(false);
                } else {
                    builder.literal(c);
                }
                i++;
            }
        }
        if (resourcePart >= 0) {
            VariableParser.parse(text, resourcePart, variablesEnabled, builder);
        }
        return new ResourcePattern(text, builder.build(), PROGRAM);
    }

    public boolean matches(String resource, RequestKeys keys) {
        if (shape == LITERAL) {
            return source.equals(resource);
        }
        if (shape >= 0) {
            return matchesAroundStar(resource);
        }
        return program == null || program.matches(resource, 0, resource.length(), keys);
    }

    /**
     * A one-star pattern: the suffix compared backwards first, as ARNs differ most at their end,
     * then the prefix; the two must not overlap.
     */
    private boolean matchesAroundStar(String resource) {
        int end = resource.length() - 1;
        if (end - (source.length() - 1 - shape) < shape - 1) {
            return false;
        }
        for (int i = source.length() - 1; i > shape; i--, end--) {
            if (source.charAt(i) != resource.charAt(end)) {
                return false;
            }
        }
        for (int i = 0; i < shape; i++) {
            if (source.charAt(i) != resource.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** Whether the pattern has no wildcard and no variable: it matches its own text and nothing else. */
    public boolean isLiteral() {
        return shape == LITERAL;
    }

    public boolean matchesEverything() {
        return program == null && shape == PROGRAM;
    }

    /** The policy text as written. */
    @Override
    public String toString() {
        return source;
    }

    /** The index after the fifth colon, or -1 when there are fewer than five. */
    static int afterFifthColon(String text) {
        int colon = -1;
        for (int n = 0; n < 5; n++) {
            colon = text.indexOf(':', colon + 1);
            if (colon < 0) {
                return -1;
            }
        }
        return colon + 1;
    }
}
