package dev.iamgate.example.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.SQLExceptionOverride.Override;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Which database failures mean "unavailable, try later" (503) and which are faults (500). */
class SqlFailuresTest {

    @ParameterizedTest
    @ValueSource(strings = {"08001", "08006", "08S01", "53100", "53200", "53300", "57P01", "57P02", "57P03",
        "90067", "90098", "90121", "90108", "90028"})
    void connectionResourceAndShutdownStatesMeanUnavailable(String state) {
        assertThat(SqlFailures.isUnavailable(new SQLException("failure", state))).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"23505", "23503", "22001", "42000", "42S02", "40001", "XX000", "HY000", "90044"})
    void constraintSyntaxAndOtherStatesAreFaultsNotOutages(String state) {
        assertThat(SqlFailures.isUnavailable(new SQLException("failure", state))).isFalse();
    }

    @Test
    void aStatelessFailureIsAFault() {
        assertThat(SqlFailures.isUnavailable(new SQLException("failure"))).isFalse();
    }

    @Test
    void thePoolTimingOutWaitingForAConnectionIsUnavailableEvenWithoutAState() {
        SQLException timeout = new SQLTransientConnectionException("Connection is not available, request timed out");

        assertThat(SqlFailures.isUnavailable(timeout)).isTrue();
    }

    @Test
    void aDriverFailureWrappedByThePoolCountsByItsOwnState() {
        SQLException wrapped = new SQLException("pool", (String) null, new SQLException("disk full", "53100"));

        assertThat(SqlFailures.isUnavailable(wrapped)).isTrue();
    }

    @Test
    void thePoolDiscardsConnectionsThatWereLostButKeepsThoseRefusedForLackOfResources() {
        SqlFailures failures = new SqlFailures();

        assertThat(failures.adjudicate(new SQLException("broken", "90067"))).isEqualTo(Override.MUST_EVICT);
        assertThat(failures.adjudicate(new SQLNonTransientConnectionException("refused"))).isEqualTo(Override.MUST_EVICT);
        assertThat(failures.adjudicate(new SQLException("admin shutdown", "57P01"))).isEqualTo(Override.MUST_EVICT);
        assertThat(failures.adjudicate(new SQLException("disk full", "53100"))).isEqualTo(Override.CONTINUE_EVICT);
        assertThat(failures.adjudicate(new SQLException("duplicate", "23505"))).isEqualTo(Override.CONTINUE_EVICT);
    }

    @Test
    void theDatabaseIsNamedInMessagesWithoutParametersOrCredentials() {
        assertThat(Database.location("jdbc:postgresql://db.internal:5432/iam?user=app&password=s3cret"))
                .isEqualTo("jdbc:postgresql://db.internal:5432/iam");
        assertThat(Database.location("jdbc:h2:tcp://127.0.0.1:9092/iamgate;PASSWORD=s3cret;USER=sa"))
                .isEqualTo("jdbc:h2:tcp://127.0.0.1:9092/iamgate");
        assertThat(Database.location("jdbc:postgresql://app:s3cret@db.internal/iam"))
                .isEqualTo("jdbc:postgresql://db.internal/iam");
        assertThat(Database.location("jdbc:h2:file:/var/lib/iamgate/iamgate")).isEqualTo("jdbc:h2:file:/var/lib/iamgate/iamgate");
    }
}
