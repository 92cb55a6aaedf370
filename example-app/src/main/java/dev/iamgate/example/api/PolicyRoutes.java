package dev.iamgate.example.api;

import dev.iamgate.example.policies.InlinePolicies;
import dev.iamgate.example.policies.PolicyFinding;
import java.util.List;
import java.util.Map;

/**
 * Users' inline policies: GetUserPolicy, PutUserPolicy (the request body is the policy document
 * itself, so findings' lines and columns point into exactly what was sent), DeleteUserPolicy.
 */
final class PolicyRoutes {

    private final InlinePolicies policies;

    PolicyRoutes(InlinePolicies policies) {
        this.policies = policies;
    }

    void register(Router router) {
        String path = "/api/users/{user}/policies/{policy}";
        router.add("GET", path, request -> Reply.ok(policies.get(request.user(), request.variable("policy"))));
        router.add("PUT", path, request -> {
            List<PolicyFinding> findings = policies.put(request.user(), request.variable("policy"), request.text());
            return Reply.ok(Map.of("Findings", findings));
        });
        router.add("DELETE", path, request -> {
            policies.delete(request.user(), request.variable("policy"));
            return Reply.noContent();
        });
    }
}
