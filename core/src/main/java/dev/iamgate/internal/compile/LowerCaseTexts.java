package dev.iamgate.internal.compile;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The lower-case forms of the texts one compilation meets, each made once: action names repeat
 * across thousands of statements, and sharing one string for each both saves the work and keeps
 * the compiled set smaller. Not thread-safe: one per compilation.
 */
final class LowerCaseTexts {

    private final Map<String, String> lowered = new HashMap<>();

    String of(String text) {
        return lowered.computeIfAbsent(text, t -> t.toLowerCase(Locale.ROOT));
    }
}
