package dev.iamgate.servlet.internal.routing;

import static dev.iamgate.servlet.internal.routing.Routes.USER_ARN;
import static dev.iamgate.servlet.internal.routing.Routes.action;
import static dev.iamgate.servlet.internal.routing.Routes.authenticated;
import static dev.iamgate.servlet.internal.routing.Routes.publicRoute;
import static dev.iamgate.servlet.internal.routing.Routes.table;
import static org.assertj.core.api.Assertions.assertThat;

import dev.iamgate.servlet.mapping.RouteDeclaration;
import dev.iamgate.servlet.mapping.RouteKind;
import dev.iamgate.servlet.mapping.RouteMatch;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** How a request finds its route, one test per rule. */
class RouteMatchingRulesTest {

    private static String actionOf(RouteTable table, String method, String path) {
        return table.match(method, path).map(RouteMatch::action).orElse("(unmapped)");
    }

    @Test
    void unmappedRequestMatchesNothing() {
        RouteTable table = table(action("GET", "/api/users", "iam:ListUsers", "*"));

        assertThat(table.match("GET", "/api/groups")).isEmpty();
        assertThat(table.match("GET", "/api")).isEmpty();
        assertThat(table.match("GET", "/api/users/alice")).isEmpty();
        assertThat(RouteTable.builder(Routes.ACCOUNT).build().match("GET", "/")).isEmpty();
    }

    @Test
    void literalSegmentsMatchExactlyAndCaseSensitively() {
        RouteTable table = table(action("GET", "/api/users", "iam:ListUsers", "*"));

        assertThat(actionOf(table, "GET", "/api/users")).isEqualTo("iam:ListUsers");
        assertThat(table.match("GET", "/API/users")).isEmpty();
        assertThat(table.match("GET", "/api/Users")).isEmpty();
        assertThat(table.match("GET", "/api/users.json")).isEmpty();
        assertThat(table.match("GET", "/api/users ")).isEmpty();
    }

    @Test
    void trailingSlashIsAnotherPath() {
        RouteTable table = table(
                action("GET", "/api/users", "iam:ListUsers", "*"),
                action("GET", "/api/users/{user}", "iam:GetUser", USER_ARN));

        assertThat(table.match("GET", "/api/users/")).isEmpty();
        assertThat(table.match("GET", "/api/users/alice/")).isEmpty();
    }

    @Test
    void pathMustBeAbsolute() {
        RouteTable table = table(action("GET", "/api/users", "iam:ListUsers", "*"));

        assertThat(table.match("GET", "api/users")).isEmpty();
        assertThat(table.match("GET", "")).isEmpty();
    }

    @Test
    void rootTemplateMatchesOnlyTheRoot() {
        RouteTable table = table(publicRoute("GET", "/"));

        assertThat(table.match("GET", "/")).map(RouteMatch::kind).contains(RouteKind.PUBLIC);
        assertThat(table.match("GET", "/index.html")).isEmpty();
        assertThat(table.match("GET", "//")).isEmpty();
    }

    @Test
    void variableMatchesExactlyOneNonEmptySegment() {
        RouteTable table = table(action("GET", "/api/users/{user}", "iam:GetUser", USER_ARN));

        assertThat(table.match("GET", "/api/users/alice"))
                .map(RouteMatch::pathVariables).contains(Map.of("user", "alice"));
        assertThat(table.match("GET", "/api/users")).isEmpty();
        assertThat(table.match("GET", "/api/users//")).isEmpty();
        assertThat(table.match("GET", "/api/users/alice/keys")).isEmpty();
    }

