package dev.iamgate.validate;

import java.util.Objects;

/**
 * One check of the validator, as documented.
 *
 * @param name the stable kebab-case name findings carry, e.g. {@code redundant-action}
 * @param severity the severity of its findings
 * @param summary what it means when the check fires, one sentence
 * @param howToFix what to change, one sentence
 */
public record CheckInfo(String name, Severity severity, String summary, String howToFix) {

    public CheckInfo {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(howToFix, "howToFix");
    }
}
