package dev.iamgate.servlet.source;

import static dev.iamgate.servlet.source.PolicyFiles.BROKEN;
import static dev.iamgate.servlet.source.PolicyFiles.policy;
import static dev.iamgate.servlet.source.PolicyFiles.writeAtomically;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.iamgate.eval.PolicySet;
import dev.iamgate.eval.RequestContext;
import dev.iamgate.policy.Policy;
import dev.iamgate.servlet.IamPrincipal;
import dev.iamgate.servlet.spi.PolicySourceException;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DirectoryPolicySourceTest {

    private static final IamPrincipal ALICE = new IamPrincipal("arn:aws:iam::123456789012:user/alice",
            "123456789012", Optional.of("alice"), "AIDAALICE", List.of("devs"), Map.of());
    private static final IamPrincipal BOB = IamPrincipal.user("123456789012", "bob", "AIDABOB");

    @TempDir
    Path root;

    private final List<String> reports = new CopyOnWriteArrayList<>();

    @Test
    void identityPoliciesAreEveryonesTheirGroupsAndTheirOwn() {
        writeAtomically(root, "everyone/base.json", policy("Allow", "iam:GetAccountSummary"));
        writeAtomically(root, "groups/devs/build.json", policy("Allow", "codebuild:*"));
        writeAtomically(root, "groups/ops/pager.json", policy("Allow", "sns:Publish"));
        writeAtomically(root, "users/alice/own.json", policy("Allow", "iam:GetUser"));
        writeAtomically(root, "users/bob/own.json", policy("Allow", "iam:DeleteUser"));

        DirectoryPolicySource source = source(Duration.ZERO);

        assertThat(names(source.identityPolicies(ALICE)))
                .containsExactly("everyone/base.json", "groups/devs/build.json", "users/alice/own.json");
        assertThat(names(source.identityPolicies(BOB))).containsExactly("everyone/base.json", "users/bob/own.json");
    }

    @Test
    void groupAndUserFoldersMatchCaseInsensitivelyAsIamNamesDo() {
        writeAtomically(root, "groups/Devs/build.json", policy("Allow", "codebuild:*"));
        writeAtomically(root, "users/Alice/own.json", policy("Allow", "iam:GetUser"));
        IamPrincipal alice = new IamPrincipal(ALICE.arn(), ALICE.accountId(), ALICE.userName(), ALICE.userId(),
                List.of("DEVS", "devs"), Map.of());

        assertThat(names(source(Duration.ZERO).identityPolicies(alice)))
                .containsExactly("groups/Devs/build.json", "users/Alice/own.json");
    }

    @Test
    void foldersMatchIgnoringAsciiCaseOnlySoANonAsciiNameNeverTakesAnotherUsersPolicies() {
        // U+212A KELVIN SIGN lower-cases to an ASCII 'k' in Java; an IAM name is ASCII, so a
        // principal spelled with it is somebody else, not kate.
        writeAtomically(root, "users/kate/admin.json", policy("Allow", "*"));
        writeAtomically(root, "groups/kube-admins/admin.json", policy("Allow", "*"));
        IamPrincipal kelvinKate = new IamPrincipal("arn:aws:iam::123456789012:user/\u212Aate", "123456789012",
                Optional.of("\u212Aate"), "AIDAKELVIN", List.of("\u212Aube-admins"), Map.of());
        IamPrincipal kate = IamPrincipal.user("123456789012", "KATE", "AIDAKATE");

        DirectoryPolicySource source = source(Duration.ZERO);

        assertThat(names(source.identityPolicies(kelvinKate))).isEmpty();
        assertThat(names(source.identityPolicies(kate))).containsExactly("users/kate/admin.json");
    }

    @Test
    void filesThatAreNotJsonOrAreHiddenAndOtherFoldersAreIgnored() throws IOException {
        writeAtomically(root, "everyone/base.json", policy("Allow", "iam:GetUser"));
        writeAtomically(root, "everyone/README.md", "not a policy");
        writeAtomically(root, "everyone/.base.json.swp", "editor state");
        writeAtomically(root, "user/alice/typo.json", policy("Allow", "*"));
        Files.createDirectories(root.resolve("everyone/nested.json"));
        writeAtomically(root, "everyone/nested.json/inner.json", policy("Allow", "*"));

        assertThat(names(source(Duration.ZERO).identityPolicies(ALICE))).containsExactly("everyone/base.json");
    }

    @Test
    void aPrincipalWithoutUserNameGetsEveryonesAndItsGroupsPolicies() {
        writeAtomically(root, "everyone/base.json", policy("Allow", "iam:GetUser"));
        writeAtomically(root, "groups/devs/build.json", policy("Allow", "codebuild:*"));
        IamPrincipal role = new IamPrincipal("arn:aws:sts::123456789012:assumed-role/ci/run-1", "123456789012",
                Optional.empty(), "AROAEXAMPLE:run-1", List.of("devs"), Map.of());

        assertThat(names(source(Duration.ZERO).identityPolicies(role)))
                .containsExactly("everyone/base.json", "groups/devs/build.json");
    }

    @Test
    void aChangedFileIsPickedUpWithoutRestart() {
        writeAtomically(root, "everyone/base.json", policy("Allow", "iam:GetUser"));
        DirectoryPolicySource source = source(Duration.ZERO);
        long before = source.revision();

        writeAtomically(root, "everyone/base.json", policy("Deny", "iam:GetUser"));

        assertThat(source.revision()).isEqualTo(before + 1);
        assertThat(decide(source, ALICE, "iam:GetUser")).isEqualTo("EXPLICIT_DENY");
    }

    @Test
    void anAddedFileIsPickedUpAndADeletedFileStopsApplying() throws IOException {
        writeAtomically(root, "everyone/base.json", policy("Allow", "iam:GetUser"));
        DirectoryPolicySource source = source(Duration.ZERO);

        writeAtomically(root, "users/alice/more.json", policy("Allow", "iam:ListUsers"));
        assertThat(names(source.identityPolicies(ALICE))).containsExactly("everyone/base.json", "users/alice/more.json");

        Files.delete(root.resolve("users/alice/more.json"));
        assertThat(names(source.identityPolicies(ALICE))).containsExactly("everyone/base.json");
        assertThat(reports).anyMatch(m -> m.contains("users/alice/more.json was removed"));
    }

    @Test
    void changesAreLookedForAtMostOncePerRefreshInterval() {
        writeAtomically(root, "everyone/base.json", policy("Allow", "iam:GetUser"));
        AtomicLong nanos = new AtomicLong();
        DirectoryPolicySource source = DirectoryPolicySource.directory(root)
                .refreshInterval(Duration.ofSeconds(2)).nanoTime(nanos::get).build();
        long before = source.revision();

        writeAtomically(root, "everyone/base.json", policy("Deny", "iam:GetUser"));
        nanos.addAndGet(Duration.ofMillis(1999).toNanos());
        assertThat(source.revision()).isEqualTo(before);

        nanos.addAndGet(Duration.ofMillis(1).toNanos());
        assertThat(source.revision()).isEqualTo(before + 1);
    }

    @Test
    void theRevisionMovesOnlyWhenThePoliciesChange() throws IOException {
        writeAtomically(root, "everyone/base.json", policy("Allow", "iam:GetUser"));
        DirectoryPolicySource source = source(Duration.ZERO);
        long before = source.revision();

        writeAtomically(root, "everyone/base.json", policy("Allow", "iam:GetUser")); // same content, new file
        Files.setLastModifiedTime(root.resolve("everyone/base.json"), FileTime.fromMillis(0));
        writeAtomically(root, "everyone/notes.txt", "not a policy");

        assertThat(source.revision()).isEqualTo(before);
    }

    @Test
    void aSameSizeRewriteWithinOneTimestampTickIsNotMissed() throws IOException {
        Path file = root.resolve("everyone/base.json");
        writeAtomically(root, "everyone/base.json", policy("Allow", "iam:GetUser"));
        DirectoryPolicySource source = source(Duration.ZERO);
        FileTime modified = Files.getLastModifiedTime(file);

        // Same size, same inode, same modification time: only the content tells.
        Files.writeString(file, policy("Allow", "iam:PutUser"));
        Files.setLastModifiedTime(file, modified);

        assertThat(decide(source, ALICE, "iam:PutUser")).isEqualTo("ALLOW");
    }

    @Test
    void aBrokenFileKeepsItsLastGoodVersionAndIsReportedOnceWithLineAndColumn() {
        writeAtomically(root, "everyone/deny.json", policy("Deny", "iam:DeleteUser"));
        DirectoryPolicySource source = source(Duration.ZERO);
        long before = source.revision();

        writeAtomically(root, "everyone/deny.json", BROKEN);
        for (int i = 0; i < 20; i++) {
            assertThat(decide(source, ALICE, "iam:DeleteUser")).isEqualTo("EXPLICIT_DENY");
        }

        assertThat(source.revision()).isEqualTo(before);
        assertThat(errors()).singleElement().asString()
                .containsPattern("everyone/deny\\.json:4:\\d+")
                .contains("last good version stays in force");
    }

    /**
     * IAM refuses to save an identity policy whose statement has no Resource ("Policy statement must
     * contain resources.") or names a Principal; the parser accepts both for resource-based and trust
     * policies. Taken as written, the first would allow on every resource: the file is refused.
     */
    @Test
    void anIdentityPolicyStatementWithoutResourceOrWithAPrincipalIsRefusedAsIamRefusesIt() {
        writeAtomically(root, "users/alice/keys.json", policy("Allow", "iam:GetUser"));
        DirectoryPolicySource source = source(Duration.ZERO);

        writeAtomically(root, "users/alice/keys.json",
                "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"iam:DeleteUser\"}]}");
        assertThat(decide(source, ALICE, "iam:DeleteUser")).isEqualTo("IMPLICIT_DENY");
        assertThat(decide(source, ALICE, "iam:GetUser")).isEqualTo("ALLOW"); // the last good version
        writeAtomically(root, "users/bob/open.json", "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
                + "\"Principal\":\"*\",\"Action\":\"iam:DeleteUser\",\"Resource\":\"*\"}]}");
        assertThatThrownBy(() -> source.identityPolicies(BOB)).isInstanceOf(PolicySourceException.class)
                .hasMessageContaining("users/bob/open.json"); // never good: bob is denied, fail closed

        assertThat(errors()).hasSize(2);
        assertThat(errors().get(0)).contains("users/alice/keys.json:1:").contains("neither Resource nor NotResource")
                .contains("last good version stays in force");
        assertThat(errors().get(1)).contains("users/bob/open.json:1:").contains("names a principal")
                .contains("no good version");
    }

    @Test
    void aBrokenFileIsReportedAgainOnlyWhenItChangesAndIsStillBroken() {
        writeAtomically(root, "everyone/deny.json", policy("Deny", "iam:DeleteUser"));
        DirectoryPolicySource source = source(Duration.ZERO);

        writeAtomically(root, "everyone/deny.json", BROKEN);
        source.revision();
        source.revision();
        writeAtomically(root, "everyone/deny.json", BROKEN.replace("\"Deny\"", "\"deny\""));
        source.revision();
        source.revision();

        assertThat(errors()).hasSize(2);
    }

    @Test
    void aFixedFileIsPickedUpAndReported() {
        writeAtomically(root, "everyone/deny.json", policy("Deny", "iam:DeleteUser"));
        DirectoryPolicySource source = source(Duration.ZERO);
        writeAtomically(root, "everyone/deny.json", BROKEN);
        source.revision();

        writeAtomically(root, "everyone/deny.json", policy("Deny", "iam:DeleteUser", "iam:CreateUser"));

        assertThat(decide(source, ALICE, "iam:CreateUser")).isEqualTo("EXPLICIT_DENY");
        assertThat(reports).anyMatch(m -> m.contains("everyone/deny.json") && m.contains("is fixed"));
    }

    @Test
    void aFileThatNeverParsedFailsClosedForThePrincipalsItAppliesTo() {
        writeAtomically(root, "everyone/base.json", policy("Allow", "iam:*"));
        writeAtomically(root, "users/bob/deny.json", BROKEN);

        DirectoryPolicySource source = source(Duration.ZERO);

        assertThatThrownBy(() -> source.identityPolicies(BOB)).isInstanceOf(PolicySourceException.class)
                .hasMessageContaining("users/bob/deny.json");
        assertThat(names(source.identityPolicies(ALICE))).containsExactly("everyone/base.json");
        assertThat(errors()).singleElement().asString().contains("has no good version");
    }

    @Test
    void aMissingDirectoryIsAFaultThatKeepsTheLastGoodPolicies() throws IOException {
        writeAtomically(root, "everyone/deny.json", policy("Deny", "iam:DeleteUser"));
        DirectoryPolicySource source = source(Duration.ZERO);
        long before = source.revision();
        Path aside = Files.move(root.resolve("everyone"), root.resolveSibling(root.getFileName() + "-aside"));
        Path gone = Files.move(root, root.resolveSibling(root.getFileName() + "-gone"));

        for (int i = 0; i < 10; i++) {
            assertThat(decide(source, ALICE, "iam:DeleteUser")).isEqualTo("EXPLICIT_DENY");
        }
        assertThat(source.revision()).isEqualTo(before);
        assertThat(errors()).singleElement().asString().contains("Cannot read the policy directory");

        Files.move(gone, root);
        assertThat(source.revision()).as("back, with everyone/ removed deliberately").isEqualTo(before + 1);
        assertThat(reports).anyMatch(m -> m.contains("readable again"));
        assertThat(source.identityPolicies(ALICE)).isEmpty();
        PolicyFiles.deleteTree(aside);
    }

    @Test
    void aRootThatIsNotADirectoryIsAFault() throws IOException {
        writeAtomically(root, "everyone/deny.json", policy("Deny", "iam:DeleteUser"));
        DirectoryPolicySource source = source(Duration.ZERO);
        Path gone = Files.move(root, root.resolveSibling(root.getFileName() + "-gone"));
        Files.writeString(root, "a file where the directory was");

        assertThat(decide(source, ALICE, "iam:DeleteUser")).isEqualTo("EXPLICIT_DENY");
        assertThat(errors()).singleElement().asString().contains("not a directory");

        Files.delete(root);
        Files.move(gone, root);
    }

    @Test
    void aDirectoryThatWasNeverReadServesNothingUntilItAppears() {
        Path later = root.resolve("mounted-later");
        DirectoryPolicySource source = DirectoryPolicySource.directory(later).refreshInterval(Duration.ZERO)
                .reporter(reports::add).build();

        assertThatThrownBy(() -> source.identityPolicies(ALICE)).isInstanceOf(PolicySourceException.class);
        assertThat(errors()).singleElement().asString().contains("missing");

        writeAtomically(later, "everyone/base.json", policy("Allow", "iam:GetUser"));
        assertThat(names(source.identityPolicies(ALICE))).containsExactly("everyone/base.json");
    }

    @Test
    void aFileThatCannotBeReadKeepsItsLastGoodVersion() throws IOException {
        writeAtomically(root, "everyone/deny.json", policy("Deny", "iam:DeleteUser"));
        DirectoryPolicySource source = source(Duration.ZERO);
        long before = source.revision();

        // A dangling link, as seen mid-swap of a Kubernetes ConfigMap volume.
        Files.delete(root.resolve("everyone/deny.json"));
        Files.createSymbolicLink(root.resolve("everyone/deny.json"), root.resolve("..data/deny.json"));

        assertThat(decide(source, ALICE, "iam:DeleteUser")).isEqualTo("EXPLICIT_DENY");
        assertThat(decide(source, ALICE, "iam:DeleteUser")).isEqualTo("EXPLICIT_DENY");
        assertThat(source.revision()).isEqualTo(before);
        assertThat(errors()).singleElement().asString().contains("Cannot read policy file everyone/deny.json");

        writeAtomically(root, "..data/deny.json", policy("Deny", "iam:DeleteUser"));
        assertThat(decide(source, ALICE, "iam:DeleteUser")).isEqualTo("EXPLICIT_DENY");
        assertThat(source.revision()).as("same content as the last good version").isEqualTo(before);
        assertThat(reports).anyMatch(m -> m.contains("everyone/deny.json") && m.contains("readable again"));
    }

    @Test
    void aPolicyFileReplacedByADirectoryIsUnreadableAndKeepsItsLastGoodVersion() throws IOException {
        writeAtomically(root, "everyone/deny.json", policy("Deny", "iam:DeleteUser"));
        DirectoryPolicySource source = source(Duration.ZERO);
        long before = source.revision();

        Path aside = Files.move(root.resolve("everyone/deny.json"), root.resolve("aside.json"));
        Files.createDirectory(root.resolve("everyone/deny.json"));

        assertThat(decide(source, ALICE, "iam:DeleteUser")).isEqualTo("EXPLICIT_DENY");
        assertThat(decide(source, ALICE, "iam:DeleteUser")).isEqualTo("EXPLICIT_DENY");
        assertThat(source.revision()).isEqualTo(before);
        assertThat(errors()).singleElement().asString()
                .startsWith("Cannot read policy file everyone/deny.json").contains("a directory now")
                .endsWith("its last good version stays in force");

        Files.delete(root.resolve("everyone/deny.json"));
        Files.move(aside, root.resolve("everyone/deny.json"));
        assertThat(decide(source, ALICE, "iam:DeleteUser")).isEqualTo("EXPLICIT_DENY");
        assertThat(reports).anyMatch(m -> m.contains("everyone/deny.json") && m.contains("readable again"));
    }

    @Test
    void aByteOrderMarkIsAcceptedAndTextThatIsNotUtf8IsRejected() throws IOException {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] json = policy("Allow", "iam:GetUser").getBytes(StandardCharsets.UTF_8);
        byte[] withBom = new byte[bom.length + json.length];
        System.arraycopy(bom, 0, withBom, 0, 3);
        System.arraycopy(json, 0, withBom, 3, json.length);
        Files.createDirectories(root.resolve("everyone"));
        Files.write(root.resolve("everyone/bom.json"), withBom);
        Files.write(root.resolve("everyone/latin1.json"), "{\"Version\": \"2012-10-17\", \"Id\": \"caf\u00e9\"}"
                .getBytes(StandardCharsets.ISO_8859_1));

        DirectoryPolicySource source = source(Duration.ZERO);

        assertThat(errors()).singleElement().asString().contains("everyone/latin1.json: not UTF-8");
        assertThatThrownBy(() -> source.identityPolicies(ALICE)).isInstanceOf(PolicySourceException.class);
        Files.delete(root.resolve("everyone/latin1.json"));
        assertThat(names(source.identityPolicies(ALICE))).containsExactly("everyone/bom.json");
    }

    @Test
    void aClasspathFolderOnTheFileSystemIsReadAsADirectory() {
        DirectoryPolicySource source = DirectoryPolicySource.classpath("sources/mfa-self-manage").build();
        IamPrincipal admin = new IamPrincipal("arn:aws:iam::123456789012:user/alice", "123456789012",
                Optional.of("alice"), "AIDAALICE", List.of("admins"), Map.of());

        assertThat(names(source.identityPolicies(admin))).containsExactly("everyone/mfa-self-manage-policy.json",
                "groups/Admins/read-users.json", "users/alice/no-user-deletion.json");
    }

    @Test
    void aClasspathFolderInAJarIsReadOnce() throws IOException {
        Path jar = root.resolve("policies.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            out.putNextEntry(new JarEntry("iam policies/"));
            out.putNextEntry(new JarEntry("iam policies/everyone/"));
            out.putNextEntry(new JarEntry("iam policies/everyone/base.json"));
            out.write(policy("Allow", "iam:GetUser").getBytes(StandardCharsets.UTF_8));
            out.putNextEntry(new JarEntry("iam policies/users/alice/own.json"));
            out.write(policy("Allow", "iam:ChangePassword").getBytes(StandardCharsets.UTF_8));
        }
        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null)) {
            DirectoryPolicySource source = DirectoryPolicySource.classpath(loader, "iam policies")
                    .refreshInterval(Duration.ZERO).build();
            long revision = source.revision();

            assertThat(names(source.identityPolicies(ALICE))).containsExactly("everyone/base.json", "users/alice/own.json");
            Files.move(jar, root.resolve("moved.jar"), StandardCopyOption.ATOMIC_MOVE);
            assertThat(source.revision()).isEqualTo(revision);
            assertThat(names(source.identityPolicies(BOB))).containsExactly("everyone/base.json");
        }
    }

    @Test
    void aMissingClasspathFolderIsAnError() {
        assertThatIllegalArgumentException().isThrownBy(() -> DirectoryPolicySource.classpath("no/such/folder").build())
                .withMessageContaining("no/such/folder");
    }

    private DirectoryPolicySource source(Duration refreshInterval) {
        return DirectoryPolicySource.directory(root).refreshInterval(refreshInterval).reporter(reports::add).build();
    }

    private List<String> errors() {
        return reports.stream().filter(m -> m.startsWith("Rejected") || m.startsWith("Cannot")).toList();
    }

    private static List<String> names(List<Policy> policies) {
        return policies.stream().map(Policy::name).toList();
    }

    private static String decide(DirectoryPolicySource source, IamPrincipal principal, String action) {
        return PolicySet.ofIdentityPolicies(source.identityPolicies(principal).toArray(Policy[]::new))
                .evaluate(RequestContext.builder().principal(principal.arn()).action(action).resource("*").build())
                .outcome().name();
    }
}
