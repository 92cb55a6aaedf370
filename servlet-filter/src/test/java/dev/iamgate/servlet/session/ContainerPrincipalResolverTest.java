package dev.iamgate.servlet.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.iamgate.servlet.Caller;
import dev.iamgate.servlet.MfaEvidence;
import dev.iamgate.servlet.internal.context.EmbeddedJetty;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.ee10.servlet.security.ConstraintMapping;
import org.eclipse.jetty.ee10.servlet.security.ConstraintSecurityHandler;
import org.eclipse.jetty.security.Constraint;
import org.eclipse.jetty.security.HashLoginService;
import org.eclipse.jetty.security.UserStore;
import org.eclipse.jetty.security.authentication.BasicAuthenticator;
import org.eclipse.jetty.util.security.Credential;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Container authentication (Jetty's BASIC authenticator) mapped to IAM users. */
class ContainerPrincipalResolverTest {

    private static EmbeddedJetty jetty;

    @BeforeAll
    static void startJetty() {
        jetty = EmbeddedJetty.start(context -> {
            UserStore users = new UserStore();
            users.addUser("alice", Credential.getCredential("alice-password"), new String[] {"devs", "auditors"});
            users.addUser("not an iam name", Credential.getCredential("password"), new String[] {});
            HashLoginService login = new HashLoginService("iamgate");
            login.setUserStore(users);
            ConstraintMapping everything = new ConstraintMapping();
            everything.setPathSpec("/secure/*");
            everything.setConstraint(Constraint.ANY_USER);
            ConstraintSecurityHandler security = new ConstraintSecurityHandler();
            security.setLoginService(login);
            security.setAuthenticator(new BasicAuthenticator());
            security.addConstraintMapping(everything);
            context.setSecurityHandler(security);
            context.addServlet(new ServletHolder(new WhoAmI()), "/*");
        });
    }

    @AfterAll
    static void stopJetty() throws Exception {
        jetty.close();
    }

    @Test
    void theContainerUserBecomesAnIamUserOfTheConfiguredAccount() {
        String body = jetty.get("/secure/whoami", basic("alice", "alice-password")).body();

        assertThat(body).isEqualTo("arn:aws:iam::123456789012:user/alice alice alice [devs] NOT_USED");
    }

    @Test
    void containerAuthenticationSaysNothingAboutMfaSoMfaIsNotUsed() {
        assertThat(jetty.get("/secure/whoami", basic("alice", "alice-password")).body()).endsWith(" NOT_USED");
    }

    @Test
    void anUnauthenticatedRequestIsNotRecognised() {
        assertThat(jetty.get("/open/whoami").body()).isEqualTo("nobody");
    }

    @Test
    void aNameThatIsNotAnIamUserNameIsNotRecognised() {
        assertThat(jetty.get("/secure/whoami", basic("not an iam name", "password")).body()).isEqualTo("nobody");
    }

    @Test
    void theAccountIdMustHaveTwelveDigits() {
        assertThatIllegalArgumentException().isThrownBy(() -> new ContainerPrincipalResolver("12345"));
    }

    private static String basic(String user, String password) {
        return "Authorization: Basic "
                + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private static final class WhoAmI extends HttpServlet {
        private static final long serialVersionUID = 1L;

        private final ContainerPrincipalResolver resolver =
                new ContainerPrincipalResolver("123456789012", List.of("devs", "admins"));

        @Override
        protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
            Optional<Caller> caller = resolver.resolve(request);
            String body = caller.map(c -> c.principal().arn() + " " + c.principal().userName().orElse("-") + " "
                    + c.principal().userId() + " " + c.principal().groups() + " "
                    + (c.mfa() == MfaEvidence.NOT_USED ? "NOT_USED" : c.mfa().toString())).orElse("nobody");
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            response.setContentLength(bytes.length);
            response.getOutputStream().write(bytes);
        }
    }
}
