package dev.iamgate.example.soak;

/** One request of the soak and what it must get. {@code body} and {@code contentType} may be null. */
record Probe(String method, String path, String body, String contentType, Expectation expected) {

    static Probe get(String path, Expectation expected) {
        return new Probe("GET", path, null, null, expected);
    }

    static Probe json(String method, String path, String body, Expectation expected) {
        return new Probe(method, path, body, "application/json", expected);
    }

    static Probe empty(String method, String path, Expectation expected) {
        return new Probe(method, path, null, null, expected);
    }
}
