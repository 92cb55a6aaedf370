package dev.iamgate.properties;

import dev.iamgate.policy.Condition;
import dev.iamgate.policy.OperatorType;
import dev.iamgate.policy.SetQualifier;
import dev.iamgate.policy.TextValue;
import dev.iamgate.properties.ReferenceEvaluator.Escape;
import dev.iamgate.properties.ReferenceEvaluator.Piece;
import dev.iamgate.properties.ReferenceEvaluator.Raw;
import dev.iamgate.properties.ReferenceEvaluator.Request;
import dev.iamgate.properties.ReferenceEvaluator.Token;
import dev.iamgate.properties.ReferenceEvaluator.Variable;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Condition operators as the semantics brief (section 2) states them, for {@link ReferenceEvaluator}.
 *
 * <p>Where the brief is silent and the project has pinned a choice with tests (following the
 * reference simulator its conformance corpus is labelled with), this follows the project, and
 * says so: a negated Numeric, Date, IP or Arn operator is false for a value it cannot read on
 * either side (commits "negated Numeric/Date/IP operators are false when a value does not parse"
 * and "ArnNotLike/ArnNotEquals are false for values that are not six-part ARNs"), and the escapes
 * {@code ${*}} {@code ${?}} {@code ${$}} stay literal text under the Equals operators, where
 * wildcards mean nothing ("escapes stay literal text where wildcards mean nothing").
 * BinaryEquals is not restated (the generators never write it).
 */
final class ReferenceConditions {

    private ReferenceConditions() {}

    /** Section 2.3, per operator and key. */
    static boolean holds(Condition condition, Request request, boolean variables) {
        OperatorType type = condition.operator().type();
        List<String> requestValues = request.values(condition.key().text());
        List<String> policyValues = condition.values().stream().map(TextValue::text).toList();
        if (type == OperatorType.NULL) {
            boolean absent = requestValues.isEmpty();
            // The brief spells the values "true" and "false"; read without case, as Bool's are.
            return policyValues.stream()
                    .anyMatch(v -> (v.equalsIgnoreCase("true") && absent) || (v.equalsIgnoreCase("false") && !absent));
        }
        SetQualifier qualifier = condition.operator().qualifier();
        if (qualifier != SetQualifier.NONE && requestValues.stream().allMatch(String::isEmpty)) {
            // User Guide: key values that "resolve to an empty data set, such as an empty string"
            // make ForAllValues true and ForAnyValue false, as an absent key does
            requestValues = List.of();
        }
        if (policyValues.isEmpty() && !requestValues.isEmpty()) {
            // User Guide, policy check reference: an empty list of values matches only a missing key
            return false;
        }
        if (qualifier == SetQualifier.FOR_ALL_VALUES) {
            return requestValues.stream().allMatch(r -> test(type, r, policyValues, request, variables));
        }
        if (qualifier == SetQualifier.FOR_ANY_VALUE) {
            return requestValues.stream().anyMatch(r -> test(type, r, policyValues, request, variables));
        }
        if (requestValues.isEmpty()) {
            return condition.operator().ifExists() || type.negated();
        }
        if (requestValues.size() > 1) {
            return false; // [UNDOC, iam-simulate] a plain operator on several request values
        }
        return test(type, requestValues.get(0), policyValues, request, variables);
    }

    /** {@code neg ? all(v: !match(r, v)) : any(v: match(r, v))}, with the project's undecidable negations. */
    private static boolean test(OperatorType type, String r, List<String> policyValues, Request request, boolean variables) {
        boolean anyMatch = false;
        for (String v : policyValues) {
            anyMatch |= match(type, r, v, request, variables);
        }
        if (!type.negated()) {
            return anyMatch;
        }
        return !anyMatch && !negationUndecidable(type, r, policyValues);
    }

    private static boolean negationUndecidable(OperatorType type, String r, List<String> policyValues) {
        return switch (type.family()) {
            case NUMERIC -> number(r) == null || policyValues.stream().anyMatch(v -> number(v) == null);
            case DATE -> instant(r) == null || policyValues.stream().anyMatch(v -> instant(v) == null);
            case IP_ADDRESS -> address(r) == null || policyValues.stream().anyMatch(v -> cidr(v) == null);
            case ARN -> !sixParts(r) || policyValues.stream().anyMatch(v -> !sixParts(withoutVariables(v)));
            default -> false;
        };
    }

