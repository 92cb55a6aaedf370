package dev.iamgate.servlet.internal.firewall;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * One entry of {@code security/bypass-payloads.json}, the shared sample of path-bypass payloads
 * (a copy of {@code shared/security/bypass-payloads.json}, byte for byte).
 *
 * @param path the raw request-target, sent byte for byte
 * @param target the context-relative resource the payload tries to reach
 * @param expect {@code "400"}: the firewall must reject it; {@code "deny"}: it may pass the firewall
 *     but must not be served
 * @param why the CVE or trick it comes from
 */
record BypassPayload(String path, String target, String expect, String why) {

    static final String RESOURCE = "/security/bypass-payloads.json";

    BypassPayload {
        if (!expect.equals("400") && !expect.equals("deny")) {
            throw new IllegalArgumentException("unknown expectation " + expect + " for " + path);
        }
    }

    boolean mustBeRejected() {
        return expect.equals("400");
    }

    static List<BypassPayload> all() {
        try (InputStream in = BypassPayload.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not on the test classpath");
            }
            List<BypassPayload> payloads = new ArrayList<>();
            for (JsonNode entry : new ObjectMapper().readTree(in)) {
                payloads.add(new BypassPayload(
                        entry.get("path").asString(), entry.get("target").asString(),
                        entry.get("expect").asString(), entry.get("why").asString()));
            }
            return List.copyOf(payloads);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** For parameterized test names: the payload and where it comes from. */
    @Override
    public String toString() {
        return path + " (" + why + ")";
    }
}
