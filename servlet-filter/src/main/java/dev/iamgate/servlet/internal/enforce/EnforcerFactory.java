package dev.iamgate.servlet.internal.enforce;

import dev.iamgate.servlet.IamGateFilter;
import dev.iamgate.servlet.IamGateSettings;
import dev.iamgate.servlet.internal.cache.PolicySetCache;
import dev.iamgate.servlet.internal.context.RequestContextFactory;
import dev.iamgate.servlet.internal.context.TrustedProxies;
import dev.iamgate.servlet.internal.firewall.PathFirewall;
import dev.iamgate.servlet.internal.response.AwsErrorResponder;
import dev.iamgate.servlet.internal.routing.IamGateRoutesInitializer;
import dev.iamgate.servlet.internal.routing.MappingFileReader;
import dev.iamgate.servlet.internal.routing.RouteTable;
import dev.iamgate.servlet.mapping.RouteDeclaration;
import dev.iamgate.servlet.session.ContainerPrincipalResolver;
import dev.iamgate.servlet.session.SessionPrincipalResolver;
import dev.iamgate.servlet.source.DirectoryPolicySource;
import dev.iamgate.servlet.spi.PolicySource;
import dev.iamgate.servlet.spi.PrincipalResolver;
import jakarta.servlet.ServletContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Assembles an {@link Enforcer} from the settings, the servlet context and the pluggable parts. */
public final class EnforcerFactory {

    private static final Logger LOG = LoggerFactory.getLogger("dev.iamgate");
    private static final String CLASSPATH = "classpath:";

    private EnforcerFactory() {}

    public static Enforcer create(IamGateSettings settings, ServletContext context, IamGateFilter.Parts parts) {
        RouteTable routes = routes(settings, context);
        PolicySource source = parts.policySource().orElseGet(() -> directorySource(settings));
        List<PrincipalResolver> resolvers = new ArrayList<>(parts.resolvers());
        resolvers.add(settings.mfaMaxAge()
                .map(age -> new SessionPrincipalResolver(age, parts.clock()))
                .orElseGet(SessionPrincipalResolver::new));
        resolvers.add(new ContainerPrincipalResolver(settings.account()));
        RequestContextFactory contexts = new RequestContextFactory(parts.clock(),
                TrustedProxies.parse(String.join(",", settings.trustedProxies())), Optional.empty(), parts.contextProviders());
        Enforcer enforcer = new Enforcer(PathFirewall.strict(), routes, resolvers,
                new PolicySetCache(source, settings.cacheMaxEntries()), contexts,
                parts.denyResponder().orElseGet(AwsErrorResponder::new), settings.mode());
        LOG.info("iamgate {}: {} routes, policies from {}, account {}", settings.mode(), routes.declarations().size(),
                source, settings.account());
        return enforcer;
    }

    private static RouteTable routes(IamGateSettings settings, ServletContext context) {
        List<RouteDeclaration> declarations = new ArrayList<>(IamGateRoutesInitializer.declarations(context));
        settings.mapping().ifPresent(location -> declarations.addAll(readMapping(location, context)));
        return RouteTable.builder(settings.account()).addAll(declarations).publicPaths(settings.publicPaths()).build();
    }

    private static List<RouteDeclaration> readMapping(String location, ServletContext context) {
        try {
            if (location.startsWith(CLASSPATH)) {
                String resource = location.substring(CLASSPATH.length());
                while (resource.startsWith("/")) {
                    resource = resource.substring(1);
                }
                ClassLoader loader = Optional.ofNullable(context.getClassLoader())
                        .orElse(Thread.currentThread().getContextClassLoader());
                InputStream in = loader.getResourceAsStream(resource);
                if (in == null) {
                    throw new IllegalArgumentException("mapping file " + location + " is not on the class path");
                }
                try (in) {
                    // from its bytes, as a file is read: a Reader would replace what is not UTF-8
                    return MappingFileReader.read(in, location);
                }
            }
            return MappingFileReader.read(Path.of(location));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read mapping file " + location + ": " + e.getMessage(), e);
        }
    }

    private static PolicySource directorySource(IamGateSettings settings) {
        String location = settings.policies();
        if (location.isBlank()) {
            throw new IllegalArgumentException(
                    "iamgate setting 'policies' is required (a directory or classpath:/folder) unless a PolicySource is given");
        }
        DirectoryPolicySource.Builder builder = location.startsWith(CLASSPATH)
                ? DirectoryPolicySource.classpath(location.substring(CLASSPATH.length()))
                : DirectoryPolicySource.directory(Path.of(location));
        return builder.refreshInterval(settings.refresh()).build();
    }
}
