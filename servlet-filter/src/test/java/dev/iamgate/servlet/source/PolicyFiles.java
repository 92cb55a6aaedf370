package dev.iamgate.servlet.source;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Policy documents and ways to put them on disk, for tests of policy sources. */
public final class PolicyFiles {

    private PolicyFiles() {}

    /** A one-statement policy of an effect over actions, on every resource. */
    public static String policy(String effect, String... actions) {
        String actionList = Stream.of(actions).map(a -> "\"" + a + "\"").collect(Collectors.joining(", "));
        return """
                {
                  "Version": "2012-10-17",
                  "Statement": [
                    {"Effect": "%s", "Action": [%s], "Resource": "*"}
                  ]
                }
                """.formatted(effect, actionList);
    }

    /** Not JSON: a trailing comma on line 4. */
    public static final String BROKEN = """
            {
              "Version": "2012-10-17",
              "Statement": [
                {"Effect": "Deny", "Action": "iam:DeleteUser", "Resource": "*",}
              ]
            }
            """;

    /** Writes a file the way editors and deploy tools should: a temporary dot file renamed into place. */
    public static void writeAtomically(Path root, String relative, String content) {
        Path target = root.resolve(relative);
        try {
            Files.createDirectories(target.getParent());
            Path temporary = Files.createTempFile(target.getParent(), ".", ".tmp");
            Files.writeString(temporary, content);
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Deletes a tree, children first. */
    public static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
