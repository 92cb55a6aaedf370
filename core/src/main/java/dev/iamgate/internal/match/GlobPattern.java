package dev.iamgate.internal.match;

import dev.iamgate.internal.RequestKeys;
import java.util.Locale;

/**
 * A compiled glob: {@code *} any run (possibly empty), {@code ?} one character, optional policy
 * variables. Used for actions (ignoring case) and StringLike values.
 *
 * <p>Escapes {@code ${*}}, {@code ${?}} and {@code ${$}} and substituted variable text are
 * literal characters, never wildcards. Without {@code variablesEnabled}, {@code ${...}} is
 * ordinary pattern text. A match runs in time linear in the value for a fixed pattern (see
 * {@link GlobProgram}) and allocates nothing unless the pattern has variables or a stretch
 * between two stars longer than 63 characters. Immutable and thread-safe.
 */
public final class GlobPattern {

    private final String source;
    private final GlobProgram program;
    /** The literal text when the pattern has no wildcard and no variable; null otherwise. */
    private final String literal;
    private final boolean matchesEverything;

    private GlobPattern(String source, GlobProgram program, String literal, boolean matchesEverything) {
        this.source = source;
        this.program = program;
        this.literal = literal;
        this.matchesEverything = matchesEverything;
    }

    /**
     * Compiles {@code text}. With {@code ignoreCase} characters compare by locale-free case
     * folding, as IAM compares actions ({@code IAM:listaccesskeys} = {@code iam:ListAccessKeys}).
     */
    public static GlobPattern compile(String text, boolean variablesEnabled, boolean ignoreCase) {
        GlobProgram.Builder builder = new GlobProgram.Builder(ignoreCase);
        VariableParser.parse(text, 0, variablesEnabled, builder);
        String literal = null;
        if (builder.isLiteral()) {
            literal = ignoreCase ? builder.text().toLowerCase(Locale.ROOT) : builder.text();
        }
        return new GlobPattern(text, builder.build(), literal, text.equals("*"));
    }

    /** True when the value matches; false when it does not or a variable cannot be resolved. */
    public boolean matches(String value, RequestKeys keys) {
        return matchesEverything || program.matches(value, 0, value.length(), keys);
    }

    /**
     * This pattern for one request, its variables substituted when matching would otherwise
     * substitute them per value; null when a variable cannot be resolved (nothing matches then).
     * Matching many values of one request through it stays linear in their total length.
     */
    public GlobPattern bind(RequestKeys keys) {
        if (!program.compilesPerMatch()) {
            return this;
        }
        GlobProgram bound = program.bind(keys);
        return bound == null ? null : new GlobPattern(source, bound, null, false);
    }

    /** Whether {@link #bind} substitutes anything: a match would otherwise compile per value. */
    public boolean bindsPerRequest() {
        return program.compilesPerMatch();
    }

    /** Whether the pattern is exactly {@code *}. */
    public boolean matchesEverything() {
        return matchesEverything;
    }

    /** Whether the pattern has no wildcard and no variable (so equality decides). */
    public boolean isLiteral() {
        return literal != null;
    }

    /**
     * The literal text (escapes resolved) when {@link #isLiteral()}; lower-cased with
     * {@link Locale#ROOT} for a pattern that ignores case, so an index keyed the same way finds
     * it.
     *
     * @throws IllegalStateException when the pattern is not literal
     */
    public String literalText() {
        if (literal == null) {
            throw new IllegalStateException("not a literal pattern: " + source);
        }
        return literal;
    }

    /** The policy text as written. */
    @Override
    public String toString() {
        return source;
    }
}
