package dev.iamgate.internal.json;

import dev.iamgate.policy.Policy;
import dev.iamgate.policy.PolicyParser;
import dev.iamgate.policy.PolicyProblem;
import dev.iamgate.policy.SourceLocation;

import tools.jackson.core.JsonParser;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.TokenStreamFactory;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.util.JsonRecyclerPools;

import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.Objects;

/**
 * Reads policy documents with one configured Jackson factory; the engine behind {@link
 * dev.iamgate.policy.PolicyParser}. Thread-safe; build one per set of limits and share it.
 */
public final class PolicyDocumentReader {

    /** The reader with {@link PolicyParser}'s default limits, shared by it and the validator. */
    public static final PolicyDocumentReader DEFAULT = new PolicyDocumentReader(
            PolicyParser.DEFAULT_MAX_DOCUMENT_CHARS, PolicyParser.DEFAULT_MAX_NESTING_DEPTH);

    private final JsonFactory factory;
    private final int maxDocumentChars;
    private final int maxNestingDepth;

    /**
     * @param maxDocumentChars longest document accepted, in UTF-16 chars
     * @param maxNestingDepth deepest nesting of objects and arrays accepted, the root being 1; the
     *     tree is read recursively, so keep it to a few hundred
     */
    public PolicyDocumentReader(int maxDocumentChars, int maxNestingDepth) {
        if (maxDocumentChars < 1 || maxNestingDepth < 1 || maxNestingDepth == Integer.MAX_VALUE) {
            throw new IllegalArgumentException(
                    "bad limits: " + maxDocumentChars + " chars, depth " + maxNestingDepth);
        }
        this.maxDocumentChars = maxDocumentChars;
        this.maxNestingDepth = maxNestingDepth;
        this.factory =
                JsonFactory.builder()
                        .streamReadConstraints(
                                StreamReadConstraints.builder()
                                        // our own check comes first and knows the exact location;
                                        // this is a backstop
                                        .maxNestingDepth(maxNestingDepth + 1)
                                        // bounds reading from a Reader; no single string or number
                                        // can be longer
                                        .maxDocumentLength(maxDocumentChars)
                                        .maxStringLength(maxDocumentChars)
                                        .maxNameLength(maxDocumentChars)
                                        .maxNumberLength(maxDocumentChars)
                                        .build())
                        // the caller owns the Reader
                        .disable(StreamReadFeature.AUTO_CLOSE_SOURCE)
                        // buffers recycled per thread: the default shared deque costs a few
                        // percent of parsing a small document, more when threads contend
                        .recyclerPool(JsonRecyclerPools.threadLocalPool())
                        // no table of names shared across documents: names come from untrusted
                        // input, and
                        // the table would hold on to them for the life of the factory
                        .disable(TokenStreamFactory.Feature.INTERN_PROPERTY_NAMES)
                        .disable(TokenStreamFactory.Feature.CANONICALIZE_PROPERTY_NAMES)
                        .build();
    }

    /** A document parsed: the policy, and the JSON tree it was bound from. */
    public record ParsedDocument(Policy policy, JsonValue root) {}

    /** Parses a document held in memory; one over the length limit fails before any parsing. */
    public Policy read(String json, String name) {
        return readDocument(json, name).policy();
    }

    /** As {@link #read(String, String)}, keeping the document's JSON tree, which the validator reads. */
    public ParsedDocument readDocument(String json, String name) {
        Objects.requireNonNull(json, "json");
        Objects.requireNonNull(name, "name");
        Problems problems = new Problems(name);
        if (json.length() > maxDocumentChars) {
            throw problems.at(
                    new SourceLocation("", 1, 1),
                    PolicyProblem.DOCUMENT_TOO_LARGE,
                    "the document is "
                            + json.length()
                            + " characters long; the limit is "
                            + maxDocumentChars);
        }
        JsonValue root =
                JsonTreeReader.read(
                        factory.createParser(ObjectReadContext.empty(), json),
                        problems,
                        maxNestingDepth);
        return new ParsedDocument(PolicyBinder.bind(root, problems, name), root);
    }

    /**
     * Parses the document that begins at the parser's current token, inside a larger JSON text,
     * and leaves the parser on the document's last token, open. The
     * length limit applies to the document's extent in the parser's input, counted in the
     * input's units (bytes for a byte source); the caller's parser enforces its own limits first.
     */
    public Policy read(JsonParser parser, String name) {
        Objects.requireNonNull(parser, "parser");
        Objects.requireNonNull(name, "name");
        Problems problems = new Problems(name);
        TokenStreamLocation start = parser.currentTokenLocation();
        JsonValue root = JsonTreeReader.readEmbedded(parser, problems, maxNestingDepth);
        TokenStreamLocation end = parser.currentLocation();
        boolean bytes = start.getByteOffset() >= 0;
        long length = bytes
                ? end.getByteOffset() - start.getByteOffset()
                : end.getCharOffset() - start.getCharOffset();
        if (length > maxDocumentChars) {
            throw problems.at(
                    new SourceLocation("", start.getLineNr(), start.getColumnNr()),
                    PolicyProblem.DOCUMENT_TOO_LARGE,
                    "the document is " + length + (bytes ? " bytes" : " characters")
                            + " long; the limit is " + maxDocumentChars);
        }
        return PolicyBinder.bind(root, problems, name);
    }

    /**
     * Parses a document from a reader, which stays open; reading stops soon after the length limit
     * is passed.
     *
     * @throws UncheckedIOException when the reader fails
     */
    public Policy read(Reader reader, String name) {
        Objects.requireNonNull(reader, "reader");
        Objects.requireNonNull(name, "name");
        Problems problems = new Problems(name);
        JsonValue root =
                JsonTreeReader.read(
                        factory.createParser(ObjectReadContext.empty(), reader),
                        problems,
                        maxNestingDepth);
        return PolicyBinder.bind(root, problems, name);
    }
}
