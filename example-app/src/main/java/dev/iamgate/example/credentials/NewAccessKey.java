package dev.iamgate.example.credentials;

import dev.iamgate.example.iam.Status;
import java.time.Instant;

/**
 * An access key just created: the only time its secret is shown.
 *
 * @param userName the owner
 * @param accessKeyId {@code AKIA…}, 20 characters
 * @param secretAccessKey 40 characters; stored only as a hash
 * @param status Active
 * @param createDate when it was created
 */
public record NewAccessKey(String userName, String accessKeyId, String secretAccessKey, Status status, Instant createDate) {}
