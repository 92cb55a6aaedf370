package dev.iamgate.policy;

import dev.iamgate.internal.json.PolicyDocumentReader;

import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.Objects;

import tools.jackson.core.JsonParser;

/**
 * Parses IAM policy documents into immutable {@link Policy} values, rejecting what IAM rejects when
 * a policy is saved (see {@link PolicyProblem}). Every string of the result carries its {@link
 * SourceLocation}.
 *
 * <p>The static methods use {@link Limits#DEFAULT}; {@link #withLimits(Limits)} makes a parser with
 * other limits, to be created once and shared. Parsers are thread-safe.
 *
 * <p>Any document, however malformed, either parses or fails with a {@link PolicyParseException}.
 * JSON-level problems (syntax, size, nesting, duplicate keys) are reported before policy-level
 * ones; among those the first in document order wins.
 */
public final class PolicyParser {

    /** The default limit on document length: 1 MiB of chars, a hundred times IAM's largest. */
    public static final int DEFAULT_MAX_DOCUMENT_CHARS = 1 << 20;

    /** The default limit on nesting; the policy grammar itself needs six levels. */
    public static final int DEFAULT_MAX_NESTING_DEPTH = 64;

    /** The highest nesting limit allowed, which keeps reading well within a thread's stack. */
    public static final int MAX_NESTING_DEPTH = 1000;

    /**
     * Bounds on what a parser reads, so that hostile input fails fast and in bounded memory.
     *
     * @param maxDocumentChars the longest document accepted, in UTF-16 chars
     * @param maxNestingDepth the deepest nesting of objects and arrays, the root object being 1; at
     *     most {@link #MAX_NESTING_DEPTH}
     */
    public record Limits(int maxDocumentChars, int maxNestingDepth) {

        /** {@link #DEFAULT_MAX_DOCUMENT_CHARS} and {@link #DEFAULT_MAX_NESTING_DEPTH}. */
        public static final Limits DEFAULT =
                new Limits(DEFAULT_MAX_DOCUMENT_CHARS, DEFAULT_MAX_NESTING_DEPTH);

        public Limits {
            if (maxDocumentChars < 1) {
                throw new IllegalArgumentException(
                        "maxDocumentChars must be positive: " + maxDocumentChars);
            }
            if (maxNestingDepth < 1 || maxNestingDepth > MAX_NESTING_DEPTH) {
                throw new IllegalArgumentException(
                        "maxNestingDepth must be between 1 and "
                                + MAX_NESTING_DEPTH
                                + ": "
                                + maxNestingDepth);
            }
        }
    }

    private static final PolicyParser DEFAULT = new PolicyParser(Limits.DEFAULT);

    private final Limits limits;
    private final PolicyDocumentReader reader;

    private PolicyParser(Limits limits) {
        this.limits = limits;
        this.reader = limits.equals(Limits.DEFAULT) ? PolicyDocumentReader.DEFAULT
                : new PolicyDocumentReader(limits.maxDocumentChars(), limits.maxNestingDepth());
    }

    /**
     * Parses a policy document; {@code name} (a file name, say) is reported in errors and
     * decisions.
     *
     * @throws PolicyParseException if the document is not a policy IAM would accept
     * @throws NullPointerException if an argument is null
     */
    public static Policy parse(String json, String name) {
        return DEFAULT.read(json, name);
    }

    /** Parses a policy document with no name; see {@link #parse(String, String)}. */
    public static Policy parse(String json) {
        return DEFAULT.read(json, "");
    }

    /**
     * Parses a policy document from a reader, which is left open.
     *
     * @throws PolicyParseException if the document is not a policy IAM would accept
     * @throws UncheckedIOException if the reader fails
     * @throws NullPointerException if an argument is null
     */
    public static Policy parse(Reader reader, String name) {
        return DEFAULT.read(reader, name);
    }

    /**
     * Parses a policy document embedded in a larger JSON text: the document begins at the
     * parser's current token, and the parser is left on the document's last token, open, to go
     * on with the rest. Locations are those of the larger text, and the length limit counts the
     * document's extent in the parser's input (bytes for a byte source). This reads the document
     * from the tokens the caller is reading anyway, with no second pass over its text.
     *
     * @throws PolicyParseException if the document is not a policy IAM would accept
     * @throws UncheckedIOException if the parser's input fails
     * @throws NullPointerException if an argument is null
     */
    public static Policy parse(JsonParser parser, String name) {
        return DEFAULT.read(parser, name);
    }

    /** A parser with other limits. Creating one has a cost: make it once and keep it. */
    public static PolicyParser withLimits(Limits limits) {
        Objects.requireNonNull(limits, "limits");
        return limits.equals(Limits.DEFAULT) ? DEFAULT : new PolicyParser(limits);
    }

    /** The limits this parser enforces. */
    public Limits limits() {
        return limits;
    }

    /** As {@link #parse(String, String)}, under this parser's limits. */
    public Policy read(String json, String name) {
        return reader.read(json, name);
    }

    /** As {@link #parse(JsonParser, String)}, under this parser's limits. */
    public Policy read(JsonParser parser, String name) {
        return reader.read(parser, name);
    }

    /** As {@link #parse(Reader, String)}, under this parser's limits. */
    public Policy read(Reader reader, String name) {
        return this.reader.read(reader, name);
    }
}
