package dev.iamgate.servlet.mapping;

/** How the filter treats a route. */
public enum RouteKind {
    /** The default: a caller is required and the policies must allow the route's action on its resource. */
    POLICY_PROTECTED,
    /** A caller is required but no policy decides (like {@code sts:GetSessionToken}). */
    AUTHENTICATED_ONLY,
    /** Anyone, signed in or not (sign-in pages, static assets). */
    PUBLIC
}
