package dev.iamgate.validate;

import dev.iamgate.internal.validate.CheckId;

import java.util.List;
import java.util.Optional;

/**
 * The catalogue of every check the validator runs, so that tools and documentation can list them
 * and configuration can refer to them by name. Names never change once published.
 */
public final class Checks {

    private static final List<CheckInfo> ALL = CheckId.catalogue();

    private Checks() {}

    /** Every check, in a stable order (the order of {@code docs/validation-checks.md}). */
    public static List<CheckInfo> all() {
        return ALL;
    }

    /** The check called exactly {@code name}. */
    public static Optional<CheckInfo> byName(String name) {
        for (CheckInfo info : ALL) {
            if (info.name().equals(name)) {
                return Optional.of(info);
            }
        }
        return Optional.empty();
    }
}
