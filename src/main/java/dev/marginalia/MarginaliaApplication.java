package dev.marginalia;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Marginalia: annotated reading of an article. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class MarginaliaApplication {

	public static void main(String[] args) {
		SpringApplication.run(MarginaliaApplication.class, args);
	}

}
