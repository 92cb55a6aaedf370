package dev.iamgate.internal.validate;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds the {@code ${...}} references in a policy string and says what is wrong with each. The
 * matchers treat a malformed reference as plain text (so it matches nothing useful); the
 * validator's job is to say why.
 */
final class VariableRefs {

    /** What a {@code ${} starts. */
    enum Kind {
        /** {@code ${*}}, {@code ${?}} or {@code ${$}}. */
        ESCAPE,
        /** A well-formed {@code ${key}} or {@code ${key, 'default'}}. */
        VARIABLE,
        MISSING_BRACE,
        MISSING_QUOTE,
        UNSUPPORTED_SPACE,
        EMPTY
    }

    /**
     * One reference.
     *
     * @param kind what it is
     * @param text the reference as written, up to its closing brace if it has one
     * @param key the key name of a {@link Kind#VARIABLE}, empty otherwise
     * @param hasDefault whether a variable gives a default
     */
    record Ref(Kind kind, String text, String key, boolean hasDefault) {}

    private VariableRefs() {}

    /** Whether {@code text} contains anything that looks like a variable. */
    static boolean mentions(String text) {
        return text.contains("${");
    }

    /** Every reference in {@code text}, in order. */
    static List<Ref> scan(String text) {
        List<Ref> refs = new ArrayList<>();
        // the next closing brace, found once and reused by every ${ before it, so that a long
        // string of ${ before one brace is read in linear time
        int close = -1;
        int i = text.indexOf("${");
        while (i >= 0) {
            int next = i + 2;
            if (i + 3 < text.length() && text.charAt(i + 3) == '}'
                    && "*?$".indexOf(text.charAt(i + 2)) >= 0) {
                refs.add(new Ref(Kind.ESCAPE, text.substring(i, i + 4), "", false));
                next = i + 4;
            } else {
                if (close < i + 2) {
                    close = text.indexOf('}', i + 2);
                }
                if (close < 0) {
                    // no brace anywhere after this point: one report says it for the rest too
                    refs.add(new Ref(Kind.MISSING_BRACE, text.substring(i), "", false));
                    break;
                }
                int nested = firstOf(text, i + 2, close, '$', '{');
                if (nested >= 0) {
                    refs.add(new Ref(Kind.MISSING_BRACE, text.substring(i, nested), "", false));
                } else {
                    refs.add(classify(text.substring(i, close + 1)));
                    next = close + 1;
                }
            }
            i = text.indexOf("${", next);
        }
        return refs;
    }

    /** Classifies a reference that has its closing brace. */
    private static Ref classify(String ref) {
        String content = ref.substring(2, ref.length() - 1);
        int comma = content.indexOf(',');
        String name = comma < 0 ? content : content.substring(0, comma);
        if (name.isEmpty()) {
            return new Ref(Kind.EMPTY, ref, "", false);
        }
        if (hasWhitespace(name)) {
            return new Ref(name.isBlank() ? Kind.EMPTY : Kind.UNSUPPORTED_SPACE, ref, "", false);
        }
        if (comma < 0) {
            return new Ref(Kind.VARIABLE, ref, name, false);
        }
        // exactly: comma, one space, single-quoted text
        String rest = content.substring(comma + 1);
        if (rest.length() < 3 || !rest.startsWith(" '") || !rest.endsWith("'")) {
            return new Ref(Kind.MISSING_QUOTE, ref, "", false);
        }
        return new Ref(Kind.VARIABLE, ref, name, true);
    }

    /** The first index in {@code text[from, to)} holding {@code a} or {@code b}, or -1. */
    private static int firstOf(String text, int from, int to, char a, char b) {
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c == a || c == b) {
                return i;
            }
        }
        return -1;
    }

    private static boolean hasWhitespace(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.isWhitespace(s.charAt(i))) {
                return true;
            }
        }
        return false;
    }
}
