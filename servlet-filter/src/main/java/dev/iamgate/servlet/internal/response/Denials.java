package dev.iamgate.servlet.internal.response;

import dev.iamgate.eval.Decision;
import dev.iamgate.eval.Outcome;
import dev.iamgate.servlet.Denial;

/** The filter's refusals, worded as AWS words them. */
public final class Denials {

    private Denials() {}

    /** 403 for a request the policies do not allow. */
    public static Denial accessDenied(String principalArn, String action, String resource, Decision decision) {
        String kind = decision.decidingType().description();
        String because = decision.outcome() == Outcome.EXPLICIT_DENY
                ? "with an explicit deny in " + article(kind) + " " + kind
                : "because no " + kind + " allows the " + action + " action";
        return new Denial(403, "AccessDenied", "User: " + principalArn + " is not authorized to perform: " + action
                + " on resource: " + resource + " " + because);
    }

    /** 403 for a request that no route maps: the filter denies what it cannot name. */
    public static Denial unmapped(String principalArn, String method, String path) {
        return new Denial(403, "AccessDenied", "User: " + principalArn + " is not authorized to perform: " + method + " "
                + path + " because no route maps this request");
    }

    /** 401 for a request without a recognised caller. */
    public static Denial notAuthenticated() {
        return new Denial(401, "NotAuthenticated", "The request is not signed in: sign in or send valid credentials");
    }

    /** 400 for a request path the firewall refuses. */
    public static Denial rejectedPath(String violation) {
        return new Denial(400, "InvalidRequest", "The request path is not allowed: " + violation);
    }

    private static String article(String noun) {
        return "aeiou".indexOf(noun.charAt(0)) >= 0 ? "an" : "a";
    }
}
