package dev.iamgate.internal.validate;

import dev.iamgate.internal.json.JsonValue;
import dev.iamgate.internal.json.JsonValue.JsonArray;
import dev.iamgate.internal.json.JsonValue.JsonScalar;
import dev.iamgate.internal.json.JsonValue.ScalarKind;
import dev.iamgate.policy.Condition;
import dev.iamgate.policy.OperatorFamily;
import dev.iamgate.policy.OperatorType;
import dev.iamgate.policy.Statement;
import dev.iamgate.policy.TextValue;


import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Condition values: whether they parse for their operator, how they are written in JSON, private
 * and sloppy IP ranges, wildcards where they are literal, repeated values.
 */
final class ConditionValueChecks implements PolicyCheck {

    private static final String SOURCE_IP = "aws:SourceIp";

    @Override
    public void check(PolicyContext context, Findings findings) {
        for (Statement statement : context.policy().statements()) {
            for (Condition condition : statement.conditions()) {
                context.doc().at(condition.location())
                        .ifPresent(node -> json(condition, node, findings));
                IpRange[] ranges = ipRanges(condition);
                List<TextValue> values = condition.values();
                for (int i = 0; i < values.size(); i++) {
                    TextValue value = values.get(i);
                    // a variable makes the value unknowable, except that a String operator's
                    // wildcards stay wildcards around it; VariableChecks reports the variable
                    if (!VariableRefs.mentions(value.text())
                            || condition.operator().type().family() == OperatorFamily.STRING) {
                        value(condition, value, ranges == null ? null : ranges[i], findings);
                    }
                }
                if (condition.operator().type() == OperatorType.BOOL
                        && condition.values().size() > 1) {
                    findings.report(CheckId.INVALID_CONDITION_MULTIPLE_BOOLEAN, condition.location(),
                            Quote.name(condition.key().text()) + " has " + condition.values().size()
                                    + " Bool values; give one, true or false.");
                }
                privateRanges(condition, ranges, findings);
                repeated(condition, findings);
            }
        }
    }

    /** How the values are written: bare numbers, mixed JSON types. */
    private static void json(Condition condition, JsonValue node, Findings findings) {
        List<JsonValue> values = node instanceof JsonArray array ? array.elements() : List.of(node);
        ScalarKind kind = null;
        boolean mixed = false;
        for (JsonValue value : values) {
            if (!(value instanceof JsonScalar scalar)) {
                continue;
            }
            if (scalar.kind() == ScalarKind.NUMBER) {
                findings.report(CheckId.UNQUOTED_NUMBER, scalar.location(), "Condition value "
                        + scalar.text() + " is a bare JSON number; write it as a string.");
            }
            mixed |= kind != null && kind != scalar.kind();
            kind = scalar.kind();
        }
        if (mixed) {
            findings.report(CheckId.INVALID_CONDITION_DATA_TYPE, node.location(), "The values of "
                    + Quote.name(condition.key().text()) + " mix JSON types; write every value as a string.");
        }
    }

    /**
     * Each value of an IpAddress or NotIpAddress condition read as a range, null where it is not
     * one; null for other operators. Read once: two checks look at each range.
     */
    private static IpRange[] ipRanges(Condition condition) {
        if (condition.operator().type().family() != OperatorFamily.IP_ADDRESS) {
            return null;
        }
        List<TextValue> values = condition.values();
        IpRange[] ranges = new IpRange[values.size()];
        for (int i = 0; i < ranges.length; i++) {
            String text = values.get(i).text();
            ranges[i] = ValueSemantics.isIpRange(text) ? IpRange.parse(text) : null;
        }
        return ranges;
    }

