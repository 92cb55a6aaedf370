package dev.iamgate.example.policies;

/**
 * An inline policy of a user, as GetUserPolicy answers it.
 *
 * @param userName the user it is embedded in
 * @param policyName its name, unique per user
 * @param policyDocument the JSON document, exactly as it was put
 */
public record UserPolicy(String userName, String policyName, String policyDocument) {}
