package dev.iamgate.example.mfa;

import static dev.iamgate.example.testing.ApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import dev.iamgate.example.testing.AllAtOnce;
import dev.iamgate.example.testing.ApiClient;
import dev.iamgate.example.testing.ApiClient.Response;
import dev.iamgate.example.testing.TestApp;
import dev.iamgate.example.testing.TotpCodes;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** Virtual MFA over the API: the rules of section 8 of the semantics brief, each by name. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MfaRulesTest {

    private static final String PASSWORD = TestApp.PASSWORD;

    @TempDir
    static Path data;

    private TestApp app;

    @BeforeAll
    void start() {
        app = TestApp.start(data);
    }

    @AfterAll
    void stop() throws Exception {
        app.close();
    }

    @Test
    void aReusedTotpCodeIsRefused() {
        app.createSeedUser("olga");
        String seed = app.enableVirtualMfa(app.signIn("olga", PASSWORD), "olga");
        String code = app.nextCode(seed);

        ApiClient first = app.signIn("olga", PASSWORD);
        assertThat(first.post("/api/login/mfa", json("AuthenticationCode", code)).status()).isEqualTo(200);
        ApiClient second = app.signIn("olga", PASSWORD);
        Response replayed = second.post("/api/login/mfa", json("AuthenticationCode", code));

        assertThat(replayed.status()).isEqualTo(403);
        assertThat(replayed.errorCode()).isEqualTo("InvalidAuthenticationCode");
        assertThat(second.get("/api/users/olga/access-keys").status()).isEqualTo(403);
        // An earlier code, still inside the window, is refused too: steps only move forward.
        app.clock.advance(Duration.ofSeconds(30));
        String earlier = TotpCodes.code(seed, app.clock.step() - 1);
        assertThat(second.post("/api/login/mfa", json("AuthenticationCode", earlier)).status()).isEqualTo(403);
        assertThat(second.post("/api/login/mfa", json("AuthenticationCode", TotpCodes.code(seed, app.clock.step())))
                .status()).isEqualTo(200);
    }

    @Test
    void oneTotpCodeSentByManySessionsAtOnceSignsInOnlyOne() throws Exception {
        app.createSeedUser("walt");
        String seed = app.enableVirtualMfa(app.signIn("walt", TestApp.PASSWORD), "walt");
        List<ApiClient> sessions = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            sessions.add(app.signIn("walt", TestApp.PASSWORD));
        }
        String code = app.nextCode(seed);

        List<Response> answers = AllAtOnce.send(16,
                i -> sessions.get(i).post("/api/login/mfa", json("AuthenticationCode", code)));

        assertThat(answers.stream().filter(r -> r.status() == 200).count()).isEqualTo(1);
    }

    @Test
    void aUserWithAnMfaDeviceNeedsMfaToEnableAnotherOne() {
        app.createSeedUser("nina");
        app.createSeedUser("mike");
        String ninaSeed = app.enableVirtualMfa(app.signIn("nina", PASSWORD), "nina");
        // Mike, another user of the account, makes a device of his own and keeps its seed.
        ApiClient mike = app.signIn("mike", PASSWORD);
        JsonNode mikeDevice = mike.post("/api/mfa/virtual-devices/mike").json().path("VirtualMFADevice");
        String mikeSeed = mikeDevice.path("Base32StringSeed").asString();
        // With Nina's password alone (no MFA), he tries to give her account his device.
        ApiClient passwordOnly = app.signIn("nina", PASSWORD);
        String first = app.nextCode(mikeSeed);
        String second = app.nextCode(mikeSeed);
        Response refused = passwordOnly.post("/api/users/nina/mfa-devices", json("SerialNumber",
                mikeDevice.path("SerialNumber").asString(), "AuthenticationCode1", first, "AuthenticationCode2", second));

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.errorCode()).isEqualTo("AccessDenied");
        assertThat(app.query("SELECT user_name FROM mfa_devices WHERE device_name = 'mike'"))
                .containsExactly(java.util.Collections.singletonList(null));
        ApiClient thief = app.signIn("nina", PASSWORD);
        assertThat(thief.post("/api/login/mfa", json("AuthenticationCode", app.nextCode(mikeSeed))).status()).isEqualTo(403);
        // Nina herself, signed in with MFA, may add a second device.
        ApiClient nina = app.signInWithMfa("nina", PASSWORD, ninaSeed);
        String third = app.nextCode(mikeSeed);
        String fourth = app.nextCode(mikeSeed);
        assertThat(nina.post("/api/users/nina/mfa-devices", json("SerialNumber", mikeDevice.path("SerialNumber").asString(),
                "AuthenticationCode1", third, "AuthenticationCode2", fourth)).status()).isEqualTo(204);
    }

    @Test
    void theCodesThatEnabledADeviceCannotSignIn() {
        app.createSeedUser("pat");
        ApiClient pat = app.signIn("pat", PASSWORD);
        String seed = app.enableVirtualMfa(pat, "pat");

        ApiClient session = app.client();
        Response signedIn = session.post("/api/login", json("UserName", "pat", "Password", PASSWORD));
        assertThat(signedIn.json().path("MfaRequired").asBoolean()).isTrue();
        Response refused = session.post("/api/login/mfa", json("AuthenticationCode", TotpCodes.code(seed, app.clock.step())));

        assertThat(refused.status()).isEqualTo(403);
    }

    @Test
    void enablingNeedsTwoConsecutiveCodes() {
        app.createSeedUser("quinn");
        ApiClient quinn = app.signIn("quinn", PASSWORD);
        JsonNode device = quinn.post("/api/mfa/virtual-devices/quinn").json().path("VirtualMFADevice");
        String seed = device.path("Base32StringSeed").asString();
        long step = app.clock.step();

        for (String[] codes : new String[][] {
            {TotpCodes.code(seed, step), TotpCodes.code(seed, step + 2)},
            {TotpCodes.code(seed, step + 1), TotpCodes.code(seed, step)},
            {TotpCodes.code(seed, step), TotpCodes.code(seed, step)}}) {
            Response refused = quinn.post("/api/users/quinn/mfa-devices", json("SerialNumber",
                    device.path("SerialNumber").asString(), "AuthenticationCode1", codes[0], "AuthenticationCode2", codes[1]));
            assertThat(refused.status()).isEqualTo(403);
            assertThat(refused.errorCode()).isEqualTo("InvalidAuthenticationCode");
        }
        assertThat(quinn.get("/api/users/quinn/mfa-devices").json().path("MFADevices").size()).isZero();
        assertThat(app.query("SELECT user_name, last_step FROM mfa_devices WHERE device_name = 'quinn'").get(0))
                .containsOnlyNulls();

        Response enabled = quinn.post("/api/users/quinn/mfa-devices", json("SerialNumber",
                device.path("SerialNumber").asString(), "AuthenticationCode1", TotpCodes.code(seed, step),
                "AuthenticationCode2", TotpCodes.code(seed, step + 1)));
        assertThat(enabled.status()).isEqualTo(204);
        assertThat(ApiClient.values(quinn.get("/api/users/quinn/mfa-devices").json().path("MFADevices"), "SerialNumber"))
                .containsExactly("arn:aws:iam::123456789012:mfa/quinn");
    }

    @Test
    void signInAcceptsACodeOneStepEitherSideOfNowAndNoFurther() {
        app.createSeedUser("rita");
        String seed = app.enableVirtualMfa(app.signIn("rita", PASSWORD), "rita");
        app.clock.advance(Duration.ofSeconds(90));
        long now = app.clock.step();

        assertThat(app.signIn("rita", PASSWORD).post("/api/login/mfa",
                json("AuthenticationCode", TotpCodes.code(seed, now - 1))).status()).isEqualTo(200);
        assertThat(app.signIn("rita", PASSWORD).post("/api/login/mfa",
                json("AuthenticationCode", TotpCodes.code(seed, now + 2))).status()).isEqualTo(403);
        assertThat(app.signIn("rita", PASSWORD).post("/api/login/mfa",
                json("AuthenticationCode", TotpCodes.code(seed, now + 1))).status()).isEqualTo(200);
    }

    @Test
    void enableAndResyncMeasureTheDevicesDrift() {
        app.createSeedUser("sam");
        ApiClient sam = app.signIn("sam", PASSWORD);
        JsonNode device = sam.post("/api/mfa/virtual-devices/sam").json().path("VirtualMFADevice");
        String seed = device.path("Base32StringSeed").asString();
        // The device's clock runs five steps (2.5 minutes) ahead.
        long step = app.clock.step();
        assertThat(sam.post("/api/users/sam/mfa-devices", json("SerialNumber", device.path("SerialNumber").asString(),
                "AuthenticationCode1", TotpCodes.code(seed, step + 5), "AuthenticationCode2",
                TotpCodes.code(seed, step + 6))).status()).isEqualTo(204);

        app.clock.advance(Duration.ofSeconds(60));
        assertThat(app.signIn("sam", PASSWORD).post("/api/login/mfa",
                json("AuthenticationCode", TotpCodes.code(seed, app.clock.step() + 6))).status()).isEqualTo(200);

        // Later it runs nine steps ahead: resync measures that, and codes are accepted again.
        app.clock.advance(Duration.ofSeconds(300));
        long later = app.clock.step();
        assertThat(sam.post("/api/users/sam/mfa-devices/sam/resync", json("AuthenticationCode1",
                TotpCodes.code(seed, later + 9), "AuthenticationCode2", TotpCodes.code(seed, later + 10))).status())
                .isEqualTo(204);
        app.clock.advance(Duration.ofSeconds(30));
        assertThat(app.signIn("sam", PASSWORD).post("/api/login/mfa",
                json("AuthenticationCode", TotpCodes.code(seed, app.clock.step() + 10))).status()).isEqualTo(200);
    }

    @Test
    void aVirtualDeviceIsCreatedWithA40ByteSeedAndAQrCodeOfItsOtpauthUri() throws Exception {
        app.createSeedUser("tess");
        Response created = app.signIn("tess", PASSWORD).post("/api/mfa/virtual-devices/tess");
        JsonNode device = created.json().path("VirtualMFADevice");
        String seed = device.path("Base32StringSeed").asString();

        assertThat(device.path("SerialNumber").asString()).isEqualTo("arn:aws:iam::123456789012:mfa/tess");
        assertThat(seed).matches("[A-Z2-7]{64}");
        assertThat(TotpCodes.decodeBase32(seed)).hasSize(40);
        BufferedImage png = ImageIO.read(new ByteArrayInputStream(
                Base64.getDecoder().decode(device.path("QRCodePNG").asString())));
        int[] pixels = png.getRGB(0, 0, png.getWidth(), png.getHeight(), null, 0, png.getWidth());
        String uri = new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(
                new RGBLuminanceSource(png.getWidth(), png.getHeight(), pixels)))).getText();
        assertThat(uri).isEqualTo("otpauth://totp/iamgate%20demo:tess%40123456789012?secret=" + seed
                + "&issuer=iamgate%20demo&algorithm=SHA1&digits=6&period=30");
        // The seed is shown once: a second create of the name is refused, and no list shows it.
        assertThat(app.signIn("tess", PASSWORD).post("/api/mfa/virtual-devices/tess").errorCode())
                .isEqualTo("EntityAlreadyExists");
        assertThat(app.admin().get("/api/mfa/virtual-devices").text()).doesNotContain(seed);
    }

    @Test
    void aDeactivatedDeviceStaysUnassignedUntilDeletedAndAnAssignedOneCannotBeDeleted() {
        app.createSeedUser("uma");
        String seed = app.enableVirtualMfa(app.signIn("uma", PASSWORD), "uma");
        ApiClient uma = app.signInWithMfa("uma", PASSWORD, seed);

        Response conflict = uma.delete("/api/mfa/virtual-devices/uma");
        assertThat(conflict.status()).isEqualTo(409);
        assertThat(conflict.errorCode()).isEqualTo("DeleteConflict");

        assertThat(uma.delete("/api/users/uma/mfa-devices/uma").status()).isEqualTo(204);
        assertThat(uma.get("/api/users/uma/mfa-devices").json().path("MFADevices").size()).isZero();
        assertThat(ApiClient.values(uma.get("/api/mfa/virtual-devices?AssignmentStatus=Unassigned").json()
                .path("VirtualMFADevices"), "SerialNumber")).contains("arn:aws:iam::123456789012:mfa/uma");
        assertThat(uma.delete("/api/mfa/virtual-devices/uma").status()).isEqualTo(204);
        assertThat(uma.delete("/api/mfa/virtual-devices/uma").errorCode()).isEqualTo("NoSuchEntity");
    }

    @Test
    void aUserHasAtMostEightMfaDevices() {
        app.createUser("vera");
        ApiClient admin = app.admin();
        long step = app.clock.step();
        for (int i = 1; i <= 9; i++) {
            JsonNode device = admin.post("/api/mfa/virtual-devices/vera-" + i).json().path("VirtualMFADevice");
            String seed = device.path("Base32StringSeed").asString();
            Response enable = admin.post("/api/users/vera/mfa-devices", json("SerialNumber",
                    device.path("SerialNumber").asString(), "AuthenticationCode1", TotpCodes.code(seed, step),
                    "AuthenticationCode2", TotpCodes.code(seed, step + 1)));
            if (i <= 8) {
                assertThat(enable.status()).as("device %d: %s", i, enable).isEqualTo(204);
            } else {
                assertThat(enable.status()).isEqualTo(409);
                assertThat(enable.errorCode()).isEqualTo("LimitExceeded");
            }
        }
        assertThat(admin.get("/api/users/vera/mfa-devices").json().path("MFADevices").size()).isEqualTo(8);
    }

    @Test
    void anMfaCodeNeedsASessionSignedInWithThePassword() {
        Response response = app.client().post("/api/login/mfa", json("AuthenticationCode", "123456"));

        assertThat(response.status()).isEqualTo(401);
    }
}
