package dev.iamgate.example.policies;

import dev.iamgate.example.store.Database;
import dev.iamgate.example.store.Sql;
import dev.iamgate.example.store.StoreException;
import dev.iamgate.policy.Policy;
import dev.iamgate.policy.PolicyParseException;
import dev.iamgate.policy.PolicyParser;
import dev.iamgate.servlet.IamPrincipal;
import dev.iamgate.servlet.spi.PolicySource;
import dev.iamgate.servlet.spi.PolicySourceException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The filter's {@link PolicySource} over the database: a user's identity policies are the user's
 * inline policies ({@code user_policies}).
 *
 * <p>The revision is the {@code policy_revision} row, which every policy write bumps in its own
 * transaction. Writes of this process advance it at once ({@link #advanceTo}); writes of others
 * sharing the database (another instance on the same PostgreSQL, an operator's SQL) are noticed
 * by polling the row. {@link #revision()} itself is a volatile read, as the SPI asks.
 *
 * <p>Failing closed: a database error is a {@link PolicySourceException} (the filter keeps the
 * caller's last compiled policies); a stored document that no longer parses (edited behind the
 * API's back) keeps its last good version, or is left out if it never parsed, and is reported
 * once.
 */
public final class JdbcPolicySource implements PolicySource, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(JdbcPolicySource.class);

    private final Database database;
    private final ScheduledExecutorService poller;
    private final Map<String, Policy> lastGood = new ConcurrentHashMap<>();
    private final Map<String, String> reportedBroken = new ConcurrentHashMap<>();
    private volatile long revision;
    private volatile boolean pollFailing;

    /**
     * @param database where the policies are
     * @param pollInterval how often to look for policy writes made outside this process
     */
    public JdbcPolicySource(Database database, Duration pollInterval) {
        this.database = database;
        this.revision = readRevision();
        this.poller = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "iamgate-policy-revision");
            thread.setDaemon(true);
            return thread;
        });
        long millis = Math.max(100, pollInterval.toMillis());
        poller.scheduleWithFixedDelay(this::poll, millis, millis, TimeUnit.MILLISECONDS);
    }

    @Override
    public List<Policy> identityPolicies(IamPrincipal principal) {
        Optional<String> userName = principal.userName();
        if (userName.isEmpty()) {
            return List.of();
        }
        List<String[]> rows;
        try {
            rows = database.read(connection -> Sql.list(connection,
                    "SELECT policy_name, policy_document FROM user_policies WHERE user_name = ? ORDER BY policy_name",
                    row -> new String[] {row.getString(1), row.getString(2)}, userName.get()));
        } catch (StoreException e) {
            throw new PolicySourceException("cannot read the policies of " + principal.arn(), e);
        }
        List<Policy> policies = new ArrayList<>(rows.size());
        for (String[] row : rows) {
            parse(userName.get(), row[0], row[1]).ifPresent(policies::add);
        }
        return policies;
    }

    @Override
    public long revision() {
        return revision;
    }

    /** Moves the revision forward to {@code newRevision} (a write of this process just committed it). */
    public synchronized void advanceTo(long newRevision) {
        if (newRevision > revision) {
            revision = newRevision;
        }
    }

    @Override
    public void close() {
        poller.shutdownNow();
    }

    @Override
    public String toString() {
        return "JdbcPolicySource[user_policies at " + database.location() + "]";
    }

    private Optional<Policy> parse(String userName, String policyName, String document) {
        String key = userName + "/" + policyName;
        try {
            Policy policy = PolicyParser.parse(document, "user/" + key);
            lastGood.put(key, policy);
            reportedBroken.remove(key);
            return Optional.of(policy);
        } catch (PolicyParseException e) {
            Policy kept = lastGood.get(key);
            if (!document.equals(reportedBroken.put(key, document))) {
                LOG.error("Inline policy {} of user {} no longer parses ({}); {}", policyName, userName, e.getMessage(),
                        kept != null ? "its last good version stays in force" : "it is left out");
            }
            return Optional.ofNullable(kept);
        }
    }

    private void poll() {
        try {
            advanceTo(readRevision());
            if (pollFailing) {
                LOG.info("The policy revision in {} is readable again; policy changes are picked up", this);
                pollFailing = false;
            }
        } catch (RuntimeException e) {
            if (!pollFailing) { // once per outage
                LOG.error("Cannot read the policy revision from {} ({}); the last compiled policies stay in force",
                        this, e.getMessage());
                pollFailing = true;
            }
        }
    }

    private long readRevision() {
        return database.read(connection -> Sql.count(connection, "SELECT revision FROM policy_revision WHERE id = 1"));
    }
}
