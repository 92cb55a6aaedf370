package dev.iamgate.internal.validate;

import dev.iamgate.policy.ActionElement;
import dev.iamgate.policy.Statement;
import dev.iamgate.policy.TextValue;


/** Action and NotAction entries: shape, wildcard service prefixes, entries another one covers. */
final class ActionChecks implements PolicyCheck {

    @Override
    public void check(PolicyContext context, Findings findings) {
        for (Statement statement : context.policy().statements()) {
            ActionElement action = statement.action();
            for (TextValue pattern : action.patterns()) {
                // a variable is reported by VariableChecks; its text says nothing about the shape
                if (!VariableRefs.mentions(pattern.text())) {
                    shape(action, pattern, findings);
                }
            }
            redundant(action, findings);
        }
    }

    private static void shape(ActionElement action, TextValue pattern, Findings findings) {
        String text = pattern.text();
        if (text.equals("*")) {
            return;
        }
        int colon = text.indexOf(':');
        String problem = null;
        if (colon < 0) {
            problem = "has no service prefix";
        } else if (colon == 0) {
            problem = "has an empty service prefix";
        } else if (colon == text.length() - 1) {
            problem = "has no action name after the colon";
        } else if (!isPrefix(text.substring(0, colon))) {
            problem = "has a service prefix with characters other than letters, digits and -";
        } else if (!isName(text.substring(colon + 1))) {
            problem = "has an action name with characters other than letters, digits, * and ?";
        }
        if (problem != null) {
            findings.report(CheckId.INVALID_ACTION_FORMAT, pattern.location(), action.elementName()
                    + " " + Quote.of(text) + " " + problem + "; write service:Action.");
            return;
        }
        String prefix = text.substring(0, colon);
        if (prefix.indexOf('*') >= 0 || prefix.indexOf('?') >= 0) {
            findings.report(CheckId.WILDCARD_IN_SERVICE_NAME, pattern.location(), action.elementName()
                    + " " + Quote.of(text) + " has a wildcard in its service prefix, so it matches"
                    + " actions of services you may not know of.");
        }
    }

    private static boolean isPrefix(String prefix) {
        for (int i = 0; i < prefix.length(); i++) {
            char c = prefix.charAt(i);
            if (!(isAsciiLetterOrDigit(c) || c == '-' || c == '*' || c == '?')) {
                return false;
            }
        }
        return true;
    }

    private static boolean isName(String name) {
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!(isAsciiLetterOrDigit(c) || c == '*' || c == '?' || c == '-' || c == '_')) {
                return false;
            }
        }
        return true;
    }

    private static boolean isAsciiLetterOrDigit(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }

    /** An entry matched by another entry of the same element (the later of two equal ones). */
    private static void redundant(ActionElement action, Findings findings) {
        PatternCover.reportRedundant(action.patterns(), (wide, narrow) -> PatternCover.covers(wide, narrow, true),
                CheckId.REDUNDANT_ACTION, findings);
    }
}
