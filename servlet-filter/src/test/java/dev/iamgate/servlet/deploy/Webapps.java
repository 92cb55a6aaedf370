package dev.iamgate.servlet.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The test web application of {@code src/test/resources/deploy/webapp}, as shipped or with a setting changed. */
final class Webapps {

    private Webapps() {}

    /** The web application directory as shipped in the test resources. */
    static Path shipped() {
        try {
            return Path.of(Objects.requireNonNull(Webapps.class.getResource("/deploy/webapp")).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A copy, under {@code parent}, of the shipped web application whose {@code web.xml} gives the
     * filter's init-parameter {@code name} the value {@code value}.
     */
    static Path withSetting(Path parent, String name, String value) throws IOException {
        String webXml = Files.readString(shipped().resolve("WEB-INF/web.xml"), StandardCharsets.UTF_8);
        Matcher setting = Pattern.compile("(<param-name>" + Pattern.quote(name) + "</param-name>\\s*<param-value>)"
                + "[^<]*(</param-value>)").matcher(webXml);
        assertThat(setting.find()).as("the shipped web.xml sets " + name).isTrue();
        String escaped = value.replace("&", "&amp;").replace("<", "&lt;");
        Path webapp = Files.createTempDirectory(parent, "webapp-" + name + "-");
        Files.createDirectories(webapp.resolve("WEB-INF"));
        Files.writeString(webapp.resolve("WEB-INF/web.xml"),
                setting.replaceFirst("$1" + Matcher.quoteReplacement(escaped) + "$2"), StandardCharsets.UTF_8);
        return webapp;
    }

    /** The messages of a throwable and of its causes, one a line. */
    static String causes(Throwable thrown) {
        StringBuilder messages = new StringBuilder();
        for (Throwable t = thrown; t != null; t = t.getCause() == t ? null : t.getCause()) {
            messages.append(t).append('\n');
        }
        return messages.toString();
    }
}
