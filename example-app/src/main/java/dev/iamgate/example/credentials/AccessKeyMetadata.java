package dev.iamgate.example.credentials;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.iamgate.example.iam.Status;
import java.time.Instant;

/**
 * An access key without its secret, as ListAccessKeys shows it, with what GetAccessKeyLastUsed
 * would add.
 *
 * @param userName the owner
 * @param accessKeyId {@code AKIA…}
 * @param status Active or Inactive
 * @param createDate when it was created
 * @param accessKeyLastUsed when and where it was last used; null if never
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AccessKeyMetadata(String userName, String accessKeyId, Status status, Instant createDate,
        LastUsed accessKeyLastUsed) {

    /**
     * @param lastUsedDate when
     * @param serviceName which service the request was for ({@code iam}, {@code sts})
     * @param region the region ({@code us-east-1}: IAM is global)
     */
    public record LastUsed(Instant lastUsedDate, String serviceName, String region) {}
}
