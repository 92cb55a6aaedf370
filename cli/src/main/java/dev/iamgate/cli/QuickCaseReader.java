package dev.iamgate.cli;

import dev.iamgate.eval.RequestContext;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads a case line of the common shape straight from its UTF-8 bytes, without a JSON library,
 * decoding or per-token objects: printable ASCII; an {@code id} string; a {@code policies} object,
 * kept as a byte range for the cache; a {@code request} whose principal, action, resource and
 * context values are strings (context values also arrays of strings or null) written without
 * escapes. Other members are skipped after a strict check that they are JSON.
 *
 * <p>Anything else, including every line that is not valid JSON, makes {@link #read} return false,
 * and the caller answers the line with the general reader ({@link CaseParts}). This reader makes
 * the same builder calls in the same order as that one for the lines it accepts, so an accepted
 * line gets the answer the general reader would give. It does not check the policies object's
 * syntax: whoever compiles the range must fail on bad JSON, and then fall back too.
 *
 * <p>Not thread-safe: one per thread, reused line after line.
 */
final class QuickCaseReader extends JsonBytesScanner {

    int idFrom;
    int idTo;
    int policiesFrom;
    int policiesTo;
    /**
     * True when the policies object holds only arrays of policy objects of the plain kinds, each
     * noted below in document order; false when a JSON parser must read it.
     */
    boolean layoutKnown;
    int policyCount;
    PolicyKind[] policyKinds = new PolicyKind[8];
    /** Index of each policy in its array, for its name: {@code identity[0]}. */
    int[] policyIndexes = new int[8];
    int[] policyFroms = new int[8];
    int[] policyTos = new int[8];
    RequestContext request;

    private RequestContext.Builder requestBuilder;
    private boolean hasAction;
    private boolean hasResource;

    /**
     * Reads {@code line[from, to)}; true when it has the common shape and holds an id, a policies
     * object and a request, now in this reader's fields.
     */
    boolean read(byte[] line, int from, int to) {
        start(line, from, to);
        idFrom = -1;
        policiesFrom = -1;
        request = null;
        try {
            skipSpace();
            object(this::caseMember);
            skipSpace();
            return pos == end && idFrom >= 0 && policiesFrom >= 0 && request != null;
        } catch (RuntimeException e) {
            return false; // NOT_SIMPLE, or a builder's complaint: the general reader words it
        } finally {
            start(null, 0, 0);
        }
    }

    /** Reads a member's value, the position standing on it; the name is {@code in[from, to)}. */
    private interface MemberReader {
        void read(int nameFrom, int nameTo);
    }

    /** An object whose member names are strings without escapes; the values go to {@code values}. */
    private void object(MemberReader values) {
        expect('{');
        skipSpace();
        if (take('}')) {
            return;
        }
        do {
            skipSpace();
            int nameFrom = pos + 1;
            int nameTo = plainString();
            skipSpace();
            expect(':');
            skipSpace();
            values.read(nameFrom, nameTo);
            skipSpace();
        } while (take(','));
        expect('}');
    }

    private void caseMember(int nameFrom, int nameTo) {
        if (is(nameFrom, nameTo, "id")) {
            idFrom = pos + 1;
            idTo = plainString();
        } else if (is(nameFrom, nameTo, "policies")) {
            policiesFrom = pos;
            policies();
            policiesTo = pos;
        } else if (is(nameFrom, nameTo, "request")) {
            requestBuilder = RequestContext.builder();
            hasAction = false;
            hasResource = false;
            object(this::requestMember);
            if (!hasAction || !hasResource) {
                throw NOT_SIMPLE;
            }
            request = requestBuilder.build();
        } else {
            skipValue(1);
        }
    }

    /**
     * Passes the policies object, noting where each policy object of the four plain kinds stands;
     * with SCPs, RCPs or a policy given as a string the layout is left unknown, for the caller's
     * JSON parser to work out.
     */
    private void policies() {
        policyCount = 0;
        layoutKnown = true;
        object(this::policiesMember);
    }

    private void policiesMember(int nameFrom, int nameTo) {
        PolicyKind kind = PolicyKind.named(in, nameFrom, nameTo);
        if (kind == null || peek() != '[') {
            layoutKnown = false;
            skipBalancedValue();
        } else {
            policyArray(kind);
        }
    }

    private void policyArray(PolicyKind kind) {
        expect('[');
        skipSpace();
        if (take(']')) {
            return;
        }
        int index = 0;
        do {
            skipSpace();
            if (peek() != '{') {
                layoutKnown = false;
            }
            int from = pos;
            skipBalancedValue();
            if (policyCount == policyKinds.length) {
                policyKinds = Arrays.copyOf(policyKinds, policyCount * 2);
                policyIndexes = Arrays.copyOf(policyIndexes, policyCount * 2);
                policyFroms = Arrays.copyOf(policyFroms, policyCount * 2);
                policyTos = Arrays.copyOf(policyTos, policyCount * 2);
            }
            policyKinds[policyCount] = kind;
            policyIndexes[policyCount] = index++;
            policyFroms[policyCount] = from;
            policyTos[policyCount] = pos;
            policyCount++;
            skipSpace();
        } while (take(','));
        expect(']');
    }

    /** Passes an object or array by its brackets only, any other value strictly. */
    private void skipBalancedValue() {
        byte first = peek();
        if (first == '{' || first == '[') {
            skipBalanced();
        } else {
            skipValue(3);
        }
    }

    private void requestMember(int nameFrom, int nameTo) {
        if (is(nameFrom, nameTo, "principal")) {
            requestBuilder.principal(stringValue());
        } else if (is(nameFrom, nameTo, "action")) {
            requestBuilder.action(stringValue());
            hasAction = true;
        } else if (is(nameFrom, nameTo, "resource")) {
            requestBuilder.resource(stringValue());
            hasResource = true;
        } else if (is(nameFrom, nameTo, "context")) {
            if (peek() == 'n') {
                literal("null");
            } else {
                object(this::contextKey);
            }
        } else {
            skipValue(2);
        }
    }

    private void contextKey(int nameFrom, int nameTo) {
        String key = new String(in, nameFrom, nameTo - nameFrom, StandardCharsets.ISO_8859_1);
        byte first = peek();
        if (first == '[') {
            pos++;
            List<String> values = new ArrayList<>(4);
            skipSpace();
            if (peek() != ']') {
                do {
                    skipSpace();
                    values.add(stringValue());
                    skipSpace();
                } while (take(','));
            }
            expect(']');
            requestBuilder.key(key, values);
        } else if (first == 'n') {
            literal("null");
        } else {
            requestBuilder.key(key, stringValue());
        }
    }

}
