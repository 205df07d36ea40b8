package dev.marginalia.identity;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * {@code java -jar marginalia.jar hash-password}: reads a password (without echo on a terminal, else one line
 * of standard input) and prints its bcrypt hash (cost 12) for {@code MARGINALIA_MODERATION_PASSWORD_HASH}.
 * Nothing else starts.
 */
public final class PasswordHashCommand {

	public static final String NAME = "hash-password";

	private static final int MAX_BYTES = 72;

	private PasswordHashCommand() {
	}

	/** @return the process's exit status */
	public static int run(PrintStream out, PrintStream err) throws IOException {
		Console console = System.console();
		String password;
		if (console != null) {
			char[] typed = console.readPassword("Moderator's password: ");
			password = typed == null ? "" : new String(typed);
		}
		else {
			String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
			password = line == null ? "" : line;
		}
		if (password.isEmpty() || password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
			err.println("A password of 1 to " + MAX_BYTES + " bytes, please.");
			return 2;
		}
		out.println("{bcrypt}" + new BCryptPasswordEncoder(12).encode(password));
		return 0;
	}

}
