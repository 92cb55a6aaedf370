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

    private final String source;
    /** Null for {@code "*"} and for a literal ARN. */
    private final GlobProgram program;
    /** Whether the pattern has no wildcard and no variable, so equality decides. */
    private final boolean literal;

    private ResourcePattern(String source, GlobProgram program, boolean literal) {
        this.source = source;
        this.program = program;
        this.literal = literal;
    }

    public static ResourcePattern compile(String text, boolean variablesEnabled) {
        if (text.equals("*")) {
            return new ResourcePattern(text, null, false);
        }
        // A plain ARN (the common case in large sets) needs no program: String.equals is the match.
        if (text.indexOf('*') < 0 && text.indexOf('?') < 0 && !(variablesEnabled && text.contains("${"))) {
            return new ResourcePattern(text, null, true);
        }
        int resourcePart = afterFifthColon(text);
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
        return new ResourcePattern(text, builder.build(), false);
    }

    public boolean matches(String resource, RequestKeys keys) {
        if (literal) {
            return source.equals(resource);
        }
        return program == null || program.matches(resource, 0, resource.length(), keys);
    }

    /** Whether the pattern has no wildcard and no variable: it matches its own text and nothing else. */
    public boolean isLiteral() {
        return literal;
    }

    public boolean matchesEverything() {
        return program == null && !literal;
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
