package dev.iamgate.example.policies;

import dev.iamgate.example.iam.ErrorCode;
import dev.iamgate.example.iam.IamException;
import dev.iamgate.example.iam.Names;
import dev.iamgate.example.store.Database;
import dev.iamgate.example.store.Sql;
import dev.iamgate.example.users.Users;
import dev.iamgate.validate.Attachment;
import dev.iamgate.validate.PolicyValidator;
import dev.iamgate.validate.Severity;
import dev.iamgate.validate.ValidationOptions;
import dev.iamgate.validate.ValidationReport;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

/**
 * Users' inline policies: put, get, list names, delete. A document is stored only when the
 * validator finds no error in it; every write bumps the policy revision in the same transaction
 * and tells the {@link JdbcPolicySource}, so the filter uses the new policies from the next request.
 */
public final class InlinePolicies {

    private static final ValidationOptions USER_INLINE = ValidationOptions.identity(Attachment.USER_INLINE);

    private final Database database;
    private final JdbcPolicySource source;

    public InlinePolicies(Database database, JdbcPolicySource source) {
        this.database = database;
        this.source = source;
    }

    /**
     * Puts (creates or replaces) a user's inline policy.
     *
     * @return the findings that are not errors (warnings and suggestions), for the author
     * @throws IamException {@code MalformedPolicyDocument} with the findings when the validator
     *     finds an error (nothing is stored), {@code LimitExceeded} when the user's inline policies
     *     would exceed IAM's 2,048 characters together, {@code NoSuchEntity} for an unknown user
     */
    public List<PolicyFinding> put(String userName, String policyName, String document) {
        List<PolicyFinding> findings = validate(policyName, document);
        long revision = database.transaction(connection -> put(connection, userName, policyName, document));
        source.advanceTo(revision);
        return findings;
    }

    /** Puts a policy that {@link #validate} accepted, in a transaction already open; returns the new revision. */
    public long put(Connection connection, String userName, String policyName, String document) throws SQLException {
        Users.lock(connection, userName);
        long others = Sql.list(connection,
                "SELECT policy_document FROM user_policies WHERE user_name = ? AND policy_name <> ?",
                row -> row.getString(1), userName, policyName).stream().mapToLong(Attachment::countedSize).sum();
        int limit = Attachment.USER_INLINE.sizeLimit();
        if (others + Attachment.countedSize(document) > limit) {
            throw IamException.limitExceeded("The user's inline policies would have " + (others + Attachment.countedSize(document))
                    + " characters without whitespace together; IAM allows " + limit + ".");
        }
        if (Sql.update(connection, "UPDATE user_policies SET policy_document = ? WHERE user_name = ? AND policy_name = ?",
                document, userName, policyName) == 0) {
            Sql.update(connection, "INSERT INTO user_policies (user_name, policy_name, policy_document) VALUES (?, ?, ?)",
                    userName, policyName, document);
        }
        return bumpRevision(connection);
    }

    /**
     * Validates a document as a user's inline policy.
     *
     * @return its findings that are not errors
     * @throws IamException {@code MalformedPolicyDocument} with every finding when one is an error
     */
    public static List<PolicyFinding> validate(String policyName, String document) {
        Names.require("PolicyName", policyName, Names.POLICY_NAME_MAX);
        ValidationReport report = PolicyValidator.validate(document, USER_INLINE);
        List<PolicyFinding> findings = report.findings().stream().map(PolicyFinding::of).toList();
        if (report.hasErrors()) {
            long errors = report.count(Severity.ERROR);
            throw new IamException(ErrorCode.MALFORMED_POLICY_DOCUMENT,
                    "The policy document has " + errors + (errors == 1 ? " error" : " errors") + "; nothing was stored.",
                    Map.of("Findings", findings));
        }
        return findings;
    }

    /** A user's inline policy, or {@code NoSuchEntity}. */
    public UserPolicy get(String userName, String policyName) {
        return database.read(connection -> {
            Users.requireExists(connection, userName);
            return Sql.one(connection,
                    "SELECT policy_document FROM user_policies WHERE user_name = ? AND policy_name = ?",
                    row -> new UserPolicy(userName, policyName, row.getString(1)), userName, policyName)
                    .orElseThrow(() -> noSuchPolicy(userName, policyName));
        });
    }

    /** The names of a user's inline policies. */
    public List<String> names(String userName) {
        return database.read(connection -> {
            Users.requireExists(connection, userName);
            return Sql.list(connection, "SELECT policy_name FROM user_policies WHERE user_name = ? ORDER BY policy_name",
                    row -> row.getString(1), userName);
        });
    }

    /** Deletes a user's inline policy, or answers {@code NoSuchEntity}. */
    public void delete(String userName, String policyName) {
        long revision = database.transaction(connection -> {
            Users.lock(connection, userName);
            if (Sql.update(connection, "DELETE FROM user_policies WHERE user_name = ? AND policy_name = ?",
                    userName, policyName) == 0) {
                throw noSuchPolicy(userName, policyName);
            }
            return bumpRevision(connection);
        });
        source.advanceTo(revision);
    }

    private static long bumpRevision(Connection connection) throws SQLException {
        Sql.update(connection, "UPDATE policy_revision SET revision = revision + 1 WHERE id = 1");
        return Sql.count(connection, "SELECT revision FROM policy_revision WHERE id = 1");
    }

    private static IamException noSuchPolicy(String userName, String policyName) {
        return IamException.noSuchEntity("The user policy with name " + policyName + " cannot be found for user "
                + userName + ".");
    }
}
