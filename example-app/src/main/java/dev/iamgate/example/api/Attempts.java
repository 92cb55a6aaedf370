package dev.iamgate.example.api;

import dev.iamgate.example.iam.ErrorCode;
import dev.iamgate.example.iam.IamException;
import dev.iamgate.example.security.Throttle;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Runs a check of something guessable (a password, an MFA code) under the {@link Throttle}:
 * refused outright once the user or address has used up its failures, and counted when it fails.
 */
final class Attempts {

    /** The refusals that mean "wrong guess". */
    private static final Set<ErrorCode> GUESS_FAILED = Set.of(ErrorCode.INVALID_CREDENTIALS,
            ErrorCode.INVALID_AUTHENTICATION_CODE, ErrorCode.ACCESS_DENIED);

    private final Throttle throttle;

    Attempts(Throttle throttle) {
        this.throttle = throttle;
    }

    <T> T guarded(String user, String address, Supplier<T> attempt) {
        try (Throttle.Attempt guess = throttle.begin(user, address)) {
            try {
                return attempt.get();
            } catch (IamException refused) {
                if (GUESS_FAILED.contains(refused.code())) {
                    guess.failed();
                }
                throw refused;
            }
        }
    }

    void guarded(String user, String address, Runnable attempt) {
        guarded(user, address, () -> {
            attempt.run();
            return null;
        });
    }
}
