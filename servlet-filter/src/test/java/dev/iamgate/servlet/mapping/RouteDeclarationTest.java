package dev.iamgate.servlet.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The mapping model: immutable declarations, and messages that name where routes come from. */
class RouteDeclarationTest {

    @Test
    void declarationCopiesWhatItIsGiven() {
        List<String> methods = new ArrayList<>(List.of("GET", "HEAD"));
        Map<String, String> context = new LinkedHashMap<>(Map.of("iam:TargetUser", "{user}"));
        RouteDeclaration declaration = RouteDeclaration.policyProtected(
                methods, "/api/users/{user}", "iam:GetUser", "arn:aws:iam::${account}:user/{user}", context, "here");
        methods.add("POST");
        context.clear();

        assertThat(declaration.methods()).containsExactly("GET", "HEAD");
        assertThat(declaration.context()).containsEntry("iam:TargetUser", "{user}");
        assertThatThrownBy(() -> declaration.methods().add("PUT")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void nonPolicyRoutesCarryNoActionResourceOrContext() {
        RouteDeclaration login = RouteDeclaration.publicRoute(List.of("POST"), "/api/login", "here");
        RouteDeclaration token = RouteDeclaration.authenticatedOnly(List.of("POST"), "/api/sts/session-token", "there");

        assertThat(login.kind()).isEqualTo(RouteKind.PUBLIC);
        assertThat(token.kind()).isEqualTo(RouteKind.AUTHENTICATED_ONLY);
        assertThat(List.of(login, token)).allSatisfy(route -> {
            assertThat(route.action()).isEmpty();
            assertThat(route.resource()).isEmpty();
            assertThat(route.context()).isEmpty();
        });
    }

    @Test
    void describeShowsMethodsAndPath() {
        assertThat(RouteDeclaration.publicRoute(List.of("GET", "HEAD"), "/assets/**", "s").describe())
                .isEqualTo("GET,HEAD /assets/**");
        assertThat(RouteDeclaration.publicRoute(Set.of(), "/health", "s").describe()).isEqualTo("every method /health");
    }

    @Test
    void nullsAreRejected() {
        List<String> withNull = new ArrayList<>();
        withNull.add(null);

        assertThatThrownBy(() -> RouteDeclaration.publicRoute(withNull, "/x", "s")).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> RouteDeclaration.publicRoute(List.of("GET"), null, "s"))
                .isInstanceOf(NullPointerException.class);
    }

    @Test
    void invalidRouteMessageStartsWithWhere() {
        InvalidRouteException e = new InvalidRouteException("routes.json:3:7", "unknown field \"acton\"");

        assertThat(e).hasMessage("routes.json:3:7: unknown field \"acton\"");
        assertThat(e.source()).isEqualTo("routes.json:3:7");
        assertThat(e.problem()).isEqualTo("unknown field \"acton\"");
        assertThat(e).isInstanceOf(RouteMappingException.class);
    }

    @Test
    void conflictMessageNamesBothDeclarations() {
        RouteDeclaration first = RouteDeclaration.publicRoute(List.of("GET"), "/p/{a}", "@PublicRoute on A.doGet");
        RouteDeclaration second = RouteDeclaration.publicRoute(List.of("GET"), "/p/{b}", "routes.json:4:5");

        RouteConflictException e = new RouteConflictException("GET", first, second);

        assertThat(e).hasMessageContaining("@PublicRoute on A.doGet (GET /p/{a})")
                .hasMessageContaining("routes.json:4:5 (GET /p/{b})");
        assertThat(e).isInstanceOf(RouteMappingException.class);
    }
}
