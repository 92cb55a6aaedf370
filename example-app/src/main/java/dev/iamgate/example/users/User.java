package dev.iamgate.example.users;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * An IAM user, as GetUser answers it.
 *
 * @param path the user's path, {@code /}
 * @param userName the friendly name
 * @param userId the unique id ({@code AIDA…})
 * @param arn {@code arn:aws:iam::ACCOUNT:user/NAME}
 * @param createDate when the user was created
 * @param passwordLastUsed when the user last signed in with the password; null if never
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record User(String path, String userName, String userId, String arn, Instant createDate, Instant passwordLastUsed) {}
