package dev.iamgate.servlet.internal.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import dev.iamgate.servlet.mapping.RouteKind;
import dev.iamgate.servlet.mapping.RouteMatch;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The filter reads a matched route's parts straight from the {@link CompiledRoute} ({@link
 * RouteTable#route}) instead of building a {@link RouteMatch}: every part it reads must be what
 * the match would say, for routes with and without variables, catch-alls and context values.
 */
class CompiledRouteTest {

    private static final RouteTable TABLE = Routes.table(
            Routes.action("GET", "/api/users", "iam:ListUsers", "*"),
            Routes.action("PATCH", "/api/users/{user}/access-keys/{key}", "iam:UpdateAccessKey",
                    "arn:aws:iam::${account}:user/{user}", Map.of("app:KeyId", "{key}", "app:Owner", "u-{user}")),
            Routes.action("DELETE", "/api/groups/{group}/members/{user}", "iam:RemoveUserFromGroup",
                    "arn:aws:iam::${account}:group/{group}", Map.of("app:Member", "{user}", "app:Fixed", "yes")),
            Routes.action("GET", "/files/{path...}", "s3:GetObject", "arn:aws:s3:::bucket/{path}"),
            Routes.publicRoute("GET", "/assets/**"),
            Routes.authenticated("GET", "/me"));

    @Test
    void theFiltersReadingOfARouteIsWhatItsMatchSays() {
        List<List<String>> requests = List.of(
                List.of("GET", "/api/users"),
                List.of("PATCH", "/api/users/alice/access-keys/AKIA123"),
                List.of("DELETE", "/api/groups/admins/members/bob"),
                List.of("GET", "/files/reports/2026/q4.pdf"),
                List.of("GET", "/assets/site.css"),
                List.of("GET", "/me"));
        for (List<String> request : requests) {
            String method = request.get(0);
            String path = request.get(1);
            RouteMatch match = TABLE.match(method, path).orElseThrow();
            CompiledRoute route = TABLE.route(method, path);

            assertThat(route.kind()).as(path).isEqualTo(match.kind());
            assertThat(route.source()).as(path).isEqualTo(match.source());
            assertThat(route.resource(path)).as(path).isEqualTo(match.resource());
            assertThat(route.contextKeys(path)).as(path).isEqualTo(match.contextKeys());
            if (match.kind() == RouteKind.POLICY_PROTECTED) {
                assertThat(route.actionName().name()).as(path).isEqualTo(match.action());
            }
        }
    }

    @Test
    void boundValuesAreFilledIntoTheResourceAndTheContext() {
        String path = "/api/users/alice/access-keys/AKIA123";
        CompiledRoute route = TABLE.route("PATCH", path);

        assertThat(route.resource(path)).isEqualTo("arn:aws:iam::123456789012:user/alice");
        assertThat(route.contextKeys(path)).containsExactlyInAnyOrderEntriesOf(
                Map.of("app:KeyId", "AKIA123", "app:Owner", "u-alice"));
        assertThat(TABLE.route("GET", "/files/a/b.txt").resource("/files/a/b.txt")).isEqualTo("arn:aws:s3:::bucket/a/b.txt");
    }

    @Test
    void aRouteWithoutPolicyHasNoActionNoResourceAndNoContext() {
        for (String path : List.of("/assets/site.css", "/me")) {
            CompiledRoute route = TABLE.route("GET", path);

            assertThat(route.resource(path)).isEmpty();
            assertThat(route.contextKeys(path)).isEmpty();
            assertThatIllegalStateException().isThrownBy(route::actionName);
        }
    }

    @Test
    void noRouteIsNull() {
        assertThat(TABLE.route("GET", "/nowhere")).isNull();
        assertThat(TABLE.route("POST", "/api/users")).isNull();
        assertThat(TABLE.route("GET", "relative")).isNull();
        assertThat(TABLE.route("GET", "")).isNull();
    }
}
