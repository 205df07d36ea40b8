package dev.marginalia;

import java.net.URL;
import java.security.CodeSource;
import java.security.cert.Certificate;
import java.util.Properties;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AheadOfTimeModeTests {

	@Test
	void theClassesOfAJarAreFromAJarAndADirectoryOfClassesIsNot() throws Exception {
		assertThat(AheadOfTimeMode.fromJar(source("nested:/srv/marginalia-0.1.0-SNAPSHOT.jar/!BOOT-INF/classes/"))).isTrue();
		assertThat(AheadOfTimeMode.fromJar(source("jar:file:/srv/app.jar!/BOOT-INF/classes!/"))).isTrue();
		assertThat(AheadOfTimeMode.fromJar(source("file:/srv/app/marginalia-0.1.0-SNAPSHOT.jar"))).isTrue();
		assertThat(AheadOfTimeMode.fromJar(source("file:/work/main/target/classes/"))).isFalse();
		assertThat(AheadOfTimeMode.fromJar(null)).isFalse();
	}

	@Test
	void fromTheBuildsDirectoryOfClassesTheApplicationStartsTheUsualWay() {
		// as in the tests and ./mvnw spring-boot:run: the classes come from a directory
		Properties properties = new Properties();
		AheadOfTimeMode.chooseFor(MarginaliaApplication.class, properties);
		assertThat(properties.getProperty(AheadOfTimeMode.PROPERTY)).isNull();
	}

	@Test
	void aSettingGivenOnTheCommandLineIsKept() {
		Properties properties = new Properties();
		properties.setProperty(AheadOfTimeMode.PROPERTY, "false");
		AheadOfTimeMode.chooseFor(MarginaliaApplication.class, properties);
		assertThat(properties.getProperty(AheadOfTimeMode.PROPERTY)).isEqualTo("false");
	}

	/** A code source at the URL as the launcher gives it (a handler of its own: "nested:" is Spring Boot's). */
	private static CodeSource source(String url) throws Exception {
		return new CodeSource(new URL(null, url, new NoHandler()), (Certificate[]) null);
	}

	private static final class NoHandler extends java.net.URLStreamHandler {
		@Override
		protected java.net.URLConnection openConnection(URL url) {
			throw new UnsupportedOperationException();
		}
	}

}
