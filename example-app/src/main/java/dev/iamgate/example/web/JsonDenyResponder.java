package dev.iamgate.example.web;

import dev.iamgate.servlet.Denial;
import dev.iamgate.servlet.spi.DenyResponder;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;

/**
 * Answers the iamgate filter's refusals in the API's JSON error shape, like every other error of
 * the app. Unlike the filter's default responder it sends no {@code WWW-Authenticate: Basic}
 * challenge with 401: that would make browsers prompt for, remember and then send Basic
 * credentials on their own, cross-site requests included.
 */
public final class JsonDenyResponder implements DenyResponder {

    @Override
    public void respond(HttpServletRequest request, HttpServletResponse response, Denial denial) throws IOException {
        ErrorResponses.write(response, denial.status(), denial.code(), denial.message(), Map.of());
    }
}
