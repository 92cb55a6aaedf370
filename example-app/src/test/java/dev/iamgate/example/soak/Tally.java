package dev.iamgate.example.soak;

import dev.iamgate.example.soak.Expectation.Authenticated;
import dev.iamgate.example.soak.Expectation.Category;
import dev.iamgate.example.soak.Expectation.Decided;
import dev.iamgate.example.soak.Expectation.NotAuthenticated;
import dev.iamgate.example.soak.Expectation.Public;
import dev.iamgate.example.soak.Expectation.RefusedBeforeTheFilter;
import dev.iamgate.example.soak.Expectation.RejectedPath;
import dev.iamgate.example.soak.Expectation.Unmapped;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Judges each answer against its {@link Expectation} and counts: requests by category, wrong
 * answers, 5xx, transport failures, and the decision-log lines the answers call for. Keeps counters
 * and the first few problems only, so its own memory stays flat however long the soak runs.
 */
final class Tally {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int KEPT_PROBLEMS = 25;

    private final Map<Category, LongAdder> requests = new EnumMap<>(Category.class);
    private final LongAdder wrong = new LongAdder();
    private final LongAdder serverErrors = new LongAdder();
    private final LongAdder transportFailures = new LongAdder();
    private final LongAdder refusedByContainer = new LongAdder();
    private final Map<String, LongAdder> expectedLines = new ConcurrentHashMap<>();
    private final List<String> problems = new ArrayList<>();

    Tally() {
        for (Category category : Category.values()) {
            requests.put(category, new LongAdder());
        }
    }

    /** Checks one answer; {@code who} names the session in problem reports. */
    void judge(String who, Probe probe, int status, String body) {
        requests.get(probe.expected().category()).increment();
        if (status >= 500) {
            serverErrors.increment();
        }
        String problem = problem(probe, status, body);
        if (problem != null) {
            wrong.increment();
            keep(who + ": " + probe.method() + " " + probe.path() + " -> " + status + " " + abbreviate(body)
                    + ": " + problem);
        }
        String line = lineFor(probe, status, body);
        if (!line.isEmpty()) {
            expectedLines.computeIfAbsent(line, key -> new LongAdder()).increment();
            for (String dispatched : probe.expected().dispatchLogKeys(probe.method())) {
                expectedLines.computeIfAbsent(dispatched, key -> new LongAdder()).increment();
            }
        }
    }

    /** A request that got no answer at all (refused connection, reset, timeout). */
    void failed(String who, Probe probe, Exception e) {
        requests.get(probe.expected().category()).increment();
        transportFailures.increment();
        keep(who + ": " + probe.method() + " " + probe.path() + " failed: " + e);
    }

    private static String problem(Probe probe, int status, String body) {
        Expectation expected = probe.expected();
        if (expected instanceof Decided d) {
            return d.verdict() == SeedOracle.Verdict.ALLOW ? expectStatusAndCode(status, body, d.appStatus(), d.appCode())
                    : expectError(status, body, 403, "AccessDenied", d.denialMessage());
        }
        if (expected instanceof Unmapped u) {
            return expectError(status, body, 403, "AccessDenied", u.denialMessage(probe.method(), probe.path()));
        }
        if (expected instanceof Authenticated a) {
            return expectStatusAndCode(status, body, a.appStatus(), "");
        }
        if (expected instanceof NotAuthenticated) {
            return expectStatusAndCode(status, body, 401, "NotAuthenticated");
        }
        if (expected instanceof Public p) {
            return expectStatusAndCode(status, body, p.status(), "");
        }
        if (expected instanceof RefusedBeforeTheFilter r) {
            return expectStatusAndCode(status, body, r.status(), r.code());
        }
        return status == 400 ? null : "expected 400"; // RejectedPath
    }

    /** The line the filter must have written: none when the container refused a path before it. */
    private String lineFor(Probe probe, int status, String body) {
        if (probe.expected() instanceof RejectedPath && !"InvalidRequest".equals(errorCode(body))) {
            refusedByContainer.increment();
            return "";
        }
        return probe.expected().logKey(probe.method(), probe.path());
    }

    private static String expectStatusAndCode(int status, String body, int expectedStatus, String expectedCode) {
        if (status != expectedStatus) {
            return "expected " + expectedStatus + (expectedCode.isEmpty() ? "" : " " + expectedCode);
        }
        if (!expectedCode.isEmpty() && !expectedCode.equals(errorCode(body))) {
            return "expected error code " + expectedCode;
        }
        return null;
    }

    /** A refusal the AWS way: status, {@code {"Error":{"Code","Message"}}}, the exact message. */
    private static String expectError(int status, String body, int expectedStatus, String code, String message) {
        String wrongStatus = expectStatusAndCode(status, body, expectedStatus, code);
        if (wrongStatus != null) {
            return wrongStatus;
        }
        String actual = error(body).path("Message").asString("");
        return actual.equals(message) ? null : "expected message \"" + message + "\"";
    }

    private static String errorCode(String body) {
        return error(body).path("Code").asString("");
    }

    private static JsonNode error(String body) {
        if (body == null || !body.startsWith("{")) {
            return JSON.missingNode();
        }
        try {
            return JSON.readTree(body).path("Error");
        } catch (RuntimeException notJson) {
            return JSON.missingNode();
        }
    }

    private synchronized void keep(String problem) {
        if (problems.size() < KEPT_PROBLEMS) {
            problems.add(problem);
        }
    }

    private static String abbreviate(String body) {
        String text = body == null ? "" : body.replaceAll("\\s+", " ");
        return text.length() <= 300 ? text : text.substring(0, 300) + "…";
    }

    long requests(Category category) {
        return requests.get(category).sum();
    }

    long total() {
        return requests.values().stream().mapToLong(LongAdder::sum).sum();
    }

    long wrong() {
        return wrong.sum();
    }

    long serverErrors() {
        return serverErrors.sum();
    }

    long transportFailures() {
        return transportFailures.sum();
    }

    long refusedByContainer() {
        return refusedByContainer.sum();
    }

    /** Expected decision-log lines by identity, sorted. */
    Map<String, Long> expectedLines() {
        Map<String, Long> out = new TreeMap<>();
        expectedLines.forEach((key, count) -> out.put(key, count.sum()));
        return out;
    }

    synchronized List<String> problems() {
        return List.copyOf(problems);
    }
}
