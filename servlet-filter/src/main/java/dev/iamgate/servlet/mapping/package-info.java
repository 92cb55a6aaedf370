/**
 * How requests map to IAM actions and resources: the annotations, the mapping model and the
 * rules every route follows, wherever it is declared.
 *
 * <h2>Three kinds of route</h2>
 * <ul>
 *   <li>{@link dev.iamgate.servlet.mapping.IamAction @IamAction}: policy-protected (the default);
 *       the caller's policies must allow the action on the resource.
 *   <li>{@link dev.iamgate.servlet.mapping.AuthenticatedOnly @AuthenticatedOnly}: a caller is
 *       required, no policy decides.
 *   <li>{@link dev.iamgate.servlet.mapping.PublicRoute @PublicRoute}: anyone.
 * </ul>
 * A request that matches no route is denied: the filter fails closed.
 *
 * <h2>Where routes come from</h2>
 * Annotations on servlet classes and their methods, found at start-up (never per request); a JSON
 * mapping file, for servlets the application cannot annotate and for static content:
 * <pre>{@code
 * {"routes": [
 *   {"method": "GET", "path": "/api/account/summary", "action": "iam:GetAccountSummary", "resource": "*"},
 *   {"method": "POST", "path": "/api/users/{user}/access-keys", "action": "iam:CreateAccessKey",
 *    "resource": "arn:aws:iam::${account}:user/{user}", "context": {"iam:TargetUser": "{user}"}},
 *   {"method": "POST", "path": "/api/sts/session-token", "kind": "authenticated-only"},
 *   {"methods": ["GET", "HEAD"], "path": "/assets/{file...}", "kind": "public"}
 * ]}
 * }</pre>
 * ({@code kind} is {@code policy-protected} when absent, {@code authenticated-only} or
 * {@code public}; give {@code method} or {@code methods}, not both; unknown fields are errors);
 * and the configuration's list of public path patterns, which apply to every HTTP method.
 *
 * <h2>Path templates</h2>
 * A template starts with {@code /} and is a sequence of segments; {@code /} alone is the root.
 * <ul>
 *   <li>A literal segment matches exactly that text, case-sensitively, in the decoded path.
 *   <li>{@code {name}} matches exactly one non-empty segment and binds it to {@code name}.
 *   <li>{@code {name...}} as the last segment matches the rest of the path, one or more
 *       non-empty segments, and binds it (slashes included); {@code **} does the same without a
 *       name.
 * </ul>
 * Templates never end with {@code /} (except the root), so {@code /api/users/} matches no
 * template of {@code /api/users}: a trailing slash is a different path, and unmapped.
 *
 * <p>A bound value must look like an IAM name: only {@code A-Z a-z 0-9 _ + = , . @ -} (and
 * {@code /} between the segments of a catch-all). A value with any other character makes the
 * route <em>not match</em>, so the request falls to a less specific route or, usually, to none,
 * and is denied. Why: the value goes verbatim into the request's resource ARN and context keys. A
 * {@code *} or {@code ?} there is literal text to IAM and could not widen a grant, but a value
 * that cannot name any IAM entity cannot mean anything the policies speak of, and characters such
 * as {@code :}, {@code $} or a full-width solidus only invite confusion in ARNs and logs. Refusing
 * them keeps what policies see obvious. {@code **} binds nothing and only requires non-empty
 * segments. No variable or catch-all ever matches a {@code .} or {@code ..} segment: the
 * firewall rejects them first, and routing does not rely on that.
 *
 * <h2>Resource and context templates</h2>
 * Text with two kinds of placeholder: {@code ${account}}, the account id configured for the
 * filter, and {@code {name}}, the value of the path variable {@code name}. A resource is either
 * exactly {@code *} or an ARN ({@code arn:…}) without {@code *} or {@code ?}: a request acts on one
 * resource. Context keys must not be in the {@code aws:} namespace, which the filter fills.
 *
 * <h2>Which route wins; conflicts</h2>
 * HTTP methods are matched exactly and case-sensitively; in particular {@code HEAD} matches only
 * routes declared for {@code HEAD}, never a {@code GET} route, so every method a client may use is
 * authorized explicitly. As a servlet answers {@code HEAD} by running its {@code GET} handler, a
 * {@code HEAD} request whose path also has a {@code GET} route must pass that route too: it is
 * never let through more loosely than a {@code GET} of the same path. Among the routes of the request's method, the most specific matching one
 * wins, comparing segments from the left: a literal beats a variable, a variable beats a
 * catch-all (as in JAX-RS, {@code /api/users/me} beats {@code /api/users/{user}}). Two
 * declarations for the same method and the same path shape, with variables in the same places
 * whatever their names, are a {@link dev.iamgate.servlet.mapping.RouteConflictException} and stop
 * start-up, as does any broken declaration ({@link
 * dev.iamgate.servlet.mapping.InvalidRouteException}).
 */
package dev.iamgate.servlet.mapping;
