package dev.iamgate.bench.http;

/**
 * The three ways the harness serves the same trivial servlet: what issue 6 compares.
 */
public enum ServerMode {
    /** The servlet alone; it reads neither the session nor anything of iamgate. */
    BARE,
    /** The servlet alone, reading the signed-in session itself, as any signed-in application does. */
    SESSION,
    /** The servlet behind the iamgate filter (seed policy, signed-in MFA session); it asks iamgate who calls. */
    FILTER
}
