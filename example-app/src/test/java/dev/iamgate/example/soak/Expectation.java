package dev.iamgate.example.soak;

import dev.iamgate.example.soak.SeedOracle.Principal;
import dev.iamgate.example.soak.SeedOracle.Verdict;
import java.util.List;

/**
 * What one request must get, known before it is sent: the answer, and the decision-log line the
 * iamgate filter writes for it ({@link #logKey}, empty when the request never reaches the filter).
 */
sealed interface Expectation {

    /** The kind of request, for the counts. */
    Category category();

    /** The decision-log line's identity (outcome, principal, method and action or path), or "" for none. */
    String logKey(String method, String path);

    /**
     * The lines of the dispatches the container makes for the request (a forward to a welcome
     * file), which the filter decides and logs each on its own; none by default.
     */
    default List<String> dispatchLogKeys(String method) {
        return List.of();
    }

    /**
     * A policy-protected route: the filter decides {@code verdict}; an allowed request then gets
     * {@code appStatus} (and {@code appCode}, "" for a success) from the app. {@code malformed}
     * marks a request whose body the app must refuse.
     */
    record Decided(Principal caller, Verdict verdict, String action, String resource, int appStatus, String appCode,
            boolean malformed) implements Expectation {

        /** A well-formed request: 2xx, or the app's refusal {@code appCode}, once the policy allows it. */
        static Decided of(Principal caller, String action, String resource, int appStatus, String appCode) {
            return new Decided(caller, SeedOracle.decide(caller, action, resource), action, resource, appStatus, appCode,
                    false);
        }

        /** A request the policy allows and the app refuses for its body. */
        static Decided malformed(Principal caller, String action, String resource, int appStatus, String appCode) {
            return new Decided(caller, SeedOracle.decide(caller, action, resource), action, resource, appStatus, appCode,
                    true);
        }

        @Override
        public Category category() {
            if (verdict != Verdict.ALLOW) {
                return Category.DENIED;
            }
            return malformed ? Category.MALFORMED : Category.ALLOWED;
        }

        @Override
        public String logKey(String method, String path) {
            return String.join("|", verdict.wireName, caller.arn(), method, action, resource);
        }

        /** The AccessDenied message as AWS words it. */
        String denialMessage() {
            String because = verdict == Verdict.EXPLICIT_DENY ? "with an explicit deny in an identity-based policy"
                    : "because no identity-based policy allows the " + action + " action";
            return "User: " + caller.arn() + " is not authorized to perform: " + action + " on resource: " + resource
                    + " " + because;
        }
    }

    /** An authenticated-only route: the filter passes any caller, the app answers {@code appStatus}. */
    record Authenticated(Principal caller, int appStatus) implements Expectation {
        @Override
        public Category category() {
            return Category.ALLOWED;
        }

        @Override
        public String logKey(String method, String path) {
            return String.join("|", "Authenticated", caller.arn(), method, path);
        }
    }

    /** A signed-in request no route maps: 403, the filter denies what it cannot name. */
    record Unmapped(Principal caller) implements Expectation {
        @Override
        public Category category() {
            return Category.DENIED;
        }

        @Override
        public String logKey(String method, String path) {
            return String.join("|", "Unmapped", caller.arn(), method, path);
        }

        String denialMessage(String method, String path) {
            return "User: " + caller.arn() + " is not authorized to perform: " + method + " " + path
                    + " because no route maps this request";
        }
    }

    /** A protected route without a caller: 401 NotAuthenticated. */
    record NotAuthenticated() implements Expectation {
        @Override
        public Category category() {
            return Category.UNAUTHENTICATED;
        }

        @Override
        public String logKey(String method, String path) {
            return String.join("|", "NotAuthenticated", "", method, path);
        }
    }

    /**
     * A public route (sign-in, the page): {@code status}, whoever asks; {@code forwardedTo} is the
     * public path the container forwards the request to ("" for none).
     */
    record Public(int status, String forwardedTo) implements Expectation {

        Public(int status) {
            this(status, "");
        }

        @Override
        public List<String> dispatchLogKeys(String method) {
            return forwardedTo.isEmpty() ? List.of() : List.of(logKey(method, forwardedTo));
        }

        @Override
        public Category category() {
            return Category.PUBLIC;
        }

        @Override
        public String logKey(String method, String path) {
            return String.join("|", "Public", "", method, path);
        }
    }

    /**
     * A path the filter's firewall (or the container before it) must refuse: 400. The line exists
     * only when the filter answered (its JSON {@code InvalidRequest}); it names the violation, not the path.
     */
    record RejectedPath() implements Expectation {
        @Override
        public Category category() {
            return Category.MALFORMED;
        }

        @Override
        public String logKey(String method, String path) {
            return String.join("|", "RejectedPath", "", method);
        }
    }

    /** Refused by one of the app's own filters in front of iamgate (CSRF): never reaches the filter. */
    record RefusedBeforeTheFilter(int status, String code) implements Expectation {
        @Override
        public Category category() {
            return Category.MALFORMED;
        }

        @Override
        public String logKey(String method, String path) {
            return "";
        }
    }

    /** The kinds of request the soak mixes. */
    enum Category { ALLOWED, DENIED, MALFORMED, UNAUTHENTICATED, PUBLIC }
}
