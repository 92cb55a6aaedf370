package dev.iamgate.internal.validate;

import dev.iamgate.internal.match.CaseFold;
import dev.iamgate.policy.TextValue;
import java.util.List;
import java.util.function.BiPredicate;

import java.util.Arrays;
import java.util.HashMap;
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
        // equalsIgnoreCase equates exactly the texts whose CaseFold forms are equal, without making them
        if (wide.equals(STAR) || (ignoreCase ? wide.equalsIgnoreCase(narrow) : wide.equals(narrow))) {
            return true;
        }
        if (isLiteral(wide)) {
            return false; // a literal covers only itself, and it is not equal
        }
        Reader reader = new Reader();
        return covers(reader.glob(wide, ignoreCase), reader.glob(narrow, ignoreCase));
    }

    /**
     * Whether resource pattern {@code wide} matches every ARN {@code narrow} matches: part by part
     * over the six parts of an ARN, since a {@code *} does not cross the first five colons.
     */
    static boolean coversArn(String wide, String narrow) {
        if (wide.equals(STAR) || wide.equals(narrow)) {
            return true;
        }
        Reader reader = new Reader();
        return coversArn(reader.arn(wide), reader.arn(narrow));
    }

    /** {@link #covers(String, String, boolean)} of two patterns read by the same {@link Reader}. */
    static boolean covers(Glob wide, Glob narrow) {
        if (wide.text.equals(STAR) || wide.comparable.equals(narrow.comparable)) {
            return true;
        }
        if (wide.literal) {
            return false; // a literal covers only itself, and it is not equal
        }
        return covers(wide.tokens(), narrow.tokens());
    }

    /** {@link #coversArn(String, String)} of two patterns read by the same {@link Reader}. */
    static boolean coversArn(ArnGlob wide, ArnGlob narrow) {
        if (wide.text.equals(STAR) || wide.text.equals(narrow.text)) {
            return true;
        }
        Glob[] a = wide.parts();
        Glob[] b = narrow.parts();
        if (a == null || b == null) {
            return false;
        }
        for (int i = 0; i < a.length; i++) {
            if (!covers(a[i], b[i])) {
                return false;
            }
        }
        return true;
    }

    private static boolean covers(int[] a, int[] b) {
        int n = a.length;
        int m = b.length;
        if ((long) (n + 1) * (m + 1) > MAX_CELLS) {
            return false;
        }
        // a literal token takes exactly one equal token, so literal ends must agree: the table
        // is built only for what lies between them
        int from = 0;
        while (from < n && a[from] >= 0) {
            if (from >= m || b[from] != a[from]) {
                return false;
            }
            from++;
        }
        while (n > from && a[n - 1] >= 0) {
            if (m <= from || b[m - 1] != a[n - 1]) {
                return false;
            }
            n--;
            m--;
        }
        // next[j]: a[i+1..n) covers b[j..m); row[j]: a[i..n) covers b[j..m)
        boolean[] next = new boolean[m + 1];
        boolean[] row = new boolean[m + 1];
        next[m] = true;
        for (int i = n - 1; i >= from; i--) {
            int token = a[i];
            for (int j = m; j >= from; j--) {
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
        return next[from];
    }

    /** Whether the pattern has neither wildcard nor variable, so only equal text is covered. */
    private static boolean isLiteral(String pattern) {
        return pattern.indexOf('*') < 0 && pattern.indexOf('?') < 0 && !pattern.contains("${");
    }

    /**
     * A pattern read into tokens once (when first compared with a pattern it is not equal to), to
     * be compared with many others: a literal character as itself (escapes as the character they
     * stand for), {@link #ANY_ONE}, {@link #ANY_RUN}, and each distinct variable as its own number
     * below {@link #FIRST_VARIABLE}.
     */
    static final class Glob {
        private final String text;
        /** The text case-folded as the matcher folds it when case is ignored ({@link CaseFold}), else the text. */
        private final String comparable;
        private final boolean literal;
        private final Reader reader;
        private int[] tokens;

        private Glob(String text, boolean ignoreCase, Reader reader) {
            this.text = text;
            this.comparable = ignoreCase ? CaseFold.fold(text) : text;
            this.literal = isLiteral(text);
            this.reader = reader;
        }

        String text() {
            return text;
        }

        /** The text as compared: case-folded when case is ignored. */
        String comparable() {
            return comparable;
        }

        /** Neither wildcard nor variable: it covers only equal text. */
        boolean literal() {
            return literal;
        }

        private int[] tokens() {
            if (tokens == null) {
                tokens = reader.tokens(comparable);
            }
            return tokens;
        }
    }

    /** A resource pattern and its six ARN parts (read when first needed), or none when it is not an ARN. */
    static final class ArnGlob {
        private final String text;
        private final Reader reader;
        private Glob[] parts;
        private boolean read;

        private ArnGlob(String text, Reader reader) {
            this.text = text;
            this.reader = reader;
        }

        private Glob[] parts() {
            if (!read) {
                String[] texts = Arns.parts(text);
                if (texts != null) {
                    parts = new Glob[texts.length];
                    for (int i = 0; i < texts.length; i++) {
                        parts[i] = reader.glob(texts[i], false);
                    }
                }
                read = true;
            }
            return parts;
        }
    }

    /**
     * Reads patterns for comparison with each other; only patterns of one reader can be compared,
     * since it numbers the variables (two patterns agree on a variable when they number it alike).
     * Not thread-safe: one validation uses it.
     */
    static final class Reader {
        private final Map<String, Integer> variables = new HashMap<>();

        Glob glob(String pattern, boolean ignoreCase) {
            return new Glob(pattern, ignoreCase, this);
        }

        ArnGlob arn(String pattern) {
            return new ArnGlob(pattern, this);
        }

        private int[] tokens(String pattern) {
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
            return count == tokens.length ? tokens : Arrays.copyOf(tokens, count);
        }
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
