package dev.iamgate.example.credentials;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.iamgate.example.iam.Status;
import java.time.Instant;

/**
 * A service-specific credential (HTTPS Git credentials for CodeCommit, Amazon Keyspaces), as
 * CreateServiceSpecificCredential and ResetServiceSpecificCredential show it; the password is
 * present only in those two answers.
 *
 * @param createDate when it was created
 * @param serviceName {@code codecommit.amazonaws.com} or {@code cassandra.amazonaws.com}
 * @param serviceUserName the generated user name, {@code NAME-at-ACCOUNT}
 * @param servicePassword the password, only when just generated; stored as a hash
 * @param serviceSpecificCredentialId {@code ACCA…}
 * @param userName the owner
 * @param status Active or Inactive
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ServiceSpecificCredential(Instant createDate, String serviceName, String serviceUserName,
        String servicePassword, String serviceSpecificCredentialId, String userName, Status status) {

    /** The same credential without its password. */
    public ServiceSpecificCredential withoutPassword() {
        return new ServiceSpecificCredential(createDate, serviceName, serviceUserName, null, serviceSpecificCredentialId,
                userName, status);
    }
}
