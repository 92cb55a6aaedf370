package dev.iamgate.example.war;

import dev.iamgate.policy.Policy;
import dev.iamgate.servlet.IamPrincipal;
import dev.iamgate.servlet.spi.PolicySource;
import java.util.List;

/**
 * The app's JDBC policy source for the {@code IamGateFilter} declared in web.xml, found through
 * {@code WEB-INF/classes/META-INF/services/dev.iamgate.servlet.spi.PolicySource}.
 */
public final class WarPolicySource implements PolicySource {

    @Override
    public List<Policy> identityPolicies(IamPrincipal principal) {
        return WarApp.require().policySource().identityPolicies(principal);
    }

    @Override
    public long revision() {
        return WarApp.require().policySource().revision();
    }
}
