package dev.iamgate.eval;

import dev.iamgate.internal.RequestKeys;
import dev.iamgate.internal.compile.CompiledLayer;
import dev.iamgate.internal.compile.CompiledStatement;
import dev.iamgate.internal.compile.PrincipalMatch;
import java.util.List;

/**
 * AWS's policy evaluation logic over compiled layers: an explicit deny anywhere wins; then every
 * SCP and RCP level must allow; then a resource-based policy may grant on its own, depending on
 * how it names the caller; otherwise identity policies must allow, within the permissions
 * boundary and session policy. Cross-account requests need both sides to allow.
 */
final class DecisionLogic {

    private final CompiledLayer identity;
    private final CompiledLayer resource;
    private final CompiledLayer boundary;
    private final CompiledLayer session;
    // Arrays, walked by index: a decision must not allocate, and the lists' iterators were not
    // always scalar-replaced (an implicit deny of the seed policy allocated 96 B in them).
    private final CompiledLayer[] serviceControlLevels;
    private final CompiledLayer[] resourceControlLevels;
    /** Every layer in the order explanations list them. */
    private final List<CompiledLayer> allLayers;
    private final CompiledLayer[] allLayerArray;

    DecisionLogic(CompiledLayer identity, CompiledLayer resource, CompiledLayer boundary, CompiledLayer session,
            List<CompiledLayer> serviceControlLevels, List<CompiledLayer> resourceControlLevels, List<CompiledLayer> allLayers) {
        this.identity = identity;
        this.resource = resource;
        this.boundary = boundary;
        this.session = session;
        this.serviceControlLevels = serviceControlLevels.toArray(CompiledLayer[]::new);
        this.resourceControlLevels = resourceControlLevels.toArray(CompiledLayer[]::new);
        this.allLayers = allLayers;
        this.allLayerArray = allLayers.toArray(CompiledLayer[]::new);
    }

    List<CompiledLayer> layers() {
        return allLayers;
    }

    Decision decide(RequestContext request) {
        String action = request.lowerAction();
        String service = request.lowerService();
        String target = request.resource();
        String caller = request.principal();
        RequestKeys keys = request.requestKeys();
        boolean hasBoundary = !boundary.isEmpty();

        for (CompiledLayer layer : allLayerArray) {
            CompiledStatement deny = layer.deny(action, service, target, caller, keys, hasBoundary);
            if (deny != null) {
                return deny.decision();
            }
        }
        for (CompiledLayer level : serviceControlLevels) {
            if (level.allow(action, service, target, caller, keys) == null) {
                return Decision.implicitDeny(PolicyType.SERVICE_CONTROL);
            }
        }
        for (CompiledLayer level : resourceControlLevels) {
            if (level.allow(action, service, target, caller, keys) == null) {
                return Decision.implicitDeny(PolicyType.RESOURCE_CONTROL);
            }
        }

        CompiledStatement grant = resource.isEmpty() ? null : resource.allow(action, service, target, caller, keys);
        PrincipalMatch strength = resource.strength(grant, caller);
        boolean boundaryAllows = !hasBoundary || boundary.allow(action, service, target, caller, keys) != null;
        boolean sessionAllows = session.isEmpty() || session.allow(action, service, target, caller, keys) != null;

        if (!Accounts.same(caller, target)) {
            // Both accounts must agree: the caller's own policies, and the resource's policy naming it.
            if (grant == null) {
                return Decision.implicitDeny(PolicyType.RESOURCE);
            }
            return withinLimits(boundaryAllows, sessionAllows, identity.allow(action, service, target, caller, keys));
        }
        if (strength == PrincipalMatch.DIRECT) {
            // Naming the caller itself grants regardless of the caller's own policies and boundary.
            return grant.decision();
        }
        if (strength == PrincipalMatch.SESSION_ROLE || strength == PrincipalMatch.SESSION_USER) {
            return withinLimits(boundaryAllows, sessionAllows, grant);
        }
        return withinLimits(boundaryAllows, sessionAllows, identity.allow(action, service, target, caller, keys));
    }

    /** In the User Guide's order: the grant, then the permissions boundary, then the session policy. */
    private static Decision withinLimits(boolean boundaryAllows, boolean sessionAllows, CompiledStatement grant) {
        if (grant == null) {
            return Decision.implicitDeny(PolicyType.IDENTITY);
        }
        if (!boundaryAllows) {
            return Decision.implicitDeny(PolicyType.PERMISSIONS_BOUNDARY);
        }
        if (!sessionAllows) {
            return Decision.implicitDeny(PolicyType.SESSION);
        }
        return grant.decision();
    }
}
