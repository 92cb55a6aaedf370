package dev.iamgate.cli;

import dev.iamgate.eval.ConditionTrace;
import dev.iamgate.eval.Decision;
import dev.iamgate.eval.PolicySet;
import dev.iamgate.eval.RequestContext;
import dev.iamgate.eval.StatementRef;
import dev.iamgate.eval.StatementTrace;
import dev.iamgate.explain.ExplanationText;
import dev.iamgate.policy.Policy;
import dev.iamgate.policy.PolicyParseException;
import dev.iamgate.policy.PolicyParser;
import dev.iamgate.policy.TextValue;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code iamgate simulate}: decides one request against policy files, like the IAM policy
 * simulator, and with {@code --explain} says which statement decided and which condition failed.
 * Exit code 0 whatever the decision; 2 for a usage error, an unreadable file or a policy that
 * does not parse.
 */
@Command(name = "simulate", mixinStandardHelpOptions = true,
        description = "Decide one request against policy files, and explain the decision.")
final class SimulateCommand implements Callable<Integer> {

    /** Built on first use: picocli creates every subcommand, and {@code eval} should not pay for databind. */
    private static final class Json {
        static final ObjectMapper MAPPER = JsonMapper.builder().build();
    }

    @Spec
    private CommandSpec spec;

    @Option(names = "--policy", required = true, arity = "1..*", paramLabel = "FILE", description = "Identity-based policies.")
    private List<Path> policies;

    @Option(names = "--boundary", paramLabel = "FILE", description = "Permissions boundary.")
    private Path boundary;

    @Option(names = "--resource-policy", paramLabel = "FILE", description = "Resource-based policy of the target.")
    private List<Path> resourcePolicies = List.of();

    @Option(names = "--scp", paramLabel = "FILE", description = "Service control policies (one level).")
    private List<Path> scps = List.of();

    @Option(names = "--action", required = true, description = "The action, e.g. iam:CreateAccessKey.")
    private String action;

    @Option(names = "--resource", required = true, description = "The resource ARN, or *.")
    private String resource;

    @Option(names = "--principal", description = "The caller's ARN, e.g. arn:aws:iam::123456789012:user/alice.")
    private String principal = "";

    @Option(names = "--context", paramLabel = "KEY=VALUE",
            description = "A condition key; repeat a key to make it multivalued.")
    private List<String> context = List.of();

    @Option(names = "--explain", description = "Say which statement decided and which conditions failed.")
    private boolean explain;

    @Option(names = "--format", defaultValue = "TEXT", description = "text or json (default: ${DEFAULT-VALUE}).")
    private Format format;

    enum Format { TEXT, JSON }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PolicySet set;
        RequestContext request;
        try {
            set = policySet();
            request = request();
        } catch (IOException e) {
            return fail("cannot read " + PolicyFiles.describe(e));
        } catch (PolicyParseException | IllegalArgumentException e) {
            return fail(e.getMessage());
        }
        Decision decision = explain ? set.explain(request) : set.evaluate(request);
        if (format == Format.JSON) {
            out.println(json(decision));
        } else if (explain) {
            out.print(ExplanationText.render(request, decision));
        } else {
            out.println(decision.outcome().wireName());
        }
        out.flush();
        return 0;
    }

    private int fail(String message) {
        spec.commandLine().getErr().println("iamgate simulate: " + message);
        return IamGateCommand.EXIT_USAGE_OR_IO;
    }

    private PolicySet policySet() throws IOException {
        PolicySet.Builder builder = PolicySet.builder().identity(read(policies)).resource(read(resourcePolicies));
        if (boundary != null) {
            builder.permissionsBoundary(read(List.of(boundary)));
        }
        if (!scps.isEmpty()) {
            builder.serviceControlLevel(read(scps));
        }
        return builder.build();
    }

    private static List<Policy> read(List<Path> files) throws IOException {
        List<Policy> parsed = new ArrayList<>();
        for (Path file : files) {
            parsed.add(PolicyParser.parse(PolicyFiles.read(file), file.toString()));
        }
        return parsed;
    }

    private RequestContext request() {
        RequestContext.Builder builder = RequestContext.builder().principal(principal).action(action).resource(resource);
        for (String entry : context) {
            int equals = entry.indexOf('=');
            if (equals <= 0) {
                throw new IllegalArgumentException("--context expects KEY=VALUE, got \"" + entry + "\"");
            }
            builder.addValue(entry.substring(0, equals), entry.substring(equals + 1));
        }
        return builder.build();
    }

    private static String json(Decision decision) {
        ObjectNode root = Json.MAPPER.createObjectNode();
        root.put("decision", decision.outcome().wireName());
        decision.explanation().ifPresent(explanation -> {
            root.put("reason", ExplanationText.reason(decision.outcome(), explanation));
            root.put("decidingPolicyType", explanation.decidingType().description());
            ArrayNode deciding = root.putArray("decidingStatements");
            explanation.deciding().forEach(ref -> deciding.add(statement(ref)));
            ArrayNode considered = root.putArray("matchedStatements");
            for (StatementTrace trace : explanation.considered()) {
                ObjectNode node = statement(trace.statement());
                considered.add(node);
                node.put("applies", trace.applies());
                node.put("resourceMatched", trace.resourceMatched());
                node.put("principalMatched", trace.principalMatched());
                ArrayNode conditions = node.putArray("conditions");
                for (ConditionTrace condition : trace.conditions()) {
                    ObjectNode c = conditions.addObject();
                    c.put("operator", condition.condition().operator().jsonName());
                    c.put("key", condition.condition().key().text());
                    ArrayNode values = c.putArray("values");
                    condition.condition().values().stream().map(TextValue::text).forEach(values::add);
                    ArrayNode requestValues = c.putArray("requestValues");
                    condition.requestValues().forEach(requestValues::add);
                    c.put("satisfied", condition.satisfied());
                }
            }
        });
        return root.toString();
    }

    private static ObjectNode statement(StatementRef ref) {
        ObjectNode node = Json.MAPPER.createObjectNode();
        node.put("policy", ref.policyName());
        node.put("policyType", ref.policyType().description());
        node.put("statementIndex", ref.statementIndex());
        ref.sid().ifPresent(sid -> node.put("sid", sid));
        node.put("effect", ref.effect().jsonName());
        node.put("line", ref.location().line());
        return node;
    }
}
