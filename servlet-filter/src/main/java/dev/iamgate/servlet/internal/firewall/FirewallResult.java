package dev.iamgate.servlet.internal.firewall;

import java.util.Objects;

/** What {@link PathFirewall#inspect} decided: the path to route on, or why there is none. */
public sealed interface FirewallResult permits FirewallResult.Accepted, FirewallResult.Rejected {

    /**
     * The request may proceed.
     *
     * @param path the decoded, context-relative path the container dispatches, starting with
     *     {@code /}, e.g. {@code /api/users/alice/access-keys}; the bare context root is {@code /}
     */
    record Accepted(String path) implements FirewallResult {
        public Accepted {
            Objects.requireNonNull(path, "path");
        }
    }

    /**
     * The request must be answered 400 before any mapping.
     *
     * @param violation the rule the path broke (the first one, reading from the left)
     * @param detail where and what, in printable ASCII only (safe to log), e.g.
     *     {@code "%2f at offset 10"}
     */
    record Rejected(PathViolation violation, String detail) implements FirewallResult {
        public Rejected {
            Objects.requireNonNull(violation, "violation");
            Objects.requireNonNull(detail, "detail");
        }
    }
}
