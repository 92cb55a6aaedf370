package dev.iamgate.eval;

/** The kinds of policy IAM combines when it decides a request. */
public enum PolicyType {
    IDENTITY("identity-based policy"),
    RESOURCE("resource-based policy"),
    PERMISSIONS_BOUNDARY("permissions boundary"),
    SERVICE_CONTROL("service control policy"),
    RESOURCE_CONTROL("resource control policy"),
    SESSION("session policy");

    private final String description;

    PolicyType(String description) {
        this.description = description;
    }

    /** How AWS names this kind of policy in its error messages, e.g. "identity-based policy". */
    public String description() {
        return description;
    }
}
