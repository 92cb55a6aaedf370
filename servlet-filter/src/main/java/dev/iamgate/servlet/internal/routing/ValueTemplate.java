package dev.iamgate.servlet.internal.routing;

import dev.iamgate.servlet.internal.routing.RouteSyntaxException.Part;
import java.util.ArrayList;
import java.util.List;

/**
 * A resource or context-value template compiled against its route's path: {@code ${account}} is
 * replaced once, at compile time, and each {@code {name}} becomes an index into the values the
 * route binds. Filling it is one pass of appends.
 */
final class ValueTemplate {

    private static final String ACCOUNT = "${account}";

    /** Literal text around the variables: one more entry than {@link #variables}. */
    private final String[] literals;
    /** For each placeholder in order, the index of the bound value it takes. */
    private final int[] variables;
    private final int literalLength;

    private ValueTemplate(String[] literals, int[] variables) {
        this.literals = literals;
        this.variables = variables;
        int length = 0;
        for (String literal : literals) {
            length += literal.length();
        }
        this.literalLength = length;
    }

    /**
     * @param what how to name the template in messages, e.g. {@code resource}
     * @param variableNames the route's bound variables, in binding order
     * @throws RouteSyntaxException (in {@code part}) when a placeholder is malformed or unknown
     */
    static ValueTemplate compile(
            String text, String what, Part part, PathTemplate path, List<String> variableNames, String account) {
        List<String> literals = new ArrayList<>();
        List<Integer> variables = new ArrayList<>();
        StringBuilder literal = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '$') {
                if (!text.startsWith(ACCOUNT, i)) {
                    throw new RouteSyntaxException(part, what + " \"" + text + "\": \"$\" may only start "
                            + ACCOUNT + "; policy variables belong in policies, not in routes");
                }
                literal.append(account);
                i += ACCOUNT.length();
            } else if (c == '{') {
                int close = text.indexOf('}', i);
                if (close < 0) {
                    throw new RouteSyntaxException(part, what + " \"" + text + "\" has \"{\" without \"}\"");
                }
                String name = text.substring(i + 1, close);
                if (name.endsWith("...")) {
                    throw new RouteSyntaxException(part, what + " \"" + text + "\": write {"
                            + name.substring(0, name.length() - 3) + "} to insert the catch-all's value");
                }
                int index = variableNames.indexOf(name);
                if (index < 0) {
                    throw new RouteSyntaxException(part, what + " \"" + text + "\" names {" + name
                            + "}, which is not a variable of " + path.text());
                }
                literals.add(literal.toString());
                literal.setLength(0);
                variables.add(index);
                i = close + 1;
            } else if (c == '}') {
                throw new RouteSyntaxException(part, what + " \"" + text + "\" has \"}\" without \"{\"");
            } else {
                literal.append(c);
                i++;
            }
        }
        literals.add(literal.toString());
        return new ValueTemplate(
                literals.toArray(String[]::new), variables.stream().mapToInt(Integer::intValue).toArray());
    }

    /** Whether the template has no variables, so {@link #fill} always gives {@link #constant()}. */
    boolean isConstant() {
        return variables.length == 0;
    }

    String constant() {
        return literals[0];
    }

    /** The template with the bound values inserted verbatim. */
    String fill(String[] values) {
        if (variables.length == 0) {
            return literals[0];
        }
        StringBuilder filled = new StringBuilder(literalLength + 16 * variables.length);
        for (int i = 0; i < variables.length; i++) {
            filled.append(literals[i]).append(values[variables[i]]);
        }
        return filled.append(literals[variables.length]).toString();
    }

    /**
     * {@link #fill(String[])} with the bound values read in place from {@code path}: value i is
     * {@code path[bounds[2i], bounds[2i + 1])}. Copies each character once, into the result.
     */
    String fill(String path, int[] bounds) {
        if (variables.length == 0) {
            return literals[0];
        }
        int length = literalLength;
        for (int variable : variables) {
            length += bounds[2 * variable + 1] - bounds[2 * variable];
        }
        StringBuilder filled = new StringBuilder(length);
        for (int i = 0; i < variables.length; i++) {
            int variable = variables[i];
            filled.append(literals[i]).append(path, bounds[2 * variable], bounds[2 * variable + 1]);
        }
        return filled.append(literals[variables.length]).toString();
    }

    /** The literal text only, to check what the template's author wrote (not what requests bring). */
    String literalText() {
        return String.join("", literals);
    }
}
