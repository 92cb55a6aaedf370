package dev.iamgate.servlet.internal.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.iamgate.servlet.mapping.InvalidRouteException;
import dev.iamgate.servlet.mapping.RouteDeclaration;
import dev.iamgate.servlet.mapping.RouteKind;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading mapping files, and what their errors say. */
class MappingFileReaderTest {

    /** Asserts the mapping is rejected at {@code routes.json:line:column} with a message containing {@code why}. */
    private static void rejected(String json, int line, int column, String why) {
        assertThatThrownBy(() -> MappingFileReader.read(json, "routes.json"))
                .isInstanceOf(InvalidRouteException.class)
                .hasMessageContaining(why)
                .satisfies(e -> assertThat(((InvalidRouteException) e).source())
                        .isEqualTo("routes.json:" + line + ":" + column));
    }

    @Test
    void readsEveryField() {
        List<RouteDeclaration> routes = MappingFileReader.read("""
                {"routes": [
                  {"method": "POST", "path": "/api/users/{user}/access-keys", "action": "iam:CreateAccessKey",
                   "resource": "arn:aws:iam::${account}:user/{user}", "context": {"iam:TargetUser": "{user}"},
                   "kind": "policy-protected"},
                  {"methods": ["GET", "HEAD"], "path": "/assets/{file...}", "kind": "public"},
                  {"method": "POST", "path": "/api/sts/session-token", "kind": "authenticated-only"}
                ]}
                """, "routes.json");

        assertThat(routes).containsExactly(
                new RouteDeclaration(RouteKind.POLICY_PROTECTED, Set.of("POST"), "/api/users/{user}/access-keys",
                        "iam:CreateAccessKey", "arn:aws:iam::${account}:user/{user}", Map.of("iam:TargetUser", "{user}"),
                        "routes.json:2:3"),
                new RouteDeclaration(RouteKind.PUBLIC, Set.of("GET", "HEAD"), "/assets/{file...}", "", "", Map.of(),
                        "routes.json:5:3"),
                new RouteDeclaration(RouteKind.AUTHENTICATED_ONLY, Set.of("POST"), "/api/sts/session-token", "", "",
                        Map.of(), "routes.json:6:3"));
    }

    @Test
    void kindDefaultsToPolicyProtected() {
        assertThat(MappingFileReader.read("{\"routes\":[{\"method\":\"GET\",\"path\":\"/x\",\"action\":\"a:B\",\"resource\":\"*\"}]}",
                "r").get(0).kind()).isEqualTo(RouteKind.POLICY_PROTECTED);
    }

    @Test
    void emptyRoutesIsAnEmptyMapping() {
        assertThat(MappingFileReader.read("{\"routes\": []}", "r")).isEmpty();
    }

    @Test
    void unknownFieldIsRejectedWhereItIs() {
        rejected("""
                {"routes": [
                  {"method": "GET", "path": "/x", "acton": "iam:GetUser", "resource": "*"}
                ]}""", 2, 35, "unknown field \"acton\"; a route has: method, methods, path, kind, action, resource, context");
        rejected("{\"routes\": [], \"version\": 1}", 1, 16, "unknown field \"version\"; a mapping has only \"routes\"");
    }

    @Test
    void repeatedFieldIsRejected() {
        rejected("{\"routes\": [{\"method\": \"GET\", \"method\": \"POST\", \"path\": \"/x\"}]}", 1, 31,
                "field \"method\" appears twice");
        rejected("{\"routes\": [], \"routes\": []}", 1, 16, "field \"routes\" appears twice");
    }

    @Test
    void syntaxErrorsGiveLineAndColumn() {
        assertThatThrownBy(() -> MappingFileReader.read("{\"routes\": [\n  {\"method\": \"GET\",,}\n]}", "routes.json"))
                .isInstanceOf(InvalidRouteException.class)
                .hasMessageStartingWith("routes.json:2:20: invalid JSON: ");
        assertThatThrownBy(() -> MappingFileReader.read("{\"routes\": [", "routes.json"))
                .isInstanceOf(InvalidRouteException.class)
                .hasMessageContaining("invalid JSON");
    }

    @Test
    void wrongTypesAreNamed() {
        rejected("{\"routes\": {}}", 1, 12, "\"routes\" must be an array of routes, not an object");
        rejected("{\"routes\": [\"GET /x\"]}", 1, 13, "a route must be an object, not a string");
        rejected("{\"routes\": [{\"method\": 1, \"path\": \"/x\"}]}", 1, 24, "\"method\" must be a string, not a number");
        rejected("{\"routes\": [{\"methods\": \"GET\", \"path\": \"/x\"}]}", 1, 25, "\"methods\" must be an array of strings");
        rejected("{\"routes\": [{\"methods\": [\"GET\", null], \"path\": \"/x\"}]}", 1, 33,
                "each element of \"methods\" must be a string, not null");
        rejected("{\"routes\": [{\"method\": \"GET\", \"path\": \"/x\", \"action\": \"a:B\", \"resource\": \"*\","
                + " \"context\": [\"a:b=c\"]}]}", 1, 90, "\"context\" must be an object");
        rejected("[]", 1, 1, "a mapping is an object");
        rejected("", 1, 1, "the file is empty");
    }

