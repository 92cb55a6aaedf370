package dev.iamgate.cli;

import dev.iamgate.eval.PolicySet;
import dev.iamgate.policy.PolicyParseException;
import java.nio.charset.StandardCharsets;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.io.JsonStringEncoder;

/**
 * Decides one conformance case (one JSON line) and writes its answer line. Policy sets are parsed
 * and compiled once per distinct {@code policies} text and reused while recently seen, since
 * batches of cases tend to share them.
 */
final class CaseEvaluator {

    private static final JsonStringEncoder ENCODER = JsonStringEncoder.getInstance();

    private final PolicySetCache cache = new PolicySetCache(512);

    /**
     * Appends the answer line for the case at {@code line[from, to)} (UTF-8, no line break), or
     * nothing for a blank line. Lines are read by Jackson from the bytes; a line that fails on the
     * way (not JSON, invalid UTF-8, a bad policy, an evaluation error, a blank line) is decoded and
     * answered by {@link #answer(String, StringBuilder)}, so every answer is the one that method
     * gives, error messages included.
     */
    void answer(byte[] line, int from, int to, StringBuilder out) {
        int mark = out.length();
        try {
            CaseParts parts = CaseParts.read(line, from, to);
            if (parts.hasPoliciesRange() && parts.request != null) {
                PolicySet policies = cache.get(line, parts.policiesFrom, parts.policiesTo);
                String decision = policies.evaluate(parts.request).outcome().wireName();
                appendStart(out, parts.id).append(",\"decision\":\"").append(decision).append("\"}\n");
                return;
            }
        } catch (RuntimeException e) {
            out.setLength(mark); // the general path says what is wrong
        }
        String text = new String(line, from, to - from, StandardCharsets.UTF_8);
        if (!text.isBlank()) {
            answer(text, out);
            out.append('\n');
        }
    }

    /** Appends the answer line for a line longer than {@code limit} bytes, which was not read. */
    void answerTooLong(int limit, StringBuilder out) {
        appendError(out, null, "the line is longer than the limit of " + limit + " bytes; it was not read");
        out.append('\n');
    }

    /** Appends {@code {"id":…,"decision":…}} or {@code {"id":…,"error":…}} (no newline). */
    void answer(String line, StringBuilder out) {
        CaseParts parts = new CaseParts();
        try {
            parts.read(line);
            if (parts.policiesText == null) {
                throw new CaseException("the case has no \"policies\" object");
            }
            if (parts.request == null) {
                throw new CaseException("the case has no \"request\" object");
            }
            PolicySet policies = cache.get(parts.policiesText);
            String decision = policies.evaluate(parts.request).outcome().wireName();
            appendStart(out, parts.id).append(",\"decision\":\"").append(decision).append("\"}");
        } catch (CaseException | PolicyParseException e) {
            appendError(out, parts.id, e.getMessage());
        } catch (StreamConstraintsException e) {
            appendError(out, parts.id, "the line is not a valid case: " + withoutApiName(e.getOriginalMessage()));
        } catch (JacksonException e) {
            appendError(out, parts.id, "the line is not a valid case: " + e.getOriginalMessage());
        } catch (RuntimeException e) {
            appendError(out, parts.id, "the case could not be evaluated: " + e);
        }
    }

    /**
     * A reader limit's message without the name of the Jackson setting behind it, which means
     * nothing to someone who wrote a case: "Document nesting depth (501) exceeds the maximum
     * allowed (500)".
     */
    static String withoutApiName(String message) {
        int from = message.indexOf(", from `");
        int end = from < 0 ? -1 : message.indexOf("`)", from + 8);
        return end < 0 ? message : message.substring(0, from) + message.substring(end + 1);
    }

    private static void appendError(StringBuilder out, String id, String message) {
        appendStart(out, id).append(",\"error\":\"");
        ENCODER.quoteAsString(message, out);
        out.append("\"}");
    }

    private static StringBuilder appendStart(StringBuilder out, String id) {
        out.append("{\"id\":");
        if (id == null) {
            out.append("null");
        } else {
            out.append('"');
            ENCODER.quoteAsString(id, out);
            out.append('"');
        }
        return out;
    }

    /** A case that cannot be answered, with a message naming what is wrong. */
    static final class CaseException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        CaseException(String message) {
            super(message);
        }
    }
}
