package dev.iamgate.eval;

import dev.iamgate.internal.RequestKeys;
import dev.iamgate.internal.compile.CompiledLayer;
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
    private final List<CompiledLayer> serviceControlLevels;
    private final List<CompiledLayer> resourceControlLevels;
    /** Every layer in the order explanations list them. */
    private final List<CompiledLayer> allLayers;

    DecisionLogic(CompiledLayer identity, CompiledLayer resource, CompiledLayer boundary, CompiledLayer session,
            List<CompiledLayer> serviceControlLevels, List<CompiledLayer> resourceControlLevels, List<CompiledLayer> allLayers) {
        this.identity = identity;
        this.resource = resource;
        this.boundary = boundary;
        this.session = session;
        this.serviceControlLevels = serviceControlLevels;
        this.resourceControlLevels = resourceControlLevels;
        this.allLayers = allLayers;
    }

    List<CompiledLayer> layers() {
        return allLayers;
    }

    Verdict decide(RequestContext request) {
        String action = request.lowerAction();
        String service = request.lowerService();
        String target = request.resource();
        String caller = request.principal();
        RequestKeys keys = request.requestKeys();
        boolean hasBoundary = !boundary.isEmpty();

        for (CompiledLayer layer : allLayers) {
            if (layer.denies(action, service, target, caller, keys, hasBoundary)) {
                return Verdict.of(Outcome.EXPLICIT_DENY, layer.type());
            }
        }
        for (CompiledLayer level : serviceControlLevels) {
            if (level.allows(action, service, target, caller, keys) == PrincipalMatch.NONE) {
                return Verdict.of(Outcome.IMPLICIT_DENY, PolicyType.SERVICE_CONTROL);
            }
        }
        for (CompiledLayer level : resourceControlLevels) {
            if (level.allows(action, service, target, caller, keys) == PrincipalMatch.NONE) {
                return Verdict.of(Outcome.IMPLICIT_DENY, PolicyType.RESOURCE_CONTROL);
            }
        }

        PrincipalMatch grant = resource.isEmpty() ? PrincipalMatch.NONE : resource.allows(action, service, target, caller, keys);
        boolean boundaryAllows = !hasBoundary || boundary.allows(action, service, target, caller, keys) != PrincipalMatch.NONE;
        boolean sessionAllows = session.isEmpty() || session.allows(action, service, target, caller, keys) != PrincipalMatch.NONE;

        if (!Accounts.same(caller, target)) {
            // Both accounts must agree: the caller's own policies, and the resource's policy naming it.
            if (grant == PrincipalMatch.NONE) {
                return Verdict.of(Outcome.IMPLICIT_DENY, PolicyType.RESOURCE);
            }
            return withinLimits(boundaryAllows, sessionAllows, identityAllows(request), PolicyType.IDENTITY);
        }
        if (grant == PrincipalMatch.DIRECT) {
            // Naming the caller itself grants regardless of the caller's own policies and boundary.
            return Verdict.of(Outcome.ALLOW, PolicyType.RESOURCE);
        }
        if (grant == PrincipalMatch.SESSION_ROLE || grant == PrincipalMatch.SESSION_USER) {
            return withinLimits(boundaryAllows, sessionAllows, true, PolicyType.RESOURCE);
        }
        return withinLimits(boundaryAllows, sessionAllows, identityAllows(request), PolicyType.IDENTITY);
    }

    private boolean identityAllows(RequestContext request) {
        return identity.allows(request.lowerAction(), request.lowerService(), request.resource(), request.principal(),
                request.requestKeys()) != PrincipalMatch.NONE;
    }

    private static Verdict withinLimits(boolean boundaryAllows, boolean sessionAllows, boolean granted, PolicyType grantor) {
        if (!boundaryAllows) {
            return Verdict.of(Outcome.IMPLICIT_DENY, PolicyType.PERMISSIONS_BOUNDARY);
        }
        if (!sessionAllows) {
            return Verdict.of(Outcome.IMPLICIT_DENY, PolicyType.SESSION);
        }
        return granted ? Verdict.of(Outcome.ALLOW, grantor) : Verdict.of(Outcome.IMPLICIT_DENY, PolicyType.IDENTITY);
    }
}
