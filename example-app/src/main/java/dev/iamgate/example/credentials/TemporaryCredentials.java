package dev.iamgate.example.credentials;

import java.time.Instant;

/**
 * Credentials sts:GetSessionToken issued: the only time the secret and token are shown.
 *
 * @param accessKeyId {@code ASIA…}
 * @param secretAccessKey the secret
 * @param sessionToken the token, sent as {@code X-Amz-Security-Token}
 * @param expiration when they stop working
 */
public record TemporaryCredentials(String accessKeyId, String secretAccessKey, String sessionToken, Instant expiration) {}
