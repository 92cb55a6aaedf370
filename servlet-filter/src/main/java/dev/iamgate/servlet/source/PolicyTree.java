package dev.iamgate.servlet.source;

import dev.iamgate.policy.Policy;
import dev.iamgate.policy.PolicyParseException;
import dev.iamgate.policy.PolicyParser;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The policy files under one root folder, and what the last scan found in each. Not thread-safe:
 * {@link DirectoryPolicySource} lets one thread scan at a time.
 *
 * <p>A scan lists the files, reads those whose size, modification time or identity changed (and
 * those modified so recently that a same-size rewrite could hide behind an unchanged timestamp),
 * and parses those whose content changed. Each problem is reported once: a broken file again only
 * when its content changes and is still broken, an unreadable file again only when the reason
 * changes, a missing root once until it is back.
 */
final class PolicyTree {

    /** Timestamps this close to the scan are not trusted to reveal a further change (coarse clocks). */
    private static final long RECENT_MILLIS = 2_000;

    /** UTF-8 takes at most 3 bytes per UTF-16 char: a larger file cannot be under the parser's limit. */
    private static final long MAX_BYTES = 3L * PolicyParser.DEFAULT_MAX_DOCUMENT_CHARS;

    private static final String NO_GOOD_VERSION =
            "; it has no good version, so the principals it applies to keep their last compiled policies or are denied";

    private final Path root;
    private final String name;
    private final Reporter reporter;
    private Map<String, FileState> files = Map.of();
    private String rootProblem;

    /**
     * @param root the folder holding {@code everyone/}, {@code groups/}, {@code users/}
     * @param name how messages call it ("policy directory /etc/iam", "classpath folder iam in app.jar")
     */
    PolicyTree(Path root, String name, Reporter reporter) {
        this.root = root;
        this.name = name;
        this.reporter = reporter;
    }

    /** The files as of the last successful scan, by relative path. */
    Map<String, FileState> files() {
        return files;
    }

    /** What a scan found. */
    enum Outcome {
        /** What the tree serves is as before. */
        UNCHANGED,
        /** A policy was added, replaced or removed, or a file that never parsed appeared or went. */
        CHANGED,
        /** The tree could not be read as a whole: nothing changed, the last good files stay in force. */
        UNREADABLE
    }

    /** How many times a scan is tried when the tree keeps being swapped while it is read. */
    private static final int SCAN_ATTEMPTS = 3;

    /**
     * Scans the tree once. A scan reads the folders as they were when it started, symbolic links
     * resolved, and checks afterwards that they still are: a tree swapped while it was read (a link
     * switched, as a deploy or Kubernetes' {@code ..data} does) would otherwise give a mix of two
     * versions, say the new Allow without the new Deny. Such a scan is thrown away and made again.
     */
    Outcome scan() {
        for (int attempt = 0; attempt < SCAN_ATTEMPTS; attempt++) {
            Outcome outcome = scanOnce();
            if (outcome != null) {
                return outcome;
            }
        }
        return Outcome.UNREADABLE; // swapped under every attempt: keep what is in force, look again later
    }

    /** One look at the tree; null if it was swapped while being read. */
    private Outcome scanOnce() {
        long scanStart = System.currentTimeMillis();
        Map<String, Path> listed;
        Layout layout;
        try {
            layout = Layout.of(root);
            Object rootKey = rootKey(layout.root());
            listed = list(layout);
            // A root deleted or swapped while we listed it gives a partial view: not a removal of files.
            if (!Objects.equals(rootKey, rootKey(layout.root()))) {
                throw new IOException("it changed while being read");
            }
        } catch (IOException | RuntimeException e) {
            if (rootProblem == null) { // once per outage, whatever its reasons along the way
                rootProblem = "Cannot read the " + name + " (" + describe(e) + "); the last good policies stay in force";
                reporter.error(rootProblem);
            }
            return Outcome.UNREADABLE;
        }
        if (rootProblem != null) {
            reporter.info("The " + name + " is readable again");
            rootProblem = null;
        }

        Map<String, FileState> next = new TreeMap<>();
        boolean changed = false;
        for (Map.Entry<String, Path> file : listed.entrySet()) {
            FileState before = files.get(file.getKey());
            FileState after = refresh(file.getKey(), file.getValue(), before, scanStart);
            if (after != null) {
                next.put(file.getKey(), after);
                changed |= before == null || before.good() != after.good();
            }
        }
        if (!layout.equals(Layout.ofOrNull(root))) {
            return null;
        }
        for (String gone : files.keySet()) {
            if (!next.containsKey(gone)) {
                reporter.info("Policy file " + gone + " was removed from the " + name + "; its policies no longer apply");
                changed = true;
            }
        }
        files = next;
        return changed ? Outcome.CHANGED : Outcome.UNCHANGED;
    }

