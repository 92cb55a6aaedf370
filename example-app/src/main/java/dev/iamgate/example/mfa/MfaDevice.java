package dev.iamgate.example.mfa;

import java.time.Instant;

/**
 * An MFA device assigned to a user, as ListMFADevices shows it.
 *
 * @param userName the user
 * @param serialNumber the device's ARN
 * @param enableDate when it was assigned
 */
public record MfaDevice(String userName, String serialNumber, Instant enableDate) {}
