package dev.iamgate.servlet.internal.cache;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.iamgate.eval.PolicySet;
import dev.iamgate.policy.Policy;
import dev.iamgate.servlet.IamPrincipal;
import dev.iamgate.servlet.spi.PolicySource;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The compiled identity policies of each principal, from a {@link PolicySource}, in a bounded
 * Caffeine cache.
 *
 * <p>Each entry remembers the {@linkplain PolicySource#revision() source revision} it was compiled
 * from. A lookup that finds the current revision costs a revision read and a hash look-up; one that
 * finds an older revision compiles the principal's policies again and replaces the entry in one
 * step, so a reader gets either the old set or the new one, never a set in the making, and
 * concurrent readers of the same principal wait for one compilation instead of each doing it.
 *
 * <p>Failing closed: when the source throws (any {@link RuntimeException}, normally a {@link
 * dev.iamgate.servlet.spi.PolicySourceException}), the principal keeps the last set compiled for
 * it, and a principal without one gets {@link #EMPTY}, which denies everything. Never "allow because
 * the policies could not be read". The failure is logged once per source revision; the principal is
 * tried again when the revision moves or after the retry interval.
 *
 * <p>The key is the whole {@link IamPrincipal}: a source may choose policies by any of its parts
 * (ARN, user name, groups, user id), so two principals that differ in any part never share a set.
 */
public final class PolicySetCache {

    /** The set of a principal whose policies could never be read: denies every request. */
    public static final PolicySet EMPTY = PolicySet.builder().build();

    /** How long after a failure the source is asked again even though its revision did not move. */
    static final long RETRY_NANOS = 5_000_000_000L;

    /** Stands for the revision when asking the source for it failed. */
    private static final long UNKNOWN_REVISION = Long.MIN_VALUE + 1;

    private static final Logger LOG = LoggerFactory.getLogger(PolicySetCache.class);

    private final PolicySource source;
    private final Cache<IamPrincipal, Entry> entries;
    private final Consumer<String> faultReporter;
    private final LongSupplier nanoTime;
    private final AtomicLong lastReportedFaultRevision = new AtomicLong(Long.MIN_VALUE);

    /**
     * @param source where the policies come from
     * @param maximumSize how many principals' sets to keep at most; the least used go first
     */
    public PolicySetCache(PolicySource source, long maximumSize) {
        this(source, maximumSize, message -> {}, System::nanoTime);
    }

    /**
     * As {@link #PolicySetCache(PolicySource, long)}, also sending each fault message to {@code
     * faultReporter} (after logging it), for a decision log or health check.
     */
    public PolicySetCache(PolicySource source, long maximumSize, Consumer<String> faultReporter) {
        this(source, maximumSize, faultReporter, System::nanoTime);
    }

    PolicySetCache(PolicySource source, long maximumSize, Consumer<String> faultReporter, LongSupplier nanoTime) {
        this.source = Objects.requireNonNull(source, "source");
        if (maximumSize < 1) {
            throw new IllegalArgumentException("maximumSize must be positive: " + maximumSize);
        }
        this.faultReporter = Objects.requireNonNull(faultReporter, "faultReporter");
        this.nanoTime = nanoTime;
        this.entries = Caffeine.newBuilder()
                .maximumSize(maximumSize)
                // Maintenance is cheap; running it on the calling thread keeps application classes
                // off the shared ForkJoinPool, which outlives a redeployed web application.
                .executor(Runnable::run)
                .build();
    }

    /** The compiled identity policies of a principal, as of the source's current revision. */
    public PolicySet policySet(IamPrincipal principal) {
        long revision;
        try {
            revision = source.revision();
        } catch (RuntimeException e) {
            // The contract asks for a volatile read; a source that fails even that still fails closed.
            Entry kept = entries.getIfPresent(principal);
            reportOncePerRevision(principal, UNKNOWN_REVISION, kept != null, e);
            return kept != null ? kept.policies() : EMPTY;
        }
        Entry entry = entries.getIfPresent(principal);
        if (entry != null && entry.isCurrent(revision, nanoTime)) {
            return entry.policies();
        }
        return entries.asMap().compute(principal, (key, existing) ->
                existing != null && existing.isCurrent(revision, nanoTime) ? existing : compile(key, revision, existing))
                .policies();
    }

    /** How many principals have a set right now (after pending evictions). */
    long size() {
        entries.cleanUp();
        return entries.estimatedSize();
    }

    private Entry compile(IamPrincipal principal, long revision, Entry previous) {
        try {
            List<Policy> policies = source.identityPolicies(principal);
            return new Entry(revision, PolicySet.builder().identity(policies).build(), false, 0);
        } catch (RuntimeException e) {
            PolicySet kept = previous != null ? previous.policies() : EMPTY;
            reportOncePerRevision(principal, revision, previous != null, e);
            return new Entry(revision, kept, true, nanoTime.getAsLong() + RETRY_NANOS);
        }
    }

    private void reportOncePerRevision(IamPrincipal principal, long revision, boolean keptLastGood, RuntimeException e) {
        long reported = lastReportedFaultRevision.get();
        if (reported == revision || !lastReportedFaultRevision.compareAndSet(reported, revision)) {
            return;
        }
        String message = "Policies of " + principal.arn() + " could not be read from " + source
                + (revision == UNKNOWN_REVISION ? "" : " (revision " + revision + ")") + ": " + e.getMessage() + (keptLastGood
                        ? "; its last compiled policies stay in force"
                        : "; it has none, so its requests are denied")
                + ". Further failures at this revision are not logged.";
        LOG.error(message, e);
        faultReporter.accept(message);
    }

    /**
     * A compiled set and the revision it is good for.
     *
     * @param failed whether the source failed and {@code policies} were kept from before (or are {@link #EMPTY})
     * @param retryAtNanos when to ask the source again after a failure
     */
    private record Entry(long revision, PolicySet policies, boolean failed, long retryAtNanos) {

        boolean isCurrent(long currentRevision, LongSupplier nanoTime) {
            return revision == currentRevision && (!failed || nanoTime.getAsLong() - retryAtNanos < 0);
        }
    }
}
