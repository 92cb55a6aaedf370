package dev.iamgate.servlet.mapping;

import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/** Holds repeated {@link AuthenticatedOnly} annotations; the compiler writes it, code rarely does. */
@Documented
@Retention(RUNTIME)
@Target({TYPE, METHOD})
public @interface AuthenticatedOnlyRoutes {

    /** The repeated declarations. */
    AuthenticatedOnly[] value();
}
