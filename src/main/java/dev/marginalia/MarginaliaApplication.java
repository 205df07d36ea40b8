package dev.marginalia;

import dev.marginalia.identity.PasswordHashCommand;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Marginalia: annotated reading of an article. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class MarginaliaApplication {

	public static void main(String[] args) throws java.io.IOException {
		if (args.length == 1 && PasswordHashCommand.NAME.equals(args[0])) {
			System.exit(PasswordHashCommand.run(System.out, System.err));
		}
		AheadOfTimeMode.chooseFor(MarginaliaApplication.class, System.getProperties());
		SpringApplication.run(MarginaliaApplication.class, args);
	}

}
