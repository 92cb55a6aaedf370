/**
 * The session MFA contract: how an application signs a user in, records that the user completed
 * multi-factor authentication, and signs out, so that the filter can derive
 * {@code aws:MultiFactorAuthPresent} and {@code aws:MultiFactorAuthAge} the way AWS does for a
 * console session.
 *
 * <pre>{@code
 * // after checking the password
 * IamSessions.signIn(request, IamPrincipal.user("123456789012", "alice", "AIDAEXAMPLE"));
 * // after checking the TOTP code
 * IamSessions.recordMfa(request);
 * // on logout
 * IamSessions.signOut(request);
 * }</pre>
 *
 * <p>Each step that raises privilege rotates the session id, so a session id captured before
 * sign-in or before MFA is worth nothing afterwards (session fixation). The session holds one
 * immutable {@link dev.iamgate.servlet.session.IamSession} attribute and never a password, code or
 * other secret. {@link dev.iamgate.servlet.session.SessionPrincipalResolver} reads it on each
 * request; {@link dev.iamgate.servlet.session.ContainerPrincipalResolver} serves applications that
 * authenticate with the container instead.
 */
package dev.iamgate.servlet.session;
