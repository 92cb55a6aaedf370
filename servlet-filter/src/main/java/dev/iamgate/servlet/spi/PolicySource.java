package dev.iamgate.servlet.spi;

import dev.iamgate.policy.Policy;
import dev.iamgate.servlet.IamPrincipal;
import java.util.List;

/**
 * Where the identity-based policies of callers come from: policies for everyone, per group and
 * per user. The filter compiles and caches what a source returns and asks again when
 * {@link #revision()} changes.
 *
 * <p>Contract for failure: a source that cannot read its store throws
 * {@link PolicySourceException}; the filter then keeps using the last policies it compiled
 * (fail closed: a policy that cannot be read never widens access). A source that reads several
 * documents and finds one broken should keep that document's last good version and report the
 * problem once, naming the document and line.
 */
public interface PolicySource {

    /** The identity policies that apply to a principal: everyone's, its groups', its own. */
    List<Policy> identityPolicies(IamPrincipal principal);

    /**
     * A number that changes whenever what {@link #identityPolicies} returns may have changed.
     * Called often; must be cheap (a volatile read).
     */
    long revision();
}
