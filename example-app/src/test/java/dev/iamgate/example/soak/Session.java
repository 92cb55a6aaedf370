package dev.iamgate.example.soak;

import dev.iamgate.example.testing.ApiClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * One client of the soak: a script of requests it repeats, round after round, on a thread of its
 * own until the soak ends. Every answer goes to the {@link Tally}.
 */
abstract class Session {

    final String name;
    final Tally tally;

    Session(String name, Tally tally) {
        this.name = name;
        this.tally = tally;
    }

    /** One pass through the script. */
    abstract void round();

    /** Sends a probe over the session's client and judges the answer; null when nothing came back. */
    final ApiClient.Response send(ApiClient client, Probe probe) {
        try {
            ApiClient.Response answer = client.send(probe.method(), probe.path(), probe.body(), probe.contentType());
            tally.judge(name, probe, answer.status(), answer.text());
            return answer;
        } catch (UncheckedIOException | IllegalStateException e) {
            tally.failed(name, probe, e);
            return null;
        }
    }

    final void sendAll(ApiClient client, List<Probe> probes) {
        for (Probe probe : probes) {
            send(client, probe);
        }
    }

    /** Sends a raw GET of the probe's path (with {@code cookie} when not null) and judges the answer. */
    final void sendRaw(RawHttp raw, Probe probe, String cookie) {
        try {
            RawHttp.Answer answer = raw.get(probe.path(), cookie);
            tally.judge(name, probe, answer.status(), answer.body());
        } catch (IOException | RuntimeException e) {
            tally.failed(name, probe, e);
        }
    }

    /** Sends a whole raw request and judges the answer. */
    final void sendRawRequest(RawHttp raw, Probe probe, String request) {
        try {
            RawHttp.Answer answer = raw.exchange(request);
            tally.judge(name, probe, answer.status(), answer.body());
        } catch (IOException | RuntimeException e) {
            tally.failed(name, probe, e);
        }
    }
}
