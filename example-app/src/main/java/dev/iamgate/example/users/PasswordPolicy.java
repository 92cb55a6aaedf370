package dev.iamgate.example.users;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.List;

/**
 * The account password policy, in the shape of GetAccountPasswordPolicy, and the rules it puts on
 * a new password.
 *
 * @param minimumPasswordLength 6 to 128
 * @param requireSymbols at least one of {@code ! @ # $ % ^ & * ( ) _ + - = [ ] { } | '}
 * @param requireNumbers at least one digit
 * @param requireUppercaseCharacters at least one of A-Z
 * @param requireLowercaseCharacters at least one of a-z
 * @param allowUsersToChangePassword whether users may change their own password
 * @param maxPasswordAge days a password lasts, 0 for ever
 * @param passwordReusePrevention how many previous passwords cannot be used again, 0 for none
 * @param hardExpiry whether an expired password locks the user out
 */
public record PasswordPolicy(
        int minimumPasswordLength,
        boolean requireSymbols,
        boolean requireNumbers,
        boolean requireUppercaseCharacters,
        boolean requireLowercaseCharacters,
        boolean allowUsersToChangePassword,
        int maxPasswordAge,
        int passwordReusePrevention,
        boolean hardExpiry) {

    /** IAM's set of symbols. */
    public static final String SYMBOLS = "!@#$%^&*()_+-=[]{}|'";
    /** The longest password IAM accepts. */
    public static final int MAXIMUM_LENGTH = 128;

    /** Derived, as IAM derives it: whether passwords expire at all. */
    @JsonProperty("ExpirePasswords")
    public boolean expirePasswords() {
        return maxPasswordAge > 0;
    }

    /** What is wrong with {@code password} under this policy; empty when it complies. */
    public List<String> violations(String password) {
        List<String> problems = new ArrayList<>();
        if (password.length() < minimumPasswordLength) {
            problems.add("at least " + minimumPasswordLength + " characters");
        }
        if (password.length() > MAXIMUM_LENGTH) {
            problems.add("at most " + MAXIMUM_LENGTH + " characters");
        }
        if (!password.chars().allMatch(PasswordPolicy::isAllowed)) {
            problems.add("only tab, line breaks and characters from U+0020 to U+00FF");
        }
        if (requireSymbols && password.chars().noneMatch(c -> SYMBOLS.indexOf(c) >= 0)) {
            problems.add("at least one symbol (" + SYMBOLS + ")");
        }
        if (requireNumbers && password.chars().noneMatch(c -> c >= '0' && c <= '9')) {
            problems.add("at least one number");
        }
        if (requireUppercaseCharacters && password.chars().noneMatch(c -> c >= 'A' && c <= 'Z')) {
            problems.add("at least one uppercase letter (A-Z)");
        }
        if (requireLowercaseCharacters && password.chars().noneMatch(c -> c >= 'a' && c <= 'z')) {
            problems.add("at least one lowercase letter (a-z)");
        }
        return problems;
    }

    private static boolean isAllowed(int c) {
        return c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c <= 0xFF);
    }
}
