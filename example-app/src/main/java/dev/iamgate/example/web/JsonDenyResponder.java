package dev.iamgate.example.web;

import dev.iamgate.servlet.Denial;
import dev.iamgate.servlet.spi.DenyResponder;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;

/**
 * Answers the iamgate filter's refusals through the app's own error writer, so they look exactly
 * like every other error of the API (JSON always: the page calls the JSON API only).
 */
public final class JsonDenyResponder implements DenyResponder {

    @Override
    public void respond(HttpServletRequest request, HttpServletResponse response, Denial denial) throws IOException {
        ErrorResponses.write(response, denial.status(), denial.code(), denial.message(), Map.of());
    }
}