    /**
     * Where the root and its three folders really are, links resolved; a folder that does not
     * exist stands as itself. Two looks that differ mean the tree was swapped in between.
     */
    private record Layout(Path root, Path everyone, Path groups, Path users) {

        static Layout of(Path root) throws IOException {
            Path base = root.toRealPath();
            if (!Files.isDirectory(base)) {
                throw new NotDirectoryException(root.toString());
            }
            return new Layout(base, real(base.resolve("everyone")), real(base.resolve("groups")),
                    real(base.resolve("users")));
        }

        static Layout ofOrNull(Path root) {
            try {
                return of(root);
            } catch (IOException e) {
                return null;
            }
        }

        private static Path real(Path folder) throws IOException {
            try {
                return folder.toRealPath();
            } catch (NoSuchFileException absent) {
                return folder;
            }
        }
    }

    private Object rootKey(Path realRoot) throws IOException {
        BasicFileAttributes attributes = Files.readAttributes(realRoot, BasicFileAttributes.class);
        if (!attributes.isDirectory()) {
            throw new NotDirectoryException(root.toString());
        }
        Object key = attributes.fileKey();
        return key != null ? key : attributes.creationTime();
    }

    /** The policy files by relative path: {@code everyone/*.json}, {@code groups/*}{@code /*.json}, {@code users/*}{@code /*.json}. */
    private Map<String, Path> list(Layout layout) throws IOException {
        Map<String, Path> found = new TreeMap<>();
        addPolicyFiles(layout.everyone(), "everyone/", found);
        for (String kind : new String[] {"groups", "users"}) {
            Path folder = kind.equals("groups") ? layout.groups() : layout.users();
            try (DirectoryStream<Path> members = directory(folder)) {
                for (Path member : members) {
                    String memberName = fileName(member);
                    if (!memberName.startsWith(".") && Files.isDirectory(member)) {
                        addPolicyFiles(member, kind + "/" + memberName + "/", found);
                    }
                }
            }
        }
        return found;
    }

    private void addPolicyFiles(Path folder, String prefix, Map<String, Path> found) throws IOException {
        try (DirectoryStream<Path> entries = directory(folder)) {
            for (Path entry : entries) {
                String fileName = fileName(entry);
                // Dot files are editor swap files and Kubernetes' ..data links, not policies.
                if (!fileName.startsWith(".") && fileName.toLowerCase(Locale.ROOT).endsWith(".json")) {
                    found.put(prefix + fileName, entry);
                }
            }
        }
    }

    /** The entries of a folder; none if it does not exist (a layout may leave out any folder). */
    private static DirectoryStream<Path> directory(Path folder) throws IOException {
        try {
            return Files.newDirectoryStream(folder);
        } catch (NoSuchFileException | NotDirectoryException absent) {
            return EmptyStream.INSTANCE;
        }
    }

