package dev.iamgate.example.runner;

import dev.iamgate.example.iam.Account;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code java -jar iamgate-example-app.jar [--port 8080] [--data DIR] [--jdbc-url URL]}: runs the
 * "My Security Credentials" demo until interrupted.
 */
@Command(name = "iamgate-example-app", mixinStandardHelpOptions = true,
        description = {"\"My Security Credentials\": a small IAM-like service guarded by the AWS MFA self-manage policy.",
            "",
            "Environment: IAMGATE_DEMO_PASSWORD (initial password of alice, bob and admin on first start;",
            "random and printed once when unset), IAMGATE_DEMO_KEY (base64 AES key for MFA seeds; the key file",
            "DATA/iamgate-demo.key when unset), IAMGATE_JDBC_USER and IAMGATE_JDBC_PASSWORD (with --jdbc-url)."})
public final class Main implements Callable<Integer> {

    @Option(names = "--port", defaultValue = "8080", description = "Port to listen on (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--host", defaultValue = "127.0.0.1",
            description = "Address to listen on (default: ${DEFAULT-VALUE}; 0.0.0.0 for every interface).")
    String host;

    @Option(names = "--data", defaultValue = "data",
            description = "Directory of the embedded database and the key file (default: ./${DEFAULT-VALUE}).")
    Path data;

    @Option(names = "--jdbc-url", description = "Use this database (PostgreSQL) instead of the embedded H2 one.")
    String jdbcUrl;

    public static void main(String[] args) {
        System.exit(new CommandLine(new Main()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        ExampleApp app = ExampleApp.start(Settings.of(host, port, data, Optional.ofNullable(jdbcUrl), System.getenv()));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                app.close();
            } catch (Exception e) {
                // Shutting down: nothing left to tell.
            }
        }, "iamgate-example-shutdown"));
        PrintStream out = System.out;
        out.println("iamgate example app: http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + app.port() + "/");
        app.seeded().ifPresent(passwords -> printSeeded(out, passwords));
        out.flush();
        app.join();
        return 0;
    }

    /** The only place the initial passwords ever appear: standard output, once. */
    private static void printSeeded(PrintStream out, Map<String, String> passwords) {
        out.println("First start: created account " + Account.DEFAULT_ID
                + " with users alice and bob (MFA self-manage policy) and admin (full access).");
        if (passwords.isEmpty()) {
            out.println("Their initial password is the value of " + Settings.PASSWORD_VARIABLE + ".");
            return;
        }
        out.println("Initial passwords (shown this once; only their hashes are stored):");
        passwords.forEach((user, password) -> out.printf("  %-6s %s%n", user, password));
    }
}
