package dev.iamgate.example.api;

import dev.iamgate.example.iam.IamException;

/** Checks of request parameters shared by the routes. */
final class Parameters {

    private Parameters() {}

    /** {@code value}, or {@code InvalidInput} when it is missing or empty. */
    static String required(String name, String value) {
        if (value == null || value.isEmpty()) {
            throw IamException.invalidInput(name + " is required");
        }
        return value;
    }
}