    @Test
    void methodOrMethodsButNotBoth() {
        rejected("{\"routes\": [{\"method\": \"GET\", \"methods\": [\"GET\"], \"path\": \"/x\", \"kind\": \"public\"}]}",
                1, 42, "give \"method\" or \"methods\", not both");
        rejected("{\"routes\": [{\"path\": \"/x\", \"kind\": \"public\"}]}", 1, 13, "the route has no \"method\"");
    }

    @Test
    void methodsIsANonEmptyListWithoutRepeats() {
        rejected("{\"routes\": [{\"methods\": [], \"path\": \"/x\", \"kind\": \"public\"}]}", 1, 25, "\"methods\" is empty");
        rejected("{\"routes\": [{\"methods\": [\"GET\", \"GET\"], \"path\": \"/x\", \"kind\": \"public\"}]}", 1, 33,
                "method \"GET\" is listed twice");
    }

    @Test
    void pathIsRequired() {
        rejected("{\"routes\": [{\"method\": \"GET\", \"kind\": \"public\"}]}", 1, 13, "the route has no \"path\"");
    }

    @Test
    void kindIsOneOfThree() {
        rejected("{\"routes\": [{\"method\": \"GET\", \"path\": \"/x\", \"kind\": \"PUBLIC\"}]}", 1, 53,
                "kind \"PUBLIC\" is not one of policy-protected, authenticated-only, public");
    }

    @Test
    void ruleViolationsPointAtTheFieldConcerned() {
        rejected("""
                {"routes": [
                  {"method": "GET", "path": "/api/users/{user}",
                   "action": "iam:GetUser", "resource": "arn:aws:iam::${account}:user/{usr}"}
                ]}""", 3, 41, "names {usr}, which is not a variable of /api/users/{user}");
        rejected("{\"routes\": [{\"method\": \"GET\", \"path\": \"/x/\", \"kind\": \"public\"}]}", 1, 39, "empty segment");
        rejected("{\"routes\": [{\"method\": \"get\", \"path\": \"/x\", \"kind\": \"public\"}]}", 1, 24, "lower case");
        rejected("{\"routes\": [{\"method\": \"GET\", \"path\": \"/x\", \"action\": \"iam:*\", \"resource\": \"*\"}]}",
                1, 55, "a request performs exactly one action");
        rejected("{\"routes\": [{\"method\": \"GET\", \"path\": \"/x\", \"kind\": \"public\", \"action\": \"iam:GetUser\"}]}",
                1, 73, "a public route has no action");
        rejected("{\"routes\": [{\"method\": \"GET\", \"path\": \"/x\", \"action\": \"a:B\", \"resource\": \"*\","
                + " \"context\": {\"aws:username\": \"x\"}}]}", 1, 90, "the aws: keys are set by the filter");
    }

    @Test
    void missingActionPointsAtTheRoute() {
        rejected("{\"routes\": [{\"method\": \"GET\", \"path\": \"/x\"}]}", 1, 13, "needs an action");
    }

    @Test
    void repeatedContextKeyIsRejected() {
        rejected("{\"routes\": [{\"method\": \"GET\", \"path\": \"/x\", \"action\": \"a:B\", \"resource\": \"*\","
                + " \"context\": {\"a:b\": \"1\", \"a:b\": \"2\"}}]}", 1, 103, "context key \"a:b\" appears twice");
    }

    @Test
    void contentAfterTheMappingIsRejected() {
        rejected("{\"routes\": []} {}", 1, 16, "after the end of the mapping");
    }

    @Test
    void readsFilesAndReaders(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("routes.json");
        Files.writeString(file, "{\"routes\": [{\"method\": \"GET\", \"path\": \"/\", \"kind\": \"public\"}]}");

        assertThat(MappingFileReader.read(file)).singleElement()
                .satisfies(route -> assertThat(route.source()).isEqualTo(file + ":1:13"));
        assertThat(MappingFileReader.read(new StringReader("{\"routes\": []}"), "r")).isEmpty();
        assertThatThrownBy(() -> MappingFileReader.read(dir.resolve("missing.json"))).isInstanceOf(NoSuchFileException.class);
    }

    @Test
    void badUtf8IsAJsonError(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("routes.json");
        Files.write(file, new byte[] {'{', '"', 'r', (byte) 0xC3, '"', ':', '1', '}'});

        assertThatThrownBy(() -> MappingFileReader.read(file))
                .isInstanceOf(InvalidRouteException.class)
                .hasMessageStartingWith(file + ":1:")
                .hasMessageContaining("invalid JSON");
        // the same bytes from the class path, which the filter reads as a stream
        assertThatThrownBy(() -> MappingFileReader.read(new ByteArrayInputStream(Files.readAllBytes(file)), "classpath:routes.json"))
                .isInstanceOf(InvalidRouteException.class)
                .hasMessageStartingWith("classpath:routes.json:1:")
                .hasMessageContaining("invalid JSON");
    }
}
