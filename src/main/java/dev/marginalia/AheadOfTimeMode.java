package dev.marginalia;

import java.net.URL;
import java.security.CodeSource;
import java.util.Properties;

/**
 * Whether the application starts on the bean definitions generated at build time (Spring AOT) instead of finding
 * them by scanning and evaluating every auto-configuration's conditions: by default, when it runs from the packaged
 * jar, which {@code ./mvnw package} builds in the same run as those definitions, so they always match its classes.
 * Run from a directory of classes ({@code ./mvnw spring-boot:run}, the tests, an IDE), the generated classes may be
 * missing or older than the code, and the application starts the usual way. {@code -Dspring.aot.enabled=false} (or
 * {@code true}) given on the command line always wins.
 */
final class AheadOfTimeMode {

	static final String PROPERTY = "spring.aot.enabled";

	/** The class Spring AOT generates for the application's context; present only where process-aot ran. */
	static final String GENERATED_INITIALIZER = "dev/marginalia/MarginaliaApplication__ApplicationContextInitializer.class";

	private AheadOfTimeMode() {
	}

	/** Sets {@value #PROPERTY} to true when the application runs from its packaged jar and nothing says otherwise. */
	static void chooseFor(Class<?> application, Properties systemProperties) {
		if (systemProperties.getProperty(PROPERTY) == null && fromJar(application.getProtectionDomain().getCodeSource())
				&& application.getClassLoader().getResource(GENERATED_INITIALIZER) != null) {
			systemProperties.setProperty(PROPERTY, "true");
		}
	}

	/** Whether the classes come from a jar file (the packaged jar, nested or extracted), not from a directory. */
	static boolean fromJar(CodeSource source) {
		URL location = source == null ? null : source.getLocation();
		if (location == null) {
			return false;
		}
		String url = location.toString();
		return url.startsWith("nested:") || url.startsWith("jar:") || url.endsWith(".jar") || url.contains(".jar!");
	}

}
