package dev.iamgate.servlet.spi;

import dev.iamgate.servlet.Denial;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Writes the answer to a refused request. The default answers AWS-style JSON, or a small HTML
 * page to a client that prefers HTML. An implementation must set the denial's status and must
 * not reveal more than the denial's message.
 */
public interface DenyResponder {

    void respond(HttpServletRequest request, HttpServletResponse response, Denial denial) throws IOException;
}
