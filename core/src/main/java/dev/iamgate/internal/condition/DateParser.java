package dev.iamgate.internal.condition;

/**
 * Reads the dates of Date conditions into microseconds since the epoch, by hand and without
 * allocating, for policy and request values alike.
 *
 * <p>Accepted forms:
 *
 * <ul>
 *   <li>an integer, optionally negative: seconds since 1970-01-01T00:00:00Z (so {@code "2024"} is
 *       2024 seconds after the epoch, as in iam-simulate, not the year 2024);
 *   <li>the W3C profiles of ISO 8601: {@code YYYY-MM}, {@code YYYY-MM-DD}, {@code
 *       YYYY-MM-DDThh:mm}, {@code YYYY-MM-DDThh:mm:ss} and {@code YYYY-MM-DDThh:mm:ss.s} (any
 *       number of fraction digits; digits past the sixth are ignored), the time forms with an
 *       optional zone {@code Z}, {@code ±hh:mm} or {@code ±hhmm}. Missing parts mean the start of
 *       the period; a missing zone means UTC.
 * </ul>
 *
 * Fields are range-checked (month 1–12, the month's days, hour 0–23, minute and second 0–59, zone
 * up to 23:59). Anything else, lower-case {@code t}/{@code z} and surrounding whitespace included,
 * yields {@link #INVALID}.
 */
final class DateParser {

    /** Returned for text that is not a date. No valid date maps to it (see the epoch bound). */
    static final long INVALID = Long.MIN_VALUE;

    private static final long MICROS_PER_SECOND = 1_000_000L;
    private static final long SECONDS_PER_DAY = 86_400L;

    /** Epoch seconds beyond this cannot be held in microseconds; they count as invalid. */
    private static final long MAX_EPOCH_SECONDS = Long.MAX_VALUE / MICROS_PER_SECOND;

    private DateParser() {}

    /** Microseconds since the epoch, or {@link #INVALID}. */
    static long parseMicros(String text) {
        int length = text.length();
        if (length == 0) {
            return INVALID;
        }
        if (isEpochSeconds(text)) {
            return epochSecondsToMicros(text);
        }
        return parseIso(text, length);
    }

    private static boolean isEpochSeconds(String text) {
        int start = text.charAt(0) == '-' ? 1 : 0;
        if (start == text.length()) {
            return false;
        }
        for (int i = start; i < text.length(); i++) {
            if (!isDigit(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static long epochSecondsToMicros(String text) {
        boolean negative = text.charAt(0) == '-';
        long seconds = 0;
        for (int i = negative ? 1 : 0; i < text.length(); i++) {
            seconds = seconds * 10 + (text.charAt(i) - '0');
            if (seconds > MAX_EPOCH_SECONDS) {
                return INVALID;
            }
        }
        return (negative ? -seconds : seconds) * MICROS_PER_SECOND;
    }

    private static long parseIso(String s, int length) {
        // YYYY-MM
        if (length < 7 || s.charAt(4) != '-') {
            return INVALID;
        }
        int year = digits(s, 0, 4);
        int month = digits(s, 5, 2);
        if (year < 0 || month < 1 || month > 12) {
            return INVALID;
        }
        if (length == 7) {
            return daysToMicros(epochDay(year, month, 1));
        }
        // -DD
        if (length < 10 || s.charAt(7) != '-') {
            return INVALID;
        }
        int day = digits(s, 8, 2);
        if (day < 1 || day > lengthOfMonth(year, month)) {
            return INVALID;
        }
        long epochDay = epochDay(year, month, day);
        if (length == 10) {
            return daysToMicros(epochDay);
        }
        // Thh:mm
        if (length < 16 || s.charAt(10) != 'T' || s.charAt(13) != ':') {
            return INVALID;
        }
        int hour = digits(s, 11, 2);
        int minute = digits(s, 14, 2);
        if (hour < 0 || hour > 23 || minute < 0 || minute > 59) {
            return INVALID;
        }
        int i = 16;
        int second = 0;
        long micros = 0;
        // :ss
        if (i < length && s.charAt(i) == ':') {
            second = i + 3 <= length ? digits(s, i + 1, 2) : -1;
            if (second < 0 || second > 59) {
                return INVALID;
            }
            i += 3;
            // .s…
            if (i < length && s.charAt(i) == '.') {
                i++;
                int start = i;
                while (i < length && isDigit(s.charAt(i))) {
                    if (i - start < 6) {
                        micros = micros * 10 + (s.charAt(i) - '0');
                    }
                    i++;
                }
                int read = i - start;
                if (read == 0) {
                    return INVALID;
                }
                for (int pad = read; pad < 6; pad++) {
                    micros *= 10;
                }
            }
        }
        int offsetSeconds = zoneOffsetSeconds(s, i, length);
        if (offsetSeconds == Integer.MIN_VALUE) {
            return INVALID;
        }
        long seconds = epochDay * SECONDS_PER_DAY + hour * 3600L + minute * 60L + second - offsetSeconds;
        return seconds * MICROS_PER_SECOND + micros;
    }

    /** The zone designator from {@code i} to the end, in seconds east of UTC; MIN_VALUE if bad. */
    private static int zoneOffsetSeconds(String s, int i, int length) {
        if (i == length) {
            return 0;
        }
        char c = s.charAt(i);
        if (c == 'Z') {
            return i + 1 == length ? 0 : Integer.MIN_VALUE;
        }
        if (c != '+' && c != '-') {
            return Integer.MIN_VALUE;
        }
        int rest = length - i - 1;
        int hours;
        int minutes;
        if (rest == 5 && s.charAt(i + 3) == ':') {
            hours = digits(s, i + 1, 2);
            minutes = digits(s, i + 4, 2);
        } else if (rest == 4) {
            hours = digits(s, i + 1, 2);
            minutes = digits(s, i + 3, 2);
        } else {
            return Integer.MIN_VALUE;
        }
        if (hours < 0 || hours > 23 || minutes < 0 || minutes > 59) {
            return Integer.MIN_VALUE;
        }
        int offset = hours * 3600 + minutes * 60;
        return c == '-' ? -offset : offset;
    }

    /** The decimal value of {@code count} digits at {@code from}, or -1 if any is not a digit. */
    private static int digits(String s, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            char c = s.charAt(i);
            if (!isDigit(c)) {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static long daysToMicros(long epochDay) {
        return epochDay * SECONDS_PER_DAY * MICROS_PER_SECOND;
    }

    private static int lengthOfMonth(int year, int month) {
        return switch (month) {
            case 2 -> isLeapYear(year) ? 29 : 28;
            case 4, 6, 9, 11 -> 30;
            default -> 31;
        };
    }

    private static boolean isLeapYear(int year) {
        return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    }

    /**
     * Days since 1970-01-01 in the proleptic Gregorian calendar (years 0000–9999 here), the same
     * count as {@code LocalDate.toEpochDay()} without building a LocalDate. Howard Hinnant's
     * days_from_civil.
     */
    private static long epochDay(int year, int month, int day) {
        int y = month <= 2 ? year - 1 : year;
        int era = Math.floorDiv(y, 400);
        int yearOfEra = y - era * 400;
        int monthFromMarch = month > 2 ? month - 3 : month + 9;
        int dayOfYear = (153 * monthFromMarch + 2) / 5 + day - 1;
        int dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
        return era * 146_097L + dayOfEra - 719_468L;
    }
}
