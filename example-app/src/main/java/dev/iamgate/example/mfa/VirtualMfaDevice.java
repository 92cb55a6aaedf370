package dev.iamgate.example.mfa;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.iamgate.example.users.User;
import java.time.Instant;

/**
 * A virtual MFA device of the account, as ListVirtualMFADevices shows it.
 *
 * @param serialNumber its ARN
 * @param user the user it is assigned to; null while unassigned
 * @param enableDate when it was assigned; null while unassigned
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record VirtualMfaDevice(String serialNumber, User user, Instant enableDate) {}
