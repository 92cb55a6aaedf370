package dev.iamgate.servlet.internal.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.iamgate.servlet.mapping.AuthenticatedOnly;
import dev.iamgate.servlet.mapping.IamAction;
import dev.iamgate.servlet.mapping.IamRoutes;
import dev.iamgate.servlet.mapping.InvalidRouteException;
import dev.iamgate.servlet.mapping.PublicRoute;
import dev.iamgate.servlet.mapping.RouteDeclaration;
import dev.iamgate.servlet.mapping.RouteKind;
import dev.iamgate.servlet.mapping.RouteMatch;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** How annotations become route declarations. */
class AnnotatedRoutesTest {

    private static final String USER = "arn:aws:iam::${account}:user/{user}";

    @IamRoutes(path = "/api/users/{user}/access-keys")
    @SuppressWarnings("serial")
    static class AccessKeysServlet extends HttpServlet {

        @Override
        @IamAction(value = "iam:ListAccessKeys", resource = USER)
        protected void doGet(HttpServletRequest request, HttpServletResponse response) {}

        @Override
        @IamAction(value = "iam:CreateAccessKey", resource = USER, context = "iam:TargetUser={user}")
        protected void doPost(HttpServletRequest request, HttpServletResponse response) {}

        @Override
        @IamAction(value = "iam:UpdateAccessKey", method = "PATCH", path = "/{id}", resource = USER)
        @IamAction(value = "iam:UpdateAccessKey", method = "POST", path = "/{id}/update", resource = USER)
        protected void service(HttpServletRequest request, HttpServletResponse response) {}

        @Override
        @IamAction(value = "iam:DeleteAccessKey", method = "DELETE", path = "/{id}", resource = USER)
        protected void doDelete(HttpServletRequest request, HttpServletResponse response) {}

        /** Not a route: no annotation. */
        protected void helper() {}
    }

    @IamAction(value = "iam:ListUsers", method = "GET", path = "/api/users", resource = "*")
    @IamAction(value = "iam:CreateUser", method = "POST", path = "/api/users", resource = "*")
    @PublicRoute(path = "/api/users/help", methods = {"GET", "HEAD"})
    @SuppressWarnings("serial")
    static class UsersServlet extends HttpServlet {}

    @SuppressWarnings("serial")
    static class LoginServlet extends HttpServlet {
        @Override
        @PublicRoute(path = "/api/login")
        @PublicRoute(path = "/api/login/mfa")
        protected void doPost(HttpServletRequest request, HttpServletResponse response) {}
    }

    @SuppressWarnings("serial")
    static class SessionTokenServlet extends HttpServlet {
        @Override
        @AuthenticatedOnly(path = "/api/sts/session-token")
        protected void doPost(HttpServletRequest request, HttpServletResponse response) {}
    }

    @Test
    void javaMethodNameGivesTheHttpMethodAndPrefixJoinsThePath() {
        List<RouteDeclaration> routes = AnnotatedRoutes.read(AccessKeysServlet.class);

        assertThat(routes).extracting(RouteDeclaration::describe, RouteDeclaration::action).containsExactly(
                tuple("DELETE /api/users/{user}/access-keys/{id}", "iam:DeleteAccessKey"),
                tuple("GET /api/users/{user}/access-keys", "iam:ListAccessKeys"),
                tuple("POST /api/users/{user}/access-keys", "iam:CreateAccessKey"),
                tuple("PATCH /api/users/{user}/access-keys/{id}", "iam:UpdateAccessKey"),
                tuple("POST /api/users/{user}/access-keys/{id}/update", "iam:UpdateAccessKey"));
    }

    @Test
    void sourceNamesTheAnnotationAndTheMethod() {
        RouteDeclaration get = AnnotatedRoutes.read(AccessKeysServlet.class).get(1);

        assertThat(get.source()).isEqualTo("@IamAction(\"iam:ListAccessKeys\") on " + AccessKeysServlet.class.getName() + ".doGet");
        assertThat(AnnotatedRoutes.read(UsersServlet.class).get(0).source())
                .isEqualTo("@IamAction(\"iam:ListUsers\") on " + UsersServlet.class.getName());
    }

    @Test
    void contextEntriesAreKeyEqualsTemplate() {
        RouteDeclaration post = AnnotatedRoutes.read(AccessKeysServlet.class).get(2);

        assertThat(post.context()).isEqualTo(Map.of("iam:TargetUser", "{user}"));
    }

    @Test
    void classLevelAnnotationsNameTheirMethods() {
        assertThat(AnnotatedRoutes.read(UsersServlet.class)).extracting(RouteDeclaration::describe, RouteDeclaration::kind)
                .containsExactly(
                        tuple("GET /api/users", RouteKind.POLICY_PROTECTED),
                        tuple("POST /api/users", RouteKind.POLICY_PROTECTED),
                        tuple("GET,HEAD /api/users/help", RouteKind.PUBLIC));
    }

