package dev.iamgate.servlet.source;

import dev.iamgate.policy.Policy;
import dev.iamgate.servlet.IamPrincipal;
import dev.iamgate.servlet.spi.PolicySource;
import dev.iamgate.servlet.spi.PolicySourceException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Identity policies kept as JSON files in a directory, or in a classpath folder, laid out as:
 *
 * <pre>
 * everyone/*.json          policies of every principal
 * groups/&lt;group&gt;/*.json   policies of the members of an IAM group ({@link IamPrincipal#groups()})
 * users/&lt;user&gt;/*.json     policies of one IAM user ({@link IamPrincipal#userName()})
 * </pre>
 *
 * <p>Group and user folder names match ignoring ASCII case, as IAM names do (no other folding: a
 * name with U+212A KELVIN SIGN is not the name with a {@code k}). Files whose name does
 * not end in {@code .json}, dot files and anything outside these three folders are ignored; any of
 * the folders may be missing. A policy's name is its path relative to the root ({@code
 * users/alice/own-keys.json}), so decisions and errors name the file.
 *
 * <h2>Reloading</h2>
 *
 * A directory is rescanned while the application runs, at most once per refresh interval (2 s by
 * default): lazily, by the request that first asks after the interval has passed, while other
 * requests go on with the policies they had. A scan looks at sizes and modification times and
 * reads only what changed; {@link #revision()} moves when the policies served change. A classpath
 * folder inside a jar is read once; one on the file system (an exploded build) is a directory.
 *
 * <h2>Failure: the last good policies stay in force</h2>
 *
 * <ul>
 *   <li>A file that does not parse keeps its last good version in force; the error, naming the
 *       file and line:column, is logged once, and again only if the file changes and is still
 *       broken. When it parses again that is logged too.
 *   <li>A file that cannot be read (permissions, a dangling link) keeps its last good version in
 *       force, logged once.
 *   <li>A file that never parsed or was never readable cannot be left out, since it may hold a Deny:
 *       {@link #identityPolicies} throws {@link PolicySourceException} for every principal it applies
 *       to, and the filter denies those principals or keeps their last compiled policies.
 *   <li>The root directory missing, not a directory or unreadable is a fault, not a removal: every
 *       last good policy stays in force, logged once until the directory is back. Before the first
 *       successful read there is nothing to serve and every call throws.
 *   <li>A file that disappears from a readable directory is a deliberate removal: its policies stop
 *       applying. Removing a file holding a Deny widens access, as it would in IAM.
 * </ul>
 *
 * <p>Change the tree atomically. Write a file under a temporary name and rename it into place (most
 * editors and Kubernetes' ConfigMap volumes do); replace a whole tree by renaming it or switching a
 * symbolic link. A tree deleted or copied file by file passes through states in which a Deny is gone
 * while the Allow it guards is still there, and a scan may see such a state.
 *
 * <p>Every message goes to SLF4J (logger {@code dev.iamgate.servlet.source.DirectoryPolicySource})
 * and to the optional {@link Builder#reporter reporter}; messages never include file contents.
 * Thread-safe.
 */
public final class DirectoryPolicySource implements PolicySource {

    private static final Logger LOG = LoggerFactory.getLogger(DirectoryPolicySource.class);

    /** The refresh interval unless one is set. */
    public static final Duration DEFAULT_REFRESH_INTERVAL = Duration.ofSeconds(2);

    private final PolicyTree tree;
    private final Reporter reporter;
    private final String name;
    private final long refreshNanos; // negative: never rescan
    private final LongSupplier nanoTime;
    private final ReentrantLock scanLock = new ReentrantLock();
    private volatile long nextScanNanos;
    private volatile Snapshot snapshot;

    private DirectoryPolicySource(PolicyTree tree, String name, Reporter reporter, long refreshNanos,
            LongSupplier nanoTime) {
        this.tree = tree;
        this.name = name;
        this.reporter = reporter;
        this.refreshNanos = refreshNanos;
        this.nanoTime = nanoTime;
        this.snapshot = Snapshot.unavailable("the " + name + " has not been read yet");
        scanLock.lock();
        try {
            scan();
            nextScanNanos = nanoTime.getAsLong() + Math.max(0, refreshNanos);
        } finally {
            scanLock.unlock();
        }
    }

    /** A source over a directory on disk, reloaded while the application runs. */
    public static Builder directory(Path root) {
        return new Builder(Objects.requireNonNull(root, "root"), null, null);
    }

    /** A source over a classpath folder, as {@link #classpath(ClassLoader, String)} with this class's loader. */
    public static Builder classpath(String folder) {
        return classpath(DirectoryPolicySource.class.getClassLoader(), folder);
    }

    /**
     * A source over a classpath folder (e.g. {@code "iam-policies"}): read once if it is inside a
     * jar, reloaded like a directory if it is on the file system. A folder inside a nested archive
     * (a jar within a jar or war) is not supported: unpack it or use {@link #directory}.
     */
    public static Builder classpath(ClassLoader loader, String folder) {
        Objects.requireNonNull(loader, "loader");
        Objects.requireNonNull(folder, "folder");
        return new Builder(null, loader, folder);
    }

    @Override
    public List<Policy> identityPolicies(IamPrincipal principal) {
        Objects.requireNonNull(principal, "principal");
        refreshIfDue();
        return snapshot.policiesOf(principal);
    }

    @Override
    public long revision() {
        refreshIfDue();
        return snapshot.revision();
    }

