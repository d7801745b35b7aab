package sohieu.serve;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Exempts a class from the build's forbidden-API check, which takes every {@code com.sun} package for a JDK internal:
 * {@code com.sun.net.httpserver} is the supported, exported API of the JDK's {@code jdk.httpserver} module.
 */
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
@interface SuppressForbidden {
  String reason();
}
