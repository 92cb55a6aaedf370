package dev.iamgate.servlet.internal.routing;

import static dev.iamgate.servlet.internal.routing.Routes.USER_ARN;
import static dev.iamgate.servlet.internal.routing.Routes.action;
import static dev.iamgate.servlet.internal.routing.Routes.table;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.iamgate.servlet.mapping.InvalidRouteException;
import dev.iamgate.servlet.mapping.RouteDeclaration;
import dev.iamgate.servlet.mapping.RouteKind;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The rules a declaration's action, resource, context and methods follow. */
class RouteDeclarationRulesTest {

    private static void rejected(RouteDeclaration declaration, String why) {
        assertThatThrownBy(() -> table(declaration))
                .isInstanceOf(InvalidRouteException.class)
                .hasMessageStartingWith(declaration.source() + ": ")
                .hasMessageContaining(why);
    }

    @Test
    void accountIdIsTwelveDigits() {
        assertThatThrownBy(() -> RouteTable.builder("12345")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RouteTable.builder("12345678901a")).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"iam:*", "iam:Get*", "iam:Get?ser", "*"})
    void actionHasNoWildcard(String action) {
        rejected(action("GET", "/x", action, "*"), "a request performs exactly one action");
    }

    @ParameterizedTest
    @ValueSource(strings = {"GetUser", "iam:", ":GetUser", "iam:Get:User", "iam:Get User", "iam :GetUser"})
    void actionIsServiceColonName(String action) {
        rejected(action("GET", "/x", action, "*"), "is not service:Name");
    }

    @Test
    void policyProtectedRouteNeedsAnActionAndAResource() {
        rejected(action("GET", "/x", "", "*"), "needs an action");
        rejected(action("GET", "/x", "iam:ListUsers", ""), "needs a resource");
    }

    @Test
    void resourceIsStarOrAnArn() {
        rejected(action("GET", "/x", "iam:ListUsers", "users"), "must be \"*\" or an ARN");
        rejected(action("GET", "/x", "iam:ListUsers", "arn:aws:iam:user/x"), "an ARN has six parts");
    }

    @Test
    void resourceHasNoWildcard() {
        rejected(action("GET", "/x", "iam:ListUsers", "arn:aws:iam::${account}:user/*"), "contains \"*\"");
        rejected(action("GET", "/x", "iam:ListUsers", "arn:aws:iam::${account}:user/a?"), "contains \"?\"");
    }

    @Test
    void resourceNamesOnlyVariablesOfThePath() {
        rejected(action("GET", "/api/users/{user}", "iam:GetUser", "arn:aws:iam::${account}:user/{usr}"),
                "names {usr}, which is not a variable of /api/users/{user}");
    }

    @Test
    void onlyAccountIsADollarPlaceholder() {
        rejected(action("GET", "/x", "iam:ListUsers", "arn:aws:iam::${aws:username}:user/x"), "may only start ${account}");
        rejected(action("GET", "/x", "iam:ListUsers", "arn:aws:iam::$account:user/x"), "may only start ${account}");
    }

    @Test
    void bracesInResourcesArePlaceholders() {
        rejected(action("GET", "/u/{user}", "iam:GetUser", "arn:aws:iam::${account}:user/{user"), "without \"}\"");
        rejected(action("GET", "/u/{user}", "iam:GetUser", "arn:aws:iam::${account}:user/user}"), "without \"{\"");
        rejected(action("GET", "/u/{user...}", "iam:GetUser", "arn:aws:iam::${account}:user/{user...}"),
                "write {user} to insert");
    }

    @Test
    void contextKeysOutsideTheAwsNamespace() {
        rejected(action("GET", "/u/{user}", "iam:GetUser", USER_ARN, Map.of("aws:username", "{user}")),
                "the aws: keys are set by the filter");
        rejected(action("GET", "/u/{user}", "iam:GetUser", USER_ARN, Map.of("AWS:SourceIp", "1.2.3.4")),
                "the aws: keys are set by the filter");
    }

    @Test
    void contextKeysAreConditionKeys() {
        rejected(action("GET", "/u/{user}", "iam:GetUser", USER_ARN, Map.of("TargetUser", "{user}")),
                "is not a condition key");
        rejected(action("GET", "/u/{user}", "iam:GetUser", USER_ARN, Map.of("iam:Target User", "{user}")),
                "is not a condition key");
    }

    @Test
    void contextKeysAreCaseInsensitivelyUnique() {
        Map<String, String> context = new LinkedHashMap<>();
        context.put("iam:TargetUser", "{user}");
        context.put("IAM:targetuser", "{user}");

        rejected(RouteDeclaration.policyProtected(List.of("GET"), "/u/{user}", "iam:GetUser", USER_ARN, context, "twice"),
                "is given twice");
    }

    @Test
    void contextValuesNameOnlyVariablesOfThePath() {
        rejected(action("GET", "/u/{user}", "iam:GetUser", USER_ARN, Map.of("iam:TargetUser", "{name}")),
                "context value of iam:TargetUser \"{name}\" names {name}");
    }

    @Test
    void publicAndAuthenticatedOnlyRoutesHaveNoActionResourceOrContext() {
        rejected(new RouteDeclaration(RouteKind.PUBLIC, Set.of("GET"), "/x", "iam:GetUser", "", Map.of(), "p"),
                "a public route has no action");
        rejected(new RouteDeclaration(RouteKind.AUTHENTICATED_ONLY, Set.of("GET"), "/x", "", "*", Map.of(), "a"),
                "an authenticated-only route has no resource");
        rejected(new RouteDeclaration(RouteKind.PUBLIC, Set.of("GET"), "/x", "", "", Map.of("a:b", "c"), "p"),
                "a public route adds no context keys");
    }

    @Test
    void methodsAreUpperCaseTokens() {
        rejected(action("get", "/x", "iam:ListUsers", "*"), "methods are case-sensitive, so it would never match \"GET\"");
        rejected(action("GET ", "/x", "iam:ListUsers", "*"), "is not an HTTP method");
        rejected(action("", "/x", "iam:ListUsers", "*"), "an HTTP method is empty");
    }

    @Test
    void onlyPublicRoutesMayApplyToEveryMethod() {
        rejected(RouteDeclaration.policyProtected(Set.of(), "/x", "iam:ListUsers", "*", Map.of(), "every"),
                "names no HTTP method");
        rejected(RouteDeclaration.authenticatedOnly(Set.of(), "/x", "every"), "names no HTTP method");
    }

    @Test
    void pathProblemsNameTheDeclaration() {
        rejected(action("GET", "/api/users/", "iam:ListUsers", "*"), "empty segment");
    }

    @Test
    void customMethodsAreAllowed() {
        assertThat(table(action("PROPFIND", "/dav/{name}", "myapp:Propfind", "*"), action("M-SEARCH", "/x", "svc:S", "*"))
                .match("M-SEARCH", "/x")).isPresent();
    }
}