    /**
     * Rescans now if the refresh interval has passed, unless another thread is at it. Costs one
     * {@code nanoTime} and a volatile read when nothing is due.
     */
    private void refreshIfDue() {
        if (refreshNanos < 0 || nanoTime.getAsLong() - nextScanNanos < 0 || !scanLock.tryLock()) {
            return;
        }
        try {
            if (nanoTime.getAsLong() - nextScanNanos >= 0) { // no other thread scanned while we got here
                scan();
                nextScanNanos = nanoTime.getAsLong() + refreshNanos;
            }
        } finally {
            scanLock.unlock();
        }
    }

    /** One scan; publishes a new snapshot if what is served changed. Called under the scan lock. */
    private void scan() {
        PolicyTree.Outcome outcome;
        try {
            outcome = tree.scan();
        } catch (RuntimeException e) {
            // A bug, not a state of the files: keep serving, and say so.
            LOG.error("Scanning the {} failed; the last good policies stay in force", name, e);
            return;
        }
        Snapshot current = snapshot;
        if (outcome == PolicyTree.Outcome.CHANGED
                || outcome == PolicyTree.Outcome.UNCHANGED && current.unavailable() != null) {
            Snapshot next = Snapshot.of(current.revision() + 1, tree.files());
            snapshot = next;
            int files = tree.files().size();
            reporter.info("Loaded " + files + (files == 1 ? " policy file" : " policy files") + " from the " + name
                    + " (revision " + next.revision() + ")");
        } else if (outcome == PolicyTree.Outcome.UNREADABLE && current.unavailable() != null) {
            snapshot = Snapshot.unavailable("the " + name + " cannot be read, and was never read");
        }
    }

    @Override
    public String toString() {
        return "DirectoryPolicySource[" + name + ", revision " + snapshot.revision() + "]";
    }

    /** Configures a {@link DirectoryPolicySource}. */
    public static final class Builder {
        private final Path directory;
        private final ClassLoader loader;
        private final String folder;
        private Duration refreshInterval = DEFAULT_REFRESH_INTERVAL;
        private Consumer<String> reporter = message -> {};
        private LongSupplier nanoTime = System::nanoTime;

        private Builder(Path directory, ClassLoader loader, String folder) {
            this.directory = directory;
            this.loader = loader;
            this.folder = folder;
        }

        /**
         * How often at most to look for changes; {@link Duration#ZERO} looks on every call. Ignored
         * for a classpath folder inside a jar, which cannot change.
         */
        public Builder refreshInterval(Duration interval) {
            Objects.requireNonNull(interval, "interval");
            if (interval.isNegative()) {
                throw new IllegalArgumentException("refreshInterval must not be negative: " + interval);
            }
            this.refreshInterval = interval;
            return this;
        }

        /**
         * Also sends every message the source logs (loads, rejected and fixed files, faults) to
         * {@code reporter}, called from one thread at a time. It must not block.
         */
        public Builder reporter(Consumer<String> reporter) {
            this.reporter = Objects.requireNonNull(reporter, "reporter");
            return this;
        }

        /** The time source of the refresh interval, for tests. */
        Builder nanoTime(LongSupplier nanoTime) {
            this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
            return this;
        }

        /**
         * Reads the files once and returns the source. A directory that cannot be read is not an
         * error here (it may be mounted later) but is logged, and the source serves nothing until it
         * can be read.
         *
         * @throws IllegalArgumentException if a classpath folder does not exist or is in a nested archive
         */
        public DirectoryPolicySource build() {
            Reporter report = new Reporter(LOG, reporter);
            long refreshNanos = refreshInterval.toNanos();
            if (directory != null) {
                String name = "policy directory " + directory;
                return new DirectoryPolicySource(new PolicyTree(directory, name, report), name, report, refreshNanos,
                        nanoTime);
            }
            String path = folder.startsWith("/") ? folder.substring(1) : folder;
            URL url = loader.getResource(path);
            if (url == null) {
                throw new IllegalArgumentException("no classpath folder " + path);
            }
            URI uri = toUri(url);
            if ("file".equals(uri.getScheme())) {
                String name = "classpath folder " + path + " (" + Path.of(uri) + ")";
                return new DirectoryPolicySource(new PolicyTree(Path.of(uri), name, report), name, report,
                        refreshNanos, nanoTime);
            }
            if ("jar".equals(uri.getScheme())) {
                return readJarOnce(uri, path, report);
            }
            throw new IllegalArgumentException("classpath folder " + path + " is at " + url
                    + ", which is neither a directory nor a jar");
        }

        private DirectoryPolicySource readJarOnce(URI uri, String path, Reporter report) {
            String spec = uri.getRawSchemeSpecificPart(); // file:/app/lib/policies.jar!/iam-policies
            int separator = spec.indexOf("!/");
            if (separator < 0 || spec.indexOf("!/", separator + 2) >= 0 || !spec.startsWith("file:")) {
                throw new IllegalArgumentException("classpath folder " + path + " is in a nested archive (" + uri
                        + "); unpack it and use DirectoryPolicySource.directory");
            }
            Path jar = Path.of(URI.create(spec.substring(0, separator)));
            String name = "classpath folder " + path + " in " + jar;
            // A private file system: no clash with one the application may have open on the same jar.
            try (FileSystem zip = FileSystems.newFileSystem(jar)) {
                PolicyTree tree = new PolicyTree(zip.getPath("/" + path), name, report);
                return new DirectoryPolicySource(tree, name, report, -1, nanoTime);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot open " + jar, e);
            }
        }

        private static URI toUri(URL url) {
            try {
                return url.toURI();
            } catch (URISyntaxException e) {
                throw new IllegalArgumentException("classpath folder at an unusable URL: " + url, e);
            }
        }
    }
}