    /** {@code range}: the value read as an IP range, for IP operators ({@link #ipRanges}). */
    private static void value(Condition condition, TextValue value, IpRange range, Findings findings) {
        String text = value.text();
        OperatorType type = condition.operator().type();
        String operator = condition.operator().jsonName();
        switch (type.family()) {
            case BOOL, NULL -> {
                if (!text.equalsIgnoreCase("true") && !text.equalsIgnoreCase("false")) {
                    findings.report(CheckId.TYPE_MISMATCH_BOOLEAN, value.location(), operator
                            + " value " + Quote.of(text) + " is neither true nor false.");
                }
            }
            case NUMERIC -> {
                if (!ValueSemantics.isNumber(text)) {
                    findings.report(CheckId.TYPE_MISMATCH_NUMBER, value.location(), operator
                            + " value " + Quote.of(text) + " is not a number, so it never"
                            + " matches.");
                }
            }
            case DATE -> {
                if (ValueSemantics.isEpochSeconds(text)) {
                    findings.report(CheckId.INVALID_DATE_VALUE, value.location(), operator
                            + " value " + Quote.of(text) + " is read as seconds since 1970;"
                            + " write an ISO 8601 date.");
                } else if (!ValueSemantics.isDate(text)) {
                    findings.report(CheckId.TYPE_MISMATCH_DATE, value.location(), operator
                            + " value " + Quote.of(text) + " is not an ISO 8601 date, so it"
                            + " never matches.");
                }
            }
            case IP_ADDRESS -> ipRange(operator, value, range, findings);
            case BINARY -> {
                if (!ValueSemantics.isBase64(text)) {
                    findings.report(CheckId.TYPE_MISMATCH_BINARY, value.location(), operator
                            + " value " + Quote.of(text) + " is not base64, so it never matches.");
                }
            }
            case STRING -> {
                if (type != OperatorType.STRING_LIKE && type != OperatorType.STRING_NOT_LIKE
                        && hasWildcard(text)) {
                    findings.report(CheckId.WILDCARD_WITHOUT_LIKE_OPERATOR, value.location(),
                            operator + " compares literally, so the wildcard in " + Quote.of(text)
                                    + " matches only itself; use " + (type.negated()
                                            ? "StringNotLike." : "StringLike."));
                }
            }
            case ARN -> {
                // ArnEquals and ArnLike both expand wildcards; the parser checks nothing more
            }
        }
    }

    private static void ipRange(String operator, TextValue value, IpRange range, Findings findings) {
        if (range == null) {
            findings.report(CheckId.TYPE_MISMATCH_IP_RANGE, value.location(), operator + " value "
                    + Quote.of(value.text()) + " is not an IP address or CIDR range, so it never"
                    + " matches.");
            return;
        }
        if (range.hasHostBits()) {
            findings.report(CheckId.IMPROVE_IP_RANGE, value.location(), Quote.of(value.text())
                    + " has host bits set past its prefix; it means " + range.network() + ".");
        }
    }

    /** aws:SourceIp holds the public address AWS sees; private ranges never match it. */
    private static void privateRanges(Condition condition, IpRange[] ranges, Findings findings) {
        OperatorType type = condition.operator().type();
        if ((type != OperatorType.IP_ADDRESS && type != OperatorType.NOT_IP_ADDRESS)
                || !condition.key().text().equalsIgnoreCase(SOURCE_IP)
                || condition.values().isEmpty()) {
            return;
        }
        for (IpRange range : ranges) {
            if (range == null || !range.isPrivate()) {
                return;
            }
        }
        if (type == OperatorType.IP_ADDRESS) {
            findings.report(CheckId.PRIVATE_IP_ADDRESS, condition.location(), condition.operator()
                    .jsonName() + " " + SOURCE_IP + " lists only private ranges, which the key"
                    + " never holds, so the condition is never true.");
        } else {
            findings.report(CheckId.PRIVATE_NOT_IP_ADDRESS, condition.location(), condition
                    .operator().jsonName() + " " + SOURCE_IP + " lists only private ranges, which"
                    + " the key never holds, so the condition is always true.");
        }
    }

    private static void repeated(Condition condition, Findings findings) {
        boolean ignoreCase = switch (condition.operator().type()) {
            case STRING_EQUALS_IGNORE_CASE, STRING_NOT_EQUALS_IGNORE_CASE, BOOL, NULL -> true;
            default -> false;
        };
        Set<String> seen = new HashSet<>();
        for (TextValue value : condition.values()) {
            String text = ignoreCase ? value.text().toLowerCase(Locale.ROOT) : value.text();
            if (!seen.add(text)) {
                findings.report(CheckId.REDUNDANT_CONDITION_VALUE, value.location(),
                        Quote.of(value.text()) + " is listed twice for "
                                + Quote.name(condition.key().text()) + ".");
            }
        }
    }

    /** A {@code *} or {@code ?} outside the escapes that exist to write them literally. */
    private static boolean hasWildcard(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c == '*' || c == '?') && !(i >= 2 && text.startsWith("${", i - 2)
                    && i + 1 < text.length() && text.charAt(i + 1) == '}')) {
                return true;
            }
        }
        return false;
    }
}
