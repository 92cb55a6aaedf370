package dev.iamgate.example.credentials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.iamgate.example.iam.ErrorCode;
import dev.iamgate.example.iam.IamException;
import dev.iamgate.example.testing.TestApp;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;

/** SSH public keys are checked by decoding their wire format; fingerprints are what ssh-keygen prints. */
class OpenSshPublicKeyTest {

    @ParameterizedTest(name = "{0}")
    @CsvFileSource(resources = "/ssh/md5-fingerprints.txt", delimiter = ' ')
    void theFingerprintIsTheMd5OfTheKeyBlobAsSshKeygenPrintsIt(String file, String fingerprint) {
        String body = TestApp.resource("/ssh/" + file);
        if (file.equals("rsa1024.pub")) {
            assertThatThrownBy(() -> OpenSshPublicKey.parse(body)).satisfies(refused(ErrorCode.INVALID_PUBLIC_KEY));
            return;
        }
        assertThat(OpenSshPublicKey.parse(body).fingerprint()).isEqualTo(fingerprint);
    }

    @Test
    void anRsaKeyNeedsAtLeast2048Bits() {
        assertThatThrownBy(() -> OpenSshPublicKey.parse(TestApp.resource("/ssh/rsa1024.pub")))
                .hasMessageContaining("1024 bits");
    }

    @Test
    void thePemEncodingIsTheSubjectPublicKeyInfoAsSshKeygenExportsIt() {
        assertThat(OpenSshPublicKey.parse(TestApp.resource("/ssh/ecdsa256.pub")).pem())
                .isEqualToIgnoringNewLines(TestApp.resource("/ssh/ecdsa256.pem"));
    }

    @Test
    void theTextTypeMustBeTheWireType() {
        String ed25519 = TestApp.resource("/ssh/ed25519.pub");

        assertThatThrownBy(() -> OpenSshPublicKey.parse(ed25519.replace("ssh-ed25519", "ssh-rsa")))
                .satisfies(refused(ErrorCode.INVALID_PUBLIC_KEY));
    }

    @Test
    void bytesAfterTheKeyAreRefused() throws IOException {
        byte[] blob = blob(TestApp.resource("/ssh/ed25519.pub"));
        byte[] longer = Arrays.copyOf(blob, blob.length + 1);

        assertThatThrownBy(() -> OpenSshPublicKey.parse("ssh-ed25519 " + Base64.getEncoder().encodeToString(longer)))
                .hasMessageContaining("after the key");
    }

    @Test
    void aTruncatedKeyIsRefused() throws IOException {
        byte[] blob = blob(TestApp.resource("/ssh/rsa2048.pub"));
        byte[] shorter = Arrays.copyOf(blob, blob.length - 10);

        assertThatThrownBy(() -> OpenSshPublicKey.parse("ssh-rsa " + Base64.getEncoder().encodeToString(shorter)))
                .satisfies(refused(ErrorCode.INVALID_PUBLIC_KEY));
    }

    @Test
    void anEcdsaPointOffItsCurveIsRefused() throws IOException {
        byte[] point = new byte[65];
        point[0] = 4;
        point[1] = 1;
        point[33] = 1;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        DataOutputStream data = new DataOutputStream(out);
        writeString(data, "ecdsa-sha2-nistp256".getBytes(StandardCharsets.US_ASCII));
        writeString(data, "nistp256".getBytes(StandardCharsets.US_ASCII));
        writeString(data, point);

        assertThatThrownBy(() -> OpenSshPublicKey.parse("ecdsa-sha2-nistp256 "
                + Base64.getEncoder().encodeToString(out.toByteArray()))).hasMessageContaining("not on curve");
    }

    @Test
    void aPemKeyIsNotAnOpenSshKeyLine() {
        assertThatThrownBy(() -> OpenSshPublicKey.parse(TestApp.resource("/ssh/rsa2048.pem")))
                .satisfies(refused(ErrorCode.UNRECOGNIZED_PUBLIC_KEY_ENCODING));
    }

    @Test
    void unsupportedKeyTypesAreRefused() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writeString(new DataOutputStream(out), "ssh-dss".getBytes(StandardCharsets.US_ASCII));

        assertThatThrownBy(() -> OpenSshPublicKey.parse("ssh-dss " + Base64.getEncoder().encodeToString(out.toByteArray())))
                .hasMessageContaining("not supported");
    }

    private static byte[] blob(String line) {
        return Base64.getDecoder().decode(line.strip().split(" ")[1]);
    }

    private static void writeString(DataOutputStream out, byte[] value) throws IOException {
        out.writeInt(value.length);
        out.write(value);
    }

    private static java.util.function.Consumer<Throwable> refused(ErrorCode code) {
        return thrown -> assertThat(((IamException) thrown).code()).isEqualTo(code);
    }
}