    @Test
    void resourceTemplateGetsTheAccountAndTheVariables() {
        RouteTable table = table(action("PATCH", "/api/users/{user}/access-keys/{id}", "iam:UpdateAccessKey", USER_ARN));

        RouteMatch match = table.match("PATCH", "/api/users/alice/access-keys/AKIA123").orElseThrow();

        assertThat(match.kind()).isEqualTo(RouteKind.POLICY_PROTECTED);
        assertThat(match.action()).isEqualTo("iam:UpdateAccessKey");
        assertThat(match.resource()).isEqualTo("arn:aws:iam::123456789012:user/alice");
        assertThat(match.pathVariables()).isEqualTo(Map.of("user", "alice", "id", "AKIA123"));
        assertThat(match.source()).isEqualTo("PATCH /api/users/{user}/access-keys/{id}");
    }

    @Test
    void contextTemplatesGetTheAccountAndTheVariables() {
        RouteTable table = table(action("POST", "/api/users/{user}/access-keys", "iam:CreateAccessKey", USER_ARN,
                Map.of("iam:TargetUser", "{user}", "myapp:Owner", "${account}/{user}", "myapp:Fixed", "yes")));

        assertThat(table.match("POST", "/api/users/bob/access-keys").orElseThrow().contextKeys()).isEqualTo(Map.of(
                "iam:TargetUser", "bob", "myapp:Owner", "123456789012/bob", "myapp:Fixed", "yes"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"*", "al*ce", "a?", "a:b", "${aws:username}", "a b", "al%2Fice", "ali\uFF0Fce", "élise", "a~b"})
    void variableValueOutsideIamNameCharactersDoesNotMatch(String user) {
        RouteTable table = table(action("GET", "/api/users/{user}", "iam:GetUser", USER_ARN));

        assertThat(table.match("GET", "/api/users/" + user)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"alice", "Alice_2", "a+b=c,d.e@f-g", "0"})
    void variableValueOfIamNameCharactersMatches(String user) {
        RouteTable table = table(action("GET", "/api/users/{user}", "iam:GetUser", USER_ARN));

        assertThat(table.match("GET", "/api/users/" + user)).map(RouteMatch::resource)
                .contains("arn:aws:iam::123456789012:user/" + user);
    }

    @Test
    void dotSegmentsNeverMatchAVariableOrCatchAll() {
        // the firewall rejects them first; should one slip through, no route may approve it
        RouteTable table = RouteTable.builder(Routes.ACCOUNT)
                .add(action("GET", "/api/users/{user}", "iam:GetUser", USER_ARN))
                .add(RouteDeclaration.publicRoute(List.of("GET"), "/assets/{file...}", "assets"))
                .publicPath("/static/**")
                .build();

        assertThat(table.match("GET", "/api/users/..")).isEmpty();
        assertThat(table.match("GET", "/api/users/.")).isEmpty();
        assertThat(table.match("GET", "/assets/../api/users/bob")).isEmpty();
        assertThat(table.match("GET", "/static/css/..")).isEmpty();
        assertThat(table.match("GET", "/static/./x")).isEmpty();
        assertThat(table.match("GET", "/api/users/...")).isPresent();
        assertThat(table.match("GET", "/static/.well-known/x")).isPresent();
    }

    @Test
    void literalBeatsVariableAtTheSamePosition() {
        RouteTable table = table(
                action("GET", "/api/users/{user}", "iam:GetUser", USER_ARN),
                authenticated("GET", "/api/users/me"));

        assertThat(table.match("GET", "/api/users/me")).map(RouteMatch::kind).contains(RouteKind.AUTHENTICATED_ONLY);
        assertThat(actionOf(table, "GET", "/api/users/mel")).isEqualTo("iam:GetUser");
    }

    @Test
    void literalBranchThatEndsWithoutARouteFallsBackToTheVariable() {
        RouteTable table = table(
                action("GET", "/api/users/me/profile", "myapp:GetProfile", "*"),
                action("GET", "/api/users/{user}/access-keys", "iam:ListAccessKeys", USER_ARN));

        assertThat(table.match("GET", "/api/users/me/access-keys")).map(RouteMatch::resource)
                .contains("arn:aws:iam::123456789012:user/me");
    }

    @Test
    void mostSpecificWinsFromTheLeft() {
        RouteTable table = table(
                action("GET", "/a/{x}", "svc:Left", "*"),
                action("GET", "/{y}/b", "svc:Right", "*"));

        assertThat(actionOf(table, "GET", "/a/b")).isEqualTo("svc:Left");
        assertThat(actionOf(table, "GET", "/c/b")).isEqualTo("svc:Right");
    }

    @Test
    void variableBeatsCatchAll() {
        RouteTable table = table(
                action("GET", "/files/{name}", "svc:GetOne", "*"),
                action("GET", "/files/{path...}", "svc:GetDeep", "*"));

        assertThat(actionOf(table, "GET", "/files/a")).isEqualTo("svc:GetOne");
        assertThat(actionOf(table, "GET", "/files/a/b")).isEqualTo("svc:GetDeep");
    }

    @Test
    void catchAllMatchesOneOrMoreNonEmptySegments() {
        RouteTable table = table(RouteDeclaration.publicRoute(List.of("GET"), "/assets/{file...}", "assets"));

        assertThat(table.match("GET", "/assets/app.js")).map(RouteMatch::pathVariables).contains(Map.of("file", "app.js"));
        assertThat(table.match("GET", "/assets/css/site.min.css"))
                .map(RouteMatch::pathVariables).contains(Map.of("file", "css/site.min.css"));
        assertThat(table.match("GET", "/assets")).isEmpty();
        assertThat(table.match("GET", "/assets/")).isEmpty();
        assertThat(table.match("GET", "/assets/css/")).isEmpty();
        assertThat(table.match("GET", "/assets/css//x")).isEmpty();
    }

    @Test
    void namedCatchAllValueIsMadeOfIamNames() {
        RouteTable table = table(RouteDeclaration.publicRoute(List.of("GET"), "/assets/{file...}", "assets"));

        assertThat(table.match("GET", "/assets/my file.js")).isEmpty();
        assertThat(table.match("GET", "/assets/css/*.css")).isEmpty();
    }

    @Test
    void anonymousCatchAllBindsNothingAndOnlyNeedsNonEmptySegments() {
        RouteTable table = RouteTable.builder(Routes.ACCOUNT).publicPath("/static/**").build();

        assertThat(table.match("GET", "/static/my file.js"))
                .hasValueSatisfying(match -> assertThat(match.pathVariables()).isEmpty());
        assertThat(table.match("GET", "/static")).isEmpty();
        assertThat(table.match("GET", "/static/a//b")).isEmpty();
    }

    @Test
    void catchAllValueGoesIntoTheResource() {
        RouteTable table = table(action("GET", "/files/{key...}", "s3:GetObject", "arn:aws:s3:::bucket/{key}"));

        assertThat(table.match("GET", "/files/a/b.txt")).map(RouteMatch::resource).contains("arn:aws:s3:::bucket/a/b.txt");
    }

    @Test
    void methodsMatchExactlyAndCaseSensitively() {
        RouteTable table = table(action("GET", "/api/users", "iam:ListUsers", "*"));

        assertThat(table.match("POST", "/api/users")).isEmpty();
        assertThat(table.match("get", "/api/users")).isEmpty();
    }

    @Test
    void headMatchesOnlyRoutesDeclaredForHead() {
        RouteTable table = table(
                action("GET", "/api/users", "iam:ListUsers", "*"),
                RouteDeclaration.publicRoute(List.of("GET", "HEAD"), "/assets/{file...}", "assets"));

        assertThat(table.match("HEAD", "/api/users")).isEmpty();
        assertThat(table.match("HEAD", "/assets/app.js")).map(RouteMatch::kind).contains(RouteKind.PUBLIC);
    }

    @Test
    void routesOfEachMethodAreMatchedSeparately() {
        RouteTable table = table(
                action("GET", "/api/users/{user}", "iam:GetUser", USER_ARN),
                publicRoute("POST", "/api/users/me"));

        // the literal route is POST only, so a GET finds the variable route
        assertThat(actionOf(table, "GET", "/api/users/me")).isEqualTo("iam:GetUser");
    }

    @Test
    void publicPathsApplyToEveryMethod() {
        RouteTable table = RouteTable.builder(Routes.ACCOUNT)
                .add(action("GET", "/api/users", "iam:ListUsers", "*"))
                .publicPaths(List.of("/health", "/assets/**"))
                .build();

        for (String method : List.of("GET", "HEAD", "POST", "OPTIONS", "PROPFIND")) {
            assertThat(table.match(method, "/health")).map(RouteMatch::kind).contains(RouteKind.PUBLIC);
            assertThat(table.match(method, "/assets/x.css")).map(RouteMatch::kind).contains(RouteKind.PUBLIC);
        }
        assertThat(table.match("GET", "/health")).map(RouteMatch::source)
                .contains("public path \"/health\" of the configuration");
    }

    @Test
    void methodRouteMoreSpecificThanAPublicPathWins() {
        RouteTable table = RouteTable.builder(Routes.ACCOUNT)
                .publicPath("/assets/**")
                .add(action("GET", "/assets/private/{file}", "myapp:GetPrivateAsset", "*"))
                .build();

        assertThat(actionOf(table, "GET", "/assets/private/x.css")).isEqualTo("myapp:GetPrivateAsset");
        assertThat(table.match("POST", "/assets/private/x.css")).map(RouteMatch::kind).contains(RouteKind.PUBLIC);
    }

    @Test
    void nonPolicyRoutesHaveNoActionOrResource() {
        RouteTable table = table(publicRoute("POST", "/api/login"), authenticated("POST", "/api/sts/session-token"));

        assertThat(table.match("POST", "/api/login")).contains(
                new RouteMatch(RouteKind.PUBLIC, "", "", Map.of(), Map.of(), "public POST /api/login"));
        assertThat(table.match("POST", "/api/sts/session-token")).map(RouteMatch::kind)
                .contains(RouteKind.AUTHENTICATED_ONLY);
    }

    @Test
    void routeWithoutVariablesAnswersWithTheMatchBuiltAtStartUp() {
        RouteTable table = table(action("GET", "/api/users", "iam:ListUsers", "*"));

        Optional<RouteMatch> first = table.match("GET", "/api/users");
        assertThat(table.match("GET", "/api/users")).isSameAs(first);
    }

    @Test
    void manyLiteralSiblingsAreAllFound() {
        RouteTable.Builder builder = RouteTable.builder(Routes.ACCOUNT);
        for (int i = 0; i < 200; i++) {
            builder.add(action("GET", "/api/r" + i + "/{id}", "svc:Get" + i, "*"));
        }
        RouteTable table = builder.build();

        for (int i = 0; i < 200; i++) {
            assertThat(actionOf(table, "GET", "/api/r" + i + "/x")).isEqualTo("svc:Get" + i);
        }
        assertThat(table.match("GET", "/api/r200/x")).isEmpty();
    }

    @Test
    void lookupStaysLinearOnAdversarialTables() {
        // each segment could be literal or variable: a naive backtracking matcher tries 2^depth ways
        RouteTable.Builder builder = RouteTable.builder(Routes.ACCOUNT);
        StringBuilder literal = new StringBuilder();
        StringBuilder variable = new StringBuilder();
        for (int i = 0; i < 40; i++) {
            literal.append("/a");
            variable.append("/{v").append(i).append('}');
        }
        builder.add(action("GET", literal + "/x", "svc:Literal", "*"));
        builder.add(action("GET", variable + "/y", "svc:Variable", "*"));
        RouteTable table = builder.build();

        long start = System.nanoTime();
        assertThat(table.match("GET", literal + "/z")).isEmpty();
        assertThat(actionOf(table, "GET", literal + "/y")).isEqualTo("svc:Variable");
        assertThat(System.nanoTime() - start).isLessThan(1_000_000_000L);
    }
}