    @Test
    void annotatedClassesBuildAWorkingTable() {
        RouteTable table = RouteTable.builder(Routes.ACCOUNT)
                .annotatedClasses(List.of(AccessKeysServlet.class, UsersServlet.class, LoginServlet.class,
                        SessionTokenServlet.class))
                .build();

        RouteMatch update = table.match("PATCH", "/api/users/alice/access-keys/AKIA123").orElseThrow();
        assertThat(update.action()).isEqualTo("iam:UpdateAccessKey");
        assertThat(update.resource()).isEqualTo("arn:aws:iam::123456789012:user/alice");
        assertThat(table.match("POST", "/api/users/bob/access-keys").orElseThrow().contextKeys())
                .isEqualTo(Map.of("iam:TargetUser", "bob"));
        assertThat(table.match("POST", "/api/login/mfa")).map(RouteMatch::kind).contains(RouteKind.PUBLIC);
        assertThat(table.match("POST", "/api/sts/session-token")).map(RouteMatch::kind)
                .contains(RouteKind.AUTHENTICATED_ONLY);
        assertThat(table.match("HEAD", "/api/users/help")).isPresent();
        assertThat(table.match("HEAD", "/api/users")).isEmpty();
    }

    @SuppressWarnings("serial")
    static class ContradictingServlet extends HttpServlet {
        @Override
        @IamAction(value = "iam:GetUser", method = "HEAD", path = "/u/{user}", resource = USER)
        protected void doGet(HttpServletRequest request, HttpServletResponse response) {}
    }

    @Test
    void explicitMethodMustNotContradictTheJavaMethod() {
        assertThatThrownBy(() -> AnnotatedRoutes.read(ContradictingServlet.class))
                .isInstanceOf(InvalidRouteException.class)
                .hasMessageContaining(".doGet: doGet() handles GET, but the annotation says HEAD");
    }

    @SuppressWarnings("serial")
    static class ServiceWithoutMethod extends HttpServlet {
        @Override
        @IamAction(value = "iam:UpdateAccessKey", path = "/k/{id}", resource = "*")
        protected void service(HttpServletRequest request, HttpServletResponse response) {}
    }

    @IamAction(value = "iam:ListUsers", path = "/api/users", resource = "*")
    static class ClassWithoutMethod {}

    @Test
    void methodIsRequiredWhereTheJavaMethodDoesNotImplyOne() {
        assertThatThrownBy(() -> AnnotatedRoutes.read(ServiceWithoutMethod.class))
                .isInstanceOf(InvalidRouteException.class)
                .hasMessageContaining("name the HTTP method with method = …")
                .hasMessageContaining("not a declaration on service()");
        assertThatThrownBy(() -> AnnotatedRoutes.read(ClassWithoutMethod.class))
                .isInstanceOf(InvalidRouteException.class)
                .hasMessageContaining("not a declaration on a class");
    }

    @PublicRoute(methods = "GET")
    static class NoPath {}

    @IamRoutes(path = "/api")
    static class RelativePath {
        @PublicRoute(path = "login", methods = "POST")
        void login() {}
    }

    @Test
    void pathIsRequiredAndJoinedVerbatim() {
        assertThatThrownBy(() -> AnnotatedRoutes.read(NoPath.class))
                .isInstanceOf(InvalidRouteException.class)
                .hasMessageContaining("no path");
        assertThatThrownBy(() -> AnnotatedRoutes.read(RelativePath.class))
                .isInstanceOf(InvalidRouteException.class)
                .hasMessageContaining("path \"login\" must start with \"/\"");
    }

    @IamRoutes(path = "/api/account/summary")
    @SuppressWarnings("serial")
    static class PrefixOnly extends HttpServlet {
        @Override
        @IamAction(value = "iam:GetAccountSummary", resource = "*")
        protected void doGet(HttpServletRequest request, HttpServletResponse response) {}
    }

    @Test
    void routeWithoutItsOwnPathGetsThePrefix() {
        assertThat(AnnotatedRoutes.read(PrefixOnly.class)).extracting(RouteDeclaration::describe)
                .containsExactly("GET /api/account/summary");
    }

    @IamRoutes
    static class MarkedButEmpty {}

    @Test
    void markedClassMustDeclareARoute() {
        assertThatThrownBy(() -> AnnotatedRoutes.read(MarkedButEmpty.class))
                .isInstanceOf(InvalidRouteException.class)
                .hasMessageContaining("the class declares no route");
    }

    @Test
    void unannotatedClassDeclaresNothing() {
        assertThat(AnnotatedRoutes.read(HttpServlet.class)).isEmpty();
    }

    @SuppressWarnings("serial")
    static class SubclassOfAnnotated extends UsersServlet {}

    @Test
    void annotationsAreNotInherited() {
        assertThat(AnnotatedRoutes.read(SubclassOfAnnotated.class)).isEmpty();
    }

    @Test
    void classesAreReadOnceInNameOrder() {
        List<RouteDeclaration> routes = AnnotatedRoutes.read(List.of(UsersServlet.class, LoginServlet.class, UsersServlet.class));

        assertThat(routes).extracting(RouteDeclaration::describe).containsExactly(
                "POST /api/login", "POST /api/login/mfa", "GET /api/users", "POST /api/users", "GET,HEAD /api/users/help");
        assertThat(routes.get(0).methods()).isEqualTo(Set.of("POST"));
    }
}
