package dev.iamgate.example.credentials;

import dev.iamgate.example.iam.Account;
import dev.iamgate.example.iam.ErrorCode;
import dev.iamgate.example.iam.IamException;
import dev.iamgate.example.iam.Ids;
import dev.iamgate.example.iam.Status;
import dev.iamgate.example.security.RandomSecrets;
import dev.iamgate.example.security.SecretHasher;
import dev.iamgate.example.store.Database;
import dev.iamgate.example.store.RowMapper;
import dev.iamgate.example.store.Sql;
import dev.iamgate.example.users.Users;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.InstantSource;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Service-specific credentials: a generated user name and password for one service, at most two
 * per user and service. The password is shown when created or reset and stored as a hash.
 */
public final class ServiceSpecificCredentials {

    /** IAM's limit of credentials per user and service. */
    public static final int MAX_PER_SERVICE = 2;
    /** The services the demo issues credentials for. */
    public static final Set<String> SERVICES = Set.of("codecommit.amazonaws.com", "cassandra.amazonaws.com");

    private final Database database;
    private final Account account;
    private final SecretHasher hasher;
    private final RandomSecrets random;
    private final Ids ids;
    private final InstantSource clock;

    public ServiceSpecificCredentials(Database database, Account account, SecretHasher hasher, RandomSecrets random,
            Ids ids, InstantSource clock) {
        this.database = database;
        this.account = account;
        this.hasher = hasher;
        this.random = random;
        this.ids = ids;
        this.clock = clock;
    }

    /** The user's credentials, of one service or of all; without passwords. */
    public List<ServiceSpecificCredential> list(String userName, Optional<String> serviceName) {
        serviceName.ifPresent(ServiceSpecificCredentials::requireService);
        return database.read(connection -> {
            Users.requireExists(connection, userName);
            return serviceName.isPresent()
                    ? Sql.list(connection, "SELECT * FROM service_specific_credentials WHERE user_name = ?"
                            + " AND service_name = ? ORDER BY create_date, credential_id", mapper(), userName,
                            serviceName.get())
                    : Sql.list(connection, "SELECT * FROM service_specific_credentials WHERE user_name = ?"
                            + " ORDER BY service_name, create_date, credential_id", mapper(), userName);
        });
    }

    /**
     * Creates an active credential for the user and service.
     *
     * @throws IamException {@code NotSupportedService}, or {@code LimitExceeded} at the third for the service
     */
    public ServiceSpecificCredential create(String userName, String serviceName) {
        requireService(serviceName);
        String password = random.servicePassword();
        String hash = hasher.hash(password);
        return database.transaction(connection -> {
            Users.lock(connection, userName);
            List<String> taken = Sql.list(connection, "SELECT service_user_name FROM service_specific_credentials"
                    + " WHERE user_name = ? AND service_name = ?", row -> row.getString(1), userName, serviceName);
            if (taken.size() >= MAX_PER_SERVICE) {
                throw IamException.limitExceeded("Cannot exceed quota for ServiceSpecificCredentialsPerUserPerService: "
                        + MAX_PER_SERVICE);
            }
            String serviceUserName = freeServiceUserName(connection, userName, serviceName);
            String id = ids.serviceSpecificCredentialId();
            Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
            Sql.update(connection, "INSERT INTO service_specific_credentials (credential_id, user_name, service_name,"
                    + " service_user_name, password_hash, status, create_date) VALUES (?, ?, ?, ?, ?, ?, ?)", id, userName,
                    serviceName, serviceUserName, hash, Status.Active, now);
            return new ServiceSpecificCredential(now, serviceName, serviceUserName, password, id, userName, Status.Active);
        });
    }

    /** Generates a new password for the credential; the old one stops working. */
    public ServiceSpecificCredential reset(String userName, String credentialId) {
        String password = random.servicePassword();
        String hash = hasher.hash(password);
        return database.transaction(connection -> {
            if (Sql.update(connection, "UPDATE service_specific_credentials SET password_hash = ?"
                    + " WHERE credential_id = ? AND user_name = ?", hash, credentialId, userName) == 0) {
                throw noSuchCredential(credentialId);
            }
            ServiceSpecificCredential stored = Sql.one(connection,
                    "SELECT * FROM service_specific_credentials WHERE credential_id = ?", mapper(), credentialId)
                    .orElseThrow(() -> noSuchCredential(credentialId));
            return new ServiceSpecificCredential(stored.createDate(), stored.serviceName(), stored.serviceUserName(),
                    password, stored.serviceSpecificCredentialId(), stored.userName(), stored.status());
        });
    }

    public void update(String userName, String credentialId, Status status) {
        database.transaction(connection -> {
            if (Sql.update(connection, "UPDATE service_specific_credentials SET status = ? WHERE credential_id = ?"
                    + " AND user_name = ?", status, credentialId, userName) == 0) {
                throw noSuchCredential(credentialId);
            }
            return null;
        });
    }

    public void delete(String userName, String credentialId) {
        database.transaction(connection -> {
            if (Sql.update(connection, "DELETE FROM service_specific_credentials WHERE credential_id = ? AND user_name = ?",
                    credentialId, userName) == 0) {
                throw noSuchCredential(credentialId);
            }
            return null;
        });
    }

    /** {@code NAME-at-ACCOUNT}, or {@code NAME+N-at-ACCOUNT} when that is taken for the service. */
    private String freeServiceUserName(Connection connection, String userName, String serviceName) throws SQLException {
        for (int n = 0; ; n++) {
            String candidate = userName + (n == 0 ? "" : "+" + n) + "-at-" + account.id();
            if (Sql.count(connection, "SELECT COUNT(*) FROM service_specific_credentials WHERE service_name = ?"
                    + " AND service_user_name = ?", serviceName, candidate) == 0) {
                return candidate;
            }
        }
    }

    private static void requireService(String serviceName) {
        if (serviceName == null || serviceName.isEmpty()) {
            throw IamException.invalidInput("ServiceName is required");
        }
        if (!SERVICES.contains(serviceName)) {
            throw new IamException(ErrorCode.NOT_SUPPORTED_SERVICE, "The service " + serviceName
                    + " is not supported: use one of " + String.join(", ", SERVICES.stream().sorted().toList()) + ".");
        }
    }

    private static RowMapper<ServiceSpecificCredential> mapper() {
        return row -> new ServiceSpecificCredential(Sql.instant(row, "create_date"), row.getString("service_name"),
                row.getString("service_user_name"), null, row.getString("credential_id"), row.getString("user_name"),
                Status.valueOf(row.getString("status")));
    }

    private static IamException noSuchCredential(String credentialId) {
        return IamException.noSuchEntity("The service-specific credential with id " + credentialId + " cannot be found.");
    }
}
