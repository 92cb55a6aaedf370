package dev.iamgate.example.credentials;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.iamgate.example.iam.Status;
import java.time.Instant;

/**
 * An SSH public key of a user, as UploadSSHPublicKey and GetSSHPublicKey show it (ListSSHPublicKeys
 * leaves out the body and fingerprint).
 *
 * @param userName the owner
 * @param sshPublicKeyId {@code APKA…}
 * @param fingerprint MD5 of the key, colon-separated hex
 * @param sshPublicKeyBody the key, in the encoding asked for
 * @param status Active or Inactive
 * @param uploadDate when it was uploaded
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SshPublicKey(
        String userName,
        @JsonProperty("SSHPublicKeyId") String sshPublicKeyId,
        String fingerprint,
        @JsonProperty("SSHPublicKeyBody") String sshPublicKeyBody,
        Status status,
        Instant uploadDate) {

    /** The key without body and fingerprint, as listed. */
    public SshPublicKey summary() {
        return new SshPublicKey(userName, sshPublicKeyId, null, null, status, uploadDate);
    }
}