    /** match(r, v): request value r against policy value v, per the operator table (2.1). */
    private static boolean match(OperatorType type, String r, String v, Request request, boolean variables) {
        switch (type) {
            case STRING_EQUALS, STRING_NOT_EQUALS -> {
                String text = equalityText(v, request, variables);
                return text != null && text.equals(r);
            }
            case STRING_EQUALS_IGNORE_CASE, STRING_NOT_EQUALS_IGNORE_CASE -> {
                String text = equalityText(v, request, variables);
                return text != null && text.equalsIgnoreCase(r);
            }
            case STRING_LIKE, STRING_NOT_LIKE -> {
                List<Token> tokens = ReferenceEvaluator.globTokens(v, request, variables);
                return tokens != null && ReferenceEvaluator.Glob.matches(tokens, r);
            }
            case NUMERIC_EQUALS, NUMERIC_NOT_EQUALS, NUMERIC_LESS_THAN, NUMERIC_LESS_THAN_EQUALS,
                    NUMERIC_GREATER_THAN, NUMERIC_GREATER_THAN_EQUALS -> {
                BigDecimal left = number(r);
                BigDecimal right = number(v);
                return left != null && right != null && compares(type, left.compareTo(right));
            }
            case DATE_EQUALS, DATE_NOT_EQUALS, DATE_LESS_THAN, DATE_LESS_THAN_EQUALS,
                    DATE_GREATER_THAN, DATE_GREATER_THAN_EQUALS -> {
                Instant left = instant(r);
                Instant right = instant(v);
                return left != null && right != null && compares(type, left.compareTo(right));
            }
            case BOOL -> {
                boolean readable = r.equalsIgnoreCase("true") || r.equalsIgnoreCase("false");
                return readable && v.equalsIgnoreCase(r);
            }
            case IP_ADDRESS, NOT_IP_ADDRESS -> {
                BigInteger[] address = address(r);
                BigInteger[] range = cidr(v);
                if (address == null || range == null || !address[1].equals(range[1])) {
                    return false; // unreadable, or IPv4 against IPv6
                }
                int hostBits = address[1].intValue() - range[2].intValue();
                return address[0].shiftRight(hostBits).equals(range[0].shiftRight(hostBits));
            }
            case ARN_EQUALS, ARN_LIKE, ARN_NOT_EQUALS, ARN_NOT_LIKE -> {
                return arnMatches(v, r, request, variables);
            }
            default -> throw new UnsupportedOperationException("not restated: " + type);
        }
    }

    private static boolean compares(OperatorType type, int sign) {
        return switch (type) {
            case NUMERIC_EQUALS, NUMERIC_NOT_EQUALS, DATE_EQUALS, DATE_NOT_EQUALS -> sign == 0;
            case NUMERIC_LESS_THAN, DATE_LESS_THAN -> sign < 0;
            case NUMERIC_LESS_THAN_EQUALS, DATE_LESS_THAN_EQUALS -> sign <= 0;
            case NUMERIC_GREATER_THAN, DATE_GREATER_THAN -> sign > 0;
            case NUMERIC_GREATER_THAN_EQUALS, DATE_GREATER_THAN_EQUALS -> sign >= 0;
            default -> throw new IllegalArgumentException(type.toString());
        };
    }

    /**
     * A value of an Equals operator with its variables substituted (null when one cannot be
     * resolved); escapes are kept as written, the project's pinned choice.
     */
    private static String equalityText(String v, Request request, boolean variables) {
        StringBuilder out = new StringBuilder();
        for (Piece piece : ReferenceEvaluator.pieces(v, variables)) {
            if (piece instanceof Raw raw) {
                out.append(raw.c());
            } else if (piece instanceof Escape escape) {
                out.append("${").append(escape.c()).append('}');
            } else if (piece instanceof Variable variable) {
                String value = ReferenceEvaluator.resolve(variable, request);
                if (value == null) {
                    return null;
                }
                out.append(value);
            }
        }
        return out.toString();
    }

    // ---- Numbers (2.1): integers or decimals, compared as BigDecimal ----

    /** Decimals; an exponent ({@code 1e3}) is not in the brief, and accepted as the project's reader does. */
    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");

    static BigDecimal number(String text) {
        try {
            return DECIMAL.matcher(text).matches() ? new BigDecimal(text) : null;
        } catch (NumberFormatException exponentOutOfRange) {
            return null;
        }
    }

    // ---- Dates (2.4) ----

    private static final Pattern EPOCH_SECONDS = Pattern.compile("-?\\d+");

    /** W3C profiles of ISO 8601 (missing parts = start of the period, missing zone = UTC), or epoch seconds. */
    static Instant instant(String text) {
        if (EPOCH_SECONDS.matcher(text).matches()) {
            try {
                return Instant.ofEpochSecond(Long.parseLong(text));
            } catch (NumberFormatException | java.time.DateTimeException outOfRange) {
                return null;
            }
        }
        try {
            if (text.length() == 7) {
                return YearMonth.parse(text).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
            }
            if (text.length() == 10) {
                return LocalDate.parse(text).atStartOfDay().toInstant(ZoneOffset.UTC);
            }
            if (text.endsWith("Z") || text.matches(".*T.*[+-]\\d\\d:\\d\\d")) {
                return OffsetDateTime.parse(text).toInstant();
            }
            if (text.matches(".*T.*[+-]\\d{4}")) {
                // A zone without its colon is not in the W3C profiles; accepted as the project's reader does.
                int sign = text.length() - 5;
                return OffsetDateTime.parse(text.substring(0, sign + 3) + ":" + text.substring(sign + 3)).toInstant();
            }
            return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException notADate) {
            return null;
        }
    }

