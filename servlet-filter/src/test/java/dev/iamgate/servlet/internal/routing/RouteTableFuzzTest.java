package dev.iamgate.servlet.internal.routing;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.iamgate.servlet.internal.firewall.FirewallResult;
import dev.iamgate.servlet.internal.firewall.PathFirewall;
import dev.iamgate.servlet.mapping.RouteDeclaration;
import dev.iamgate.servlet.mapping.RouteKind;
import dev.iamgate.servlet.mapping.RouteMatch;
import dev.iamgate.testing.CallBudget;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Fuzzes the mapping of a request to its action and resource: {@link RouteTable#match} over the
 * example app's whole API (its mapping file) plus a public {@code /public/**}, with arbitrary
 * methods and paths, given both as they come and as the strict {@link PathFirewall} passes them on.
 *
 * <p>Input, as readable text: the method, a line feed, the path (UTF-8).
 *
 * <p>Properties: a lookup takes under 100 ms, never throws and answers the same twice; what the
 * filter reads of the route ({@link RouteTable#route}) is what the match says; a match
 * comes from a route declared for that method whose template, filled in with the bound path
 * variables, is the path itself; every bound value is an IAM name (a catch-all's, names separated
 * by {@code /}); and a policy-protected match's resource is exactly the route's resource template
 * with the account and the bound values put in, so a path can never smuggle ARN syntax
 * ({@code :}, {@code *}, {@code ?}, {@code ${…}}) into the resource a policy is checked against.
 */
class RouteTableFuzzTest {

    private static final String ACCOUNT = "123456789012";
    private static final RouteTable TABLE;
    private static final Map<String, RouteDeclaration> BY_SOURCE;

    static {
        try (InputStream in = Objects.requireNonNull(
                RouteTableFuzzTest.class.getResourceAsStream("/routing/example-app-routes.json"))) {
            TABLE = RouteTable.builder(ACCOUNT)
                    .addAll(MappingFileReader.read(new String(in.readAllBytes(), StandardCharsets.UTF_8), "routes.json"))
                    .publicPath("/public/**")
                    .build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        BY_SOURCE = TABLE.declarations().stream().collect(Collectors.toMap(RouteDeclaration::source, Function.identity()));
    }

    @FuzzTest
    void aRequestMapsOnlyToTheRouteItsPathSpellsOut(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        int newline = text.indexOf('\n');
        String method = newline < 0 ? "GET" : text.substring(0, newline);
        String path = newline < 0 ? text : text.substring(newline + 1);

        check(method, path);
        if (PathFirewall.strict().inspect(path, "") instanceof FirewallResult.Accepted accepted) {
            check(method, accepted.path());
        }
    }

    private static void check(String method, String path) {
        String what = method + " " + path;
        Optional<RouteMatch> found = CallBudget.within("matching " + what, () -> TABLE.match(method, path));
        assertThat(TABLE.match(method, path)).as(what).isEqualTo(found);
        CompiledRoute route = TABLE.route(method, path);
        if (found.isEmpty()) {
            assertThat(route).as(what).isNull();
            return;
        }
        RouteMatch match = found.get();
        // what the filter reads of the route, without building the match
        assertThat(route.kind()).as(what).isEqualTo(match.kind());
        assertThat(route.source()).as(what).isEqualTo(match.source());
        assertThat(route.resource(path)).as(what).isEqualTo(match.resource());
        assertThat(route.contextKeys(path)).as(what).isEqualTo(match.contextKeys());
        RouteDeclaration declared = BY_SOURCE.get(match.source());
        assertThat(declared).as("the declaration of %s", what).isNotNull();
        assertThat(declared.methods().isEmpty() || declared.methods().contains(method)).as("%s by %s", what, declared).isTrue();
        match.pathVariables().forEach((name, value) -> assertThat(isIamNames(value, declared.path().contains("{" + name + "...}")))
                .as("%s binds %s=%s", what, name, value).isTrue());
        if (!declared.path().endsWith("/**")) {
            assertThat(fill(declared.path(), match.pathVariables())).as("%s by %s", what, declared).isEqualTo(path);
        } else {
            assertThat(path + "/").as("%s by %s", what, declared).startsWith(declared.path().substring(0, declared.path().length() - 2));
        }
        if (match.kind() == RouteKind.POLICY_PROTECTED) {
            assertThat(match.action()).as(what).isEqualTo(declared.action());
            assertThat(route.actionName().name()).as(what).isEqualTo(declared.action());
            String expected = fill(declared.resource().replace("${account}", ACCOUNT), match.pathVariables());
            assertThat(match.resource()).as("resource of %s", what).isEqualTo(expected);
        }
    }

    /** The template with each {@code {name}} and {@code {name...}} replaced by its value. */
    private static String fill(String template, Map<String, String> values) {
        String filled = template;
        for (Map.Entry<String, String> entry : values.entrySet()) {
            filled = filled.replace("{" + entry.getKey() + "...}", entry.getValue())
                    .replace("{" + entry.getKey() + "}", entry.getValue());
        }
        return filled;
    }

    /** Non-empty IAM names ({@code [A-Za-z0-9_+=,.@-]}, not a dot segment), several only with slashes allowed. */
    private static boolean isIamNames(String value, boolean slashes) {
        for (String name : value.split("/", -1)) {
            if (name.isEmpty() || name.equals(".") || name.equals("..")
                    || !name.chars().allMatch(c -> c < 128 && (Character.isLetterOrDigit(c) || "_+=,.@-".indexOf(c) >= 0))) {
                return false;
            }
        }
        return slashes || value.indexOf('/') < 0;
    }
}
