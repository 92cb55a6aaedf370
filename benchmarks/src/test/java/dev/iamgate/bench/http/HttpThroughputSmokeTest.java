package dev.iamgate.bench.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Runs the HTTP harness once, briefly (one round, well under a second per phase), so that it
 * cannot rot: every mode's server starts in its own JVM, alice signs in with MFA, and every
 * response is a 200, which in filter mode means the seed policy allowed the request. Says nothing
 * about speed. The harness's report goes to {@code target/http-smoke.txt}.
 */
class HttpThroughputSmokeTest {

    @Test
    void everyModeServesTheSignedInUserOverRealHttp() throws IOException {
        Path report = Files.createDirectories(Path.of("target")).resolve("http-smoke.txt");
        HttpThroughput.Report result;
        try (PrintStream out = new PrintStream(Files.newOutputStream(report), true, StandardCharsets.UTF_8)) {
            result = HttpThroughput.run(HttpThroughput.Options.parse("--rounds", "1", "--warmup", "0.2", "--duration",
                    "0.5", "--latency", "0.3", "--connections", "2", "--server-jvm-arg", "-Xmx128m",
                    "--server-log", "target/http-smoke-server.log"), out);
        }
        assertThat(result.rounds()).hasSize(1);
        for (ServerMode mode : ServerMode.values()) {
            HttpThroughput.Measurement measured = result.rounds().get(0).get(mode);
            assertThat(measured.requestsPerSecond()).as("%s requests/s", mode).isPositive();
            assertThat(measured.cpuMicrosPerRequest()).as("%s CPU per request", mode).isPositive();
            assertThat(measured.requestThreadsCpuMicrosPerRequest()).as("%s request threads' CPU per request", mode)
                    .isPositive();
            assertThat(measured.p99()).as("%s p99", mode).isGreaterThanOrEqualTo(measured.p50()).isPositive();
        }
        assertThat(Files.readString(report)).contains("FILTER vs SESSION: req/s ratio");
    }
}
