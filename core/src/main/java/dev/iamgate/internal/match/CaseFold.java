package dev.iamgate.internal.match;

/**
 * How names that compare case-insensitively (actions) are folded: char by char, locale-free, as
 * {@link String#equalsIgnoreCase} compares them. One rule for the request, for literal patterns
 * and for the characters of wildcard patterns, so a pattern matches the same names whether or not
 * it has a wildcard. Action names are ASCII; the rule only has to be one rule for anything else.
 */
public final class CaseFold {

    private CaseFold() {}

    /** The folded char: two chars are equal ignoring case exactly when their folds are equal. */
    public static char fold(char c) {
        if (c < 128) {
            return c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
        }
        return Character.toLowerCase(Character.toUpperCase(c));
    }

    /** The text with every char folded; the text itself when that changes nothing (lower-case ASCII). */
    public static String fold(String text) {
        int length = text.length();
        int i = 0;
        while (i < length && fold(text.charAt(i)) == text.charAt(i)) {
            i++;
        }
        if (i == length) {
            return text;
        }
        char[] chars = text.toCharArray();
        for (; i < length; i++) {
            chars[i] = fold(chars[i]);
        }
        return new String(chars);
    }
}
