package dev.iamgate.example.store;

import com.zaxxer.hikari.SQLExceptionOverride;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Sorts database failures into the one kind a caller can do something about, "the database is
 * unavailable, try again later", and everything else. The single place that reads SQLSTATEs and
 * vendor codes for this; {@link Database} turns the first kind into {@link StoreUnavailableException}
 * and tells the connection pool which failures leave a connection broken.
 *
 * <p>Unavailable: the connection failed or could not be made (SQLSTATE class {@code 08}, the JDBC
 * connection exception classes, the pool's timeout waiting for a connection), the database lacks
 * resources such as disk space or memory (class {@code 53}), or an operator is shutting it down
 * ({@code 57P01}–{@code 57P03}); and H2's own codes for the same conditions, since H2 does not use
 * the standard states for them.
 */
public final class SqlFailures implements SQLExceptionOverride {

    /** Operator intervention that ends or refuses connections (PostgreSQL's admin/crash shutdown, cannot connect now). */
    private static final Set<String> SHUTDOWN_STATES = Set.of("57P01", "57P02", "57P03");

    /** H2's vendor states: connection broken, database closed, called at shutdown. */
    private static final Set<String> H2_CONNECTION_STATES = Set.of("90067", "90098", "90121");

    /** H2's vendor states: out of memory, and the I/O errors a full disk gives on its file store. */
    private static final Set<String> H2_RESOURCE_STATES = Set.of("90108", "90028", "90031");

    /** Whether the failure means the database is unavailable for now (a later retry may succeed). */
    public static boolean isUnavailable(SQLException failure) {
        for (SQLException e : chain(failure)) {
            if (connectionLost(e) || lacksResources(e)) {
                return true;
            }
        }
        return false;
    }

    /** Whether the failure leaves the connection unusable, so the pool must discard it. */
    static boolean isConnectionLost(SQLException failure) {
        for (SQLException e : chain(failure)) {
            if (connectionLost(e)) {
                return true;
            }
        }
        return false;
    }

    /** The pool's hook: connections that failed this way are discarded at once, not reused broken. */
    @java.lang.Override // the interface's nested Override enum hides the annotation's simple name
    public Override adjudicate(SQLException failure) {
        return isConnectionLost(failure) ? Override.MUST_EVICT : Override.CONTINUE_EVICT;
    }

    private static boolean connectionLost(SQLException e) {
        String state = state(e);
        return e instanceof SQLTransientConnectionException || e instanceof SQLNonTransientConnectionException
                || state.startsWith("08") || SHUTDOWN_STATES.contains(state) || H2_CONNECTION_STATES.contains(state);
    }

    private static boolean lacksResources(SQLException e) {
        String state = state(e);
        return state.startsWith("53") || H2_RESOURCE_STATES.contains(state);
    }

    private static String state(SQLException e) {
        return e.getSQLState() == null ? "" : e.getSQLState();
    }

    /** The failure and the SQL exceptions it wraps (a pool timeout wraps the driver's failure), bounded. */
    private static List<SQLException> chain(SQLException failure) {
        List<SQLException> found = new ArrayList<>();
        Throwable current = failure;
        while (current != null && found.size() < 8) {
            if (current instanceof SQLException sql) {
                found.add(sql);
            }
            current = current.getCause();
        }
        return found;
    }
}