    // ---- IP addresses (2.5) ----

    private static final Pattern IPV4 = Pattern.compile("(0|[1-9]\\d{0,2})(\\.(0|[1-9]\\d{0,2})){3}");
    private static final Pattern HEX_GROUP = Pattern.compile("[0-9A-Fa-f]{1,4}");

    /** {value, bits (32 or 128)}, or null. */
    static BigInteger[] address(String text) {
        if (IPV4.matcher(text).matches()) {
            BigInteger value = BigInteger.ZERO;
            for (String octet : text.split("\\.")) {
                int n = Integer.parseInt(octet);
                if (n > 255) {
                    return null;
                }
                value = value.shiftLeft(8).or(BigInteger.valueOf(n));
            }
            return new BigInteger[] {value, BigInteger.valueOf(32)};
        }
        if (!text.contains(":")) {
            return null;
        }
        int lastColon = text.lastIndexOf(':');
        if (text.indexOf('.', lastColon) >= 0) {
            // RFC 4291 text form: the last 32 bits as a dotted quad (::ffff:192.0.2.1).
            BigInteger[] v4 = address(text.substring(lastColon + 1));
            if (v4 == null || v4[1].intValue() != 32) {
                return null;
            }
            int low = v4[0].intValue();
            text = text.substring(0, lastColon + 1) + Integer.toHexString(low >>> 16) + ":" + Integer.toHexString(low & 0xFFFF);
        }
        int gap = text.indexOf("::");
        if (gap >= 0 && text.indexOf("::", gap + 1) >= 0) {
            return null;
        }
        List<String> groups = new ArrayList<>();
        if (gap < 0) {
            groups.addAll(List.of(text.split(":", -1)));
        } else {
            List<String> left = gap == 0 ? List.of() : List.of(text.substring(0, gap).split(":", -1));
            List<String> right = gap + 2 == text.length() ? List.of() : List.of(text.substring(gap + 2).split(":", -1));
            int missing = 8 - left.size() - right.size();
            if (missing < 1) {
                return null;
            }
            groups.addAll(left);
            for (int k = 0; k < missing; k++) {
                groups.add("0");
            }
            groups.addAll(right);
        }
        if (groups.size() != 8) {
            return null;
        }
        BigInteger value = BigInteger.ZERO;
        for (String group : groups) {
            if (!HEX_GROUP.matcher(group).matches()) {
                return null;
            }
            value = value.shiftLeft(16).or(new BigInteger(group, 16));
        }
        return new BigInteger[] {value, BigInteger.valueOf(128)};
    }

    /** {network, bits, prefix}: a CIDR, or a bare address as /32 or /128; null when malformed. */
    static BigInteger[] cidr(String text) {
        int slash = text.indexOf('/');
        BigInteger[] address = address(slash < 0 ? text : text.substring(0, slash));
        if (address == null) {
            return null;
        }
        int bits = address[1].intValue();
        int prefix = bits;
        if (slash >= 0) {
            String digits = text.substring(slash + 1);
            if (!digits.matches("0|[1-9]\\d{0,2}") || Integer.parseInt(digits) > bits) {
                return null;
            }
            prefix = Integer.parseInt(digits);
        }
        return new BigInteger[] {address[0], address[1], BigInteger.valueOf(prefix)};
    }

    // ---- ARNs (1.5): six parts, each a glob of its own ----

    private static boolean arnMatches(String pattern, String value, Request request, boolean variables) {
        String[] valueParts = value.split(":", 6);
        if (valueParts.length < 6) {
            return false;
        }
        // Split the pattern on its own first five raw colons, never on one inside ${...}.
        List<List<Token>> parts = new ArrayList<>();
        parts.add(new ArrayList<>());
        for (Piece piece : ReferenceEvaluator.pieces(pattern, variables)) {
            List<Token> part = parts.get(parts.size() - 1);
            if (piece instanceof Raw raw && raw.c() == ':' && parts.size() < 6) {
                parts.add(new ArrayList<>());
            } else if (piece instanceof Raw raw) {
                part.add(raw.c() == '*' ? Token.STAR : raw.c() == '?' ? Token.ONE : Token.literal(raw.c()));
            } else if (piece instanceof Escape escape) {
                part.add(Token.literal(escape.c()));
            } else if (piece instanceof Variable variable) {
                String resolved = ReferenceEvaluator.resolve(variable, request);
                if (resolved == null) {
                    return false;
                }
                for (char c : resolved.toCharArray()) {
                    part.add(Token.literal(c));
                }
            }
        }
        if (parts.size() < 6) {
            return false;
        }
        for (int k = 0; k < 6; k++) {
            if (!ReferenceEvaluator.Glob.matches(parts.get(k), valueParts[k])) {
                return false;
            }
        }
        return true;
    }

    private static boolean sixParts(String text) {
        return text.split(":", 6).length == 6;
    }

    private static String withoutVariables(String text) {
        return text.replaceAll("\\$\\{[^}]*}", "");
    }
}
