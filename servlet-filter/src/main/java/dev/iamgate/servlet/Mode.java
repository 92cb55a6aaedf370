package dev.iamgate.servlet;

/** How the filter acts on its decisions. */
public enum Mode {
    /** Denied requests are answered 401/403 and never reach the servlet. */
    ENFORCE,
    /** Would-be denials are logged and the request proceeds: for rolling policies out. */
    REPORT_ONLY
}
