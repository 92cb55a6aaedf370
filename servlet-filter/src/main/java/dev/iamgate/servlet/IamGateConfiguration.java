package dev.iamgate.servlet;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Switches iamgate on for a web application without {@code web.xml}: put it on any class of the
 * application. Every element has the name and meaning of the {@code web.xml} init-parameter of
 * the same name (see {@link IamGateSettings}); an empty string means "the default".
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface IamGateConfiguration {

    /** Where the policies are: a directory, or {@code classpath:/folder}. */
    String policies();

    /** The JSON mapping file for routes that are not annotated: a file, or {@code classpath:/file.json}. */
    String mapping() default "";

    /** The account id used in ARNs ({@code ${account}}). */
    String account() default IamGateSettings.DEFAULT_ACCOUNT;

    /** {@code ENFORCE} or {@code REPORT_ONLY}. */
    String mode() default "ENFORCE";

    /** Path patterns anyone may request, e.g. {@code /assets/{file...}}. */
    String[] publicPaths() default {};

    /** Proxies (addresses or CIDR ranges) whose {@code X-Forwarded-For} is trusted for {@code aws:SourceIp}. */
    String[] trustedProxies() default {};

    /** How many callers' compiled policy sets to keep. */
    int cacheMaxEntries() default IamGateSettings.DEFAULT_CACHE_MAX_ENTRIES;

    /** How often changed policy files are looked for, e.g. {@code 2s}, {@code PT1M}. */
    String refresh() default "2s";

    /** After how long a session's MFA no longer counts (empty: never expires), e.g. {@code 12h}. */
    String mfaMaxAge() default "";
}