    /** The file's state now; null if it turned out to be a folder, which the layout ignores. */
    private FileState refresh(String path, Path file, FileState before, long scanStart) {
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(file, BasicFileAttributes.class);
        } catch (IOException e) {
            return unreadable(path, before, describe(e));
        }
        if (attributes.isDirectory()) {
            // A folder named like a policy is not one; but a policy file that became a folder is a
            // fault (a botched deploy), not a deliberate removal: its last good version stays.
            return before != null && before.good() != null ? unreadable(path, before, "a directory now") : null;
        }
        if (!attributes.isRegularFile()) {
            return unreadable(path, before, "not a regular file");
        }
        FileState.Stamp stamp = FileState.Stamp.of(attributes);
        if (before != null && before.readProblem() == null && !before.recheck() && stamp.sameAs(before.stamp())) {
            return before;
        }
        if (attributes.size() > MAX_BYTES) {
            return broken(path, before, stamp, false, null,
                    path + ": " + attributes.size() + " bytes, more than a policy can be");
        }
        boolean recheck = attributes.lastModifiedTime().toMillis() > scanStart - RECENT_MILLIS;
        byte[] content;
        try {
            content = Files.readAllBytes(file);
        } catch (IOException e) {
            return unreadable(path, before, describe(e));
        }
        byte[] digest = sha256(content);
        if (before != null && Arrays.equals(digest, before.digest())) {
            // The content we already judged: same verdict, nothing new to report.
            if (before.readProblem() != null) {
                reporter.info("Policy file " + path + " in the " + name + " is readable again");
            }
            return new FileState(stamp, recheck, digest, before.good(), before.parseProblem(), null);
        }
        try {
            Policy policy = PolicyParser.parse(decode(content), path);
            Optional<String> refused = IdentityPolicyRules.problem(policy);
            if (refused.isPresent()) {
                return broken(path, before, stamp, recheck, digest, refused.get());
            }
            if (before != null && (before.parseProblem() != null || before.readProblem() != null)) {
                reporter.info("Policy file " + path + " in the " + name + " is fixed; its new version is in force");
            }
            return new FileState(stamp, recheck, digest, policy, null, null);
        } catch (PolicyParseException e) {
            // The message names the file (the policy's name), line:column, JSON pointer and check.
            return broken(path, before, stamp, recheck, digest, e.getMessage());
        } catch (CharacterCodingException e) {
            return broken(path, before, stamp, recheck, digest, path + ": not UTF-8 text");
        }
    }

    private FileState broken(String path, FileState before, FileState.Stamp stamp, boolean recheck, byte[] digest,
            String diagnostic) {
        boolean hasGood = before != null && before.good() != null;
        String problem = "Rejected policy file " + diagnostic + (hasGood
                ? "; its last good version stays in force"
                : NO_GOOD_VERSION);
        reporter.error(problem); // only new content gets here: each broken version is reported once
        return new FileState(stamp, recheck, digest, hasGood ? before.good() : null, problem, null);
    }

    private FileState unreadable(String path, FileState before, String reason) {
        boolean hasGood = before != null && before.good() != null;
        String problem = "Cannot read policy file " + path + " in the " + name + " (" + reason + ")" + (hasGood
                ? "; its last good version stays in force"
                : NO_GOOD_VERSION);
        if (before == null || !problem.equals(before.readProblem())) {
            reporter.error(problem);
        }
        // No stamp: the next scan reads it again.
        return before == null
                ? new FileState(null, true, null, null, null, problem)
                : new FileState(null, true, before.digest(), before.good(), before.parseProblem(), problem);
    }

    private static String decode(byte[] content) throws CharacterCodingException {
        int start = content.length >= 3 && content[0] == (byte) 0xEF && content[1] == (byte) 0xBB
                && content[2] == (byte) 0xBF ? 3 : 0; // a byte order mark some editors write
        return StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(content, start, content.length - start))
                .toString();
    }

    private static byte[] sha256(byte[] content) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(content);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    private static String fileName(Path path) {
        Path fileName = path.getFileName();
        String text = fileName == null ? "" : fileName.toString();
        return text.endsWith("/") ? text.substring(0, text.length() - 1) : text; // zip file systems end folders in '/'
    }

    private static String describe(Exception e) {
        if (e instanceof NoSuchFileException) {
            return "missing: " + e.getMessage();
        }
        if (e instanceof NotDirectoryException) {
            return "not a directory: " + e.getMessage();
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied: " + e.getMessage();
        }
        return e.toString();
    }

    /** The entries of a folder that does not exist. */
    private enum EmptyStream implements DirectoryStream<Path> {
        INSTANCE;

        @Override
        public java.util.Iterator<Path> iterator() {
            return java.util.Collections.emptyIterator();
        }

        @Override
        public void close() {}
    }
}
