package dev.iamgate.servlet.internal.routing;

import static dev.iamgate.servlet.internal.routing.Routes.USER_ARN;
import static dev.iamgate.servlet.internal.routing.Routes.action;
import static dev.iamgate.servlet.internal.routing.Routes.publicRoute;
import static dev.iamgate.servlet.internal.routing.Routes.table;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.iamgate.servlet.mapping.RouteConflictException;
import dev.iamgate.servlet.mapping.RouteDeclaration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which declarations conflict and stop start-up, and which only look alike. */
class RouteConflictRulesTest {

    @Test
    void sameMethodAndPathDeclaredTwiceConflicts() {
        RouteDeclaration first = action("GET", "/api/users", "iam:ListUsers", "*");
        RouteDeclaration second = RouteDeclaration.policyProtected(
                List.of("GET"), "/api/users", "myapp:ListPeople", "*", java.util.Map.of(), "routes.json:9:5");

        RouteConflictException e = catchThrowableOfType(RouteConflictException.class, () -> table(first, second));

        assertThat(e.first()).isEqualTo(first);
        assertThat(e.second()).isEqualTo(second);
        assertThat(e.method()).isEqualTo("GET");
        assertThat(e).hasMessage("routes conflict: GET /api/users is declared by GET /api/users (GET /api/users)"
                + " and by routes.json:9:5 (GET /api/users); a request must match exactly one route, so declare"
                + " each method and path once");
    }

    @Test
    void sameDeclarationTwiceConflictsToo() {
        // even identical twins: one of them is in the wrong place, and nothing is gained by guessing
        assertThatThrownBy(() -> table(publicRoute("POST", "/api/login"), publicRoute("POST", "/api/login")))
                .isInstanceOf(RouteConflictException.class);
    }

    @Test
    void variableNamesDoNotMakePathsDifferent() {
        assertThatThrownBy(() -> table(
                        action("GET", "/api/users/{user}", "iam:GetUser", USER_ARN),
                        action("GET", "/api/users/{name}", "iam:GetUser", "arn:aws:iam::${account}:user/{name}")))
                .isInstanceOf(RouteConflictException.class)
                .hasMessageContaining("GET /api/users/{user}")
                .hasMessageContaining("GET /api/users/{name}");
    }

    @Test
    void catchAllSpellingsDoNotMakePathsDifferent() {
        assertThatThrownBy(() -> RouteTable.builder(Routes.ACCOUNT)
                        .add(RouteDeclaration.publicRoute(List.of("GET"), "/assets/{file...}", "routes.json:3:5"))
                        .publicPath("/assets/**")
                        .build())
                .isInstanceOf(RouteConflictException.class)
                .hasMessageContaining("routes.json:3:5")
                .hasMessageContaining("public path \"/assets/**\" of the configuration");
    }

    @Test
    void literalAndVariableAtTheSamePositionDoNotConflict() {
        RouteTable table = table(
                action("GET", "/api/users/{user}", "iam:GetUser", USER_ARN),
                action("GET", "/api/users/me", "myapp:GetMe", "*"));

        assertThat(table.declarations()).hasSize(2);
    }

    @Test
    void variableAndCatchAllAtTheSamePositionDoNotConflict() {
        assertThat(table(
                        action("GET", "/files/{name}", "svc:GetOne", "*"),
                        action("GET", "/files/{path...}", "svc:GetDeep", "*"))
                .declarations()).hasSize(2);
    }

    @Test
    void differentMethodsOnTheSamePathDoNotConflict() {
        assertThat(table(
                        action("GET", "/api/users/{user}/access-keys", "iam:ListAccessKeys", USER_ARN),
                        action("POST", "/api/users/{user}/access-keys", "iam:CreateAccessKey", USER_ARN))
                .declarations()).hasSize(2);
    }

    @Test
    void oneOfSeveralMethodsOverlappingConflicts() {
        assertThatThrownBy(() -> table(
                        RouteDeclaration.publicRoute(List.of("GET", "HEAD"), "/", "page"),
                        publicRoute("HEAD", "/")))
                .isInstanceOf(RouteConflictException.class)
                .satisfies(e -> assertThat(((RouteConflictException) e).method()).isEqualTo("HEAD"));
    }

    @Test
    void publicPathForEveryMethodConflictsWithAMethodRouteOfTheSameShape() {
        assertThatThrownBy(() -> RouteTable.builder(Routes.ACCOUNT)
                        .add(action("GET", "/health", "myapp:Health", "*"))
                        .publicPath("/health")
                        .build())
                .isInstanceOf(RouteConflictException.class)
                .hasMessageStartingWith("routes conflict: GET /health is declared by GET /health");
    }

    @Test
    void twoPublicPathsOfTheSameShapeConflictForEveryMethod() {
        assertThatThrownBy(() -> RouteTable.builder(Routes.ACCOUNT).publicPaths(List.of("/p/{a}", "/p/{b}")).build())
                .isInstanceOf(RouteConflictException.class)
                .hasMessageStartingWith("routes conflict: every method /p/{b}");
    }

    @Test
    void validateFindsConflictsWithoutAnAccount() {
        assertThatThrownBy(() -> RouteTable.validate(List.of(
                        action("DELETE", "/x/{a}", "svc:A", "*"), action("DELETE", "/x/{b}", "svc:B", "*"))))
                .isInstanceOf(RouteConflictException.class);
    }
}
