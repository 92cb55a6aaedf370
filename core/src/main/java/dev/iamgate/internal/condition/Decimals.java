package dev.iamgate.internal.condition;

import java.math.BigDecimal;

/**
 * Reads the numbers of Numeric conditions: an optional sign, digits with an optional fraction
 * ({@code 12}, {@code -1.5}, {@code .5}, {@code 5.}) and an optional exponent ({@code 1e3}). No
 * whitespace, no hexadecimal, no NaN or Infinity, no digit grouping.
 *
 * <p>Integers of up to 18 digits, by far the common case ({@code aws:MultiFactorAuthAge},
 * {@code s3:max-keys}), are read straight into a {@code long} without allocating.
 */
final class Decimals {

    /** 18 digits always fit a long, sign included. */
    private static final int MAX_SMALL_DIGITS = 18;

    private Decimals() {}

    /** Whether {@code text} is {@code [+-]?[0-9]{1,18}}, so {@link #parseSmallInteger} applies. */
    static boolean isSmallInteger(String text) {
        int length = text.length();
        int start = length > 0 && isSign(text.charAt(0)) ? 1 : 0;
        int digits = length - start;
        if (digits < 1 || digits > MAX_SMALL_DIGITS) {
            return false;
        }
        for (int i = start; i < length; i++) {
            if (!isDigit(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** The value of a text accepted by {@link #isSmallInteger}. */
    static long parseSmallInteger(String text) {
        boolean negative = text.charAt(0) == '-';
        int i = isSign(text.charAt(0)) ? 1 : 0;
        long value = 0;
        for (; i < text.length(); i++) {
            value = value * 10 + (text.charAt(i) - '0');
        }
        return negative ? -value : value;
    }

    /** The number {@code text} denotes, or null when it is not a number in the accepted syntax. */
    static BigDecimal parse(String text) {
        if (!isWellFormed(text)) {
            return null;
        }
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException exponentOutOfRange) {
            return null;
        }
    }

    /** {@code [+-]? (d+ ('.' d*)? | '.' d+) ([eE] [+-]? d+)?}, checked by hand (no regex). */
    private static boolean isWellFormed(String text) {
        int length = text.length();
        int i = 0;
        if (i < length && isSign(text.charAt(i))) {
            i++;
        }
        int integerDigits = 0;
        while (i < length && isDigit(text.charAt(i))) {
            i++;
            integerDigits++;
        }
        int fractionDigits = 0;
        if (i < length && text.charAt(i) == '.') {
            i++;
            while (i < length && isDigit(text.charAt(i))) {
                i++;
                fractionDigits++;
            }
        }
        if (integerDigits + fractionDigits == 0) {
            return false;
        }
        if (i < length && (text.charAt(i) == 'e' || text.charAt(i) == 'E')) {
            i++;
            if (i < length && isSign(text.charAt(i))) {
                i++;
            }
            int exponentDigits = 0;
            while (i < length && isDigit(text.charAt(i))) {
                i++;
                exponentDigits++;
            }
            if (exponentDigits == 0) {
                return false;
            }
        }
        return i == length;
    }

    private static boolean isSign(char c) {
        return c == '+' || c == '-';
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
