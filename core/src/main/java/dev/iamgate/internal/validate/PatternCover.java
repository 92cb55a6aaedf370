package dev.iamgate.internal.validate;

import dev.iamgate.policy.TextValue;
import java.util.List;
import java.util.function.BiPredicate;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Whether one glob pattern matches everything another matches, for redundancy checks. The answer
 * errs on the side of "no": a "yes" is always right, so a pattern is never called redundant when it
 * is not.
 *
 * <p>Patterns are read as tokens: a literal character, {@code ?}, {@code *}, or a whole policy
 * variable {@code ${...}}, whose substituted value is unknown. {@code *} in the covering pattern
 * takes any run of tokens; {@code ?} takes one literal character or {@code ?}; a literal takes the
 * same literal; a variable only the same variable. A {@code *} or a variable in the covered pattern
 * can therefore only be taken by a {@code *}.
 */
final class PatternCover {

    /** Past this many cells the table is not built and the answer is "no". */
    private static final long MAX_CELLS = 1_000_000;

    /**
     * Redundancy checks compare every pattern of a list with every other. IAM's largest document
     * is 10,240 characters, so real lists are far shorter than this; longer ones (hostile or
     * generated input) are not compared, to keep validation fast.
     */
    static final int MAX_PAIRWISE = 500;

    private static final String STAR = "*";

    /** Token codes; literal characters are their own (non-negative) code. */
    private static final int ANY_ONE = -1;
    private static final int ANY_RUN = -2;
    private static final int FIRST_VARIABLE = -3;

    private PatternCover() {}

    /** Whether glob {@code wide} matches every string glob {@code narrow} matches. */
    static boolean covers(String wide, String narrow, boolean ignoreCase) {
        if (wide.equals(STAR) || (ignoreCase ? wide.equalsIgnoreCase(narrow) : wide.equals(narrow))) {
            return true;
        }
        if (isLiteral(wide)) {
            return false; // a literal covers only itself, and it is not equal
        }
        Map<String, Integer> variables = new HashMap<>();
        int[] a = tokens(ignoreCase ? wide.toLowerCase(Locale.ROOT) : wide, variables);
        int[] b = tokens(ignoreCase ? narrow.toLowerCase(Locale.ROOT) : narrow, variables);
        int n = a.length;
        int m = b.length;
        if ((long) (n + 1) * (m + 1) > MAX_CELLS) {
            return false;
        }
        // next[j]: a[i+1..] covers b[j..]; row[j]: a[i..] covers b[j..]
        boolean[] next = new boolean[m + 1];
        boolean[] row = new boolean[m + 1];
        next[m] = true;
        for (int i = n - 1; i >= 0; i--) {
            int token = a[i];
            for (int j = m; j >= 0; j--) {
                if (token == ANY_RUN) {
                    row[j] = next[j] || (j < m && row[j + 1]);
                } else if (j < m) {
                    int other = b[j];
                    boolean takes = token == ANY_ONE ? other >= 0 || other == ANY_ONE : token == other;
                    row[j] = takes && next[j + 1];
                } else {
                    row[j] = false;
                }
            }
            boolean[] swap = next;
            next = row;
            row = swap;
        }
        return next[0];
    }

    /**
     * Whether resource pattern {@code wide} matches every ARN {@code narrow} matches: part by part
     * over the six parts of an ARN, since a {@code *} does not cross the first five colons.
     */
    static boolean coversArn(String wide, String narrow) {
        if (wide.equals(STAR) || wide.equals(narrow)) {
            return true;
        }
        String[] a = Arns.parts(wide);
        String[] b = Arns.parts(narrow);
        if (a == null || b == null) {
            return false;
        }
        for (int i = 0; i < a.length; i++) {
            if (!covers(a[i], b[i], false)) {
                return false;
            }
        }
        return true;
    }

    /** Whether the pattern has neither wildcard nor variable, so only equal text is covered. */
    private static boolean isLiteral(String pattern) {
        return pattern.indexOf('*') < 0 && pattern.indexOf('?') < 0 && !pattern.contains("${");
    }

    /**
     * The pattern as tokens: a literal character as itself (escapes as the character they stand
     * for), {@link #ANY_ONE}, {@link #ANY_RUN}, and each distinct variable as its own number below
     * {@link #FIRST_VARIABLE}, numbered through {@code variables} so both patterns agree.
     */
    private static int[] tokens(String pattern, Map<String, Integer> variables) {
        int[] tokens = new int[pattern.length()];
        int count = 0;
        int i = 0;
        while (i < pattern.length()) {
            char c = pattern.charAt(i);
            if (c == '$' && pattern.startsWith("${", i)) {
                int close = pattern.indexOf('}', i);
                if (close == i + 3 && "*?$".indexOf(pattern.charAt(i + 2)) >= 0) {
                    tokens[count++] = pattern.charAt(i + 2); // ${*}: a literal *, not a wildcard
                    i = close + 1;
                    continue;
                }
                if (close > 0) {
                    String variable = pattern.substring(i, close + 1);
                    tokens[count++] = variables.computeIfAbsent(variable,
                            v -> FIRST_VARIABLE - variables.size());
                    i = close + 1;
                    continue;
                }
            }
            tokens[count++] = c == '*' ? ANY_RUN : c == '?' ? ANY_ONE : c;
            i++;
        }
        return Arrays.copyOf(tokens, count);
    }

    /**
     * Reports every entry of an element that another entry already matches (of two equal entries,
     * the later), as {@code check}: one finding per redundant entry, naming the wider one.
     */
    static void reportRedundant(List<TextValue> patterns, BiPredicate<String, String> covers, CheckId check,
            Findings findings) {
        if (patterns.size() > MAX_PAIRWISE) {
            return;
        }
        for (int j = 0; j < patterns.size(); j++) {
            TextValue narrow = patterns.get(j);
            for (int i = 0; i < patterns.size(); i++) {
                TextValue wide = patterns.get(i);
                if (i != j && covers.test(wide.text(), narrow.text())
                        && (i < j || !covers.test(narrow.text(), wide.text()))) {
                    findings.report(check, narrow.location(), Quote.of(narrow.text()) + " is already matched by "
                            + Quote.of(wide.text()) + " on " + PolicyContext.line(wide.location()) + ".");
                    break;
                }
            }
        }
    }
}
