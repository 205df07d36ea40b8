package dev.marginalia.identity;

import java.util.Map;

import dev.marginalia.support.FormClient;
import dev.marginalia.support.Instances;
import dev.marginalia.support.PostgresDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two instances on one PostgreSQL database, sharing nothing else, behind a proxy without sticky sessions: the
 * moderator signed in through one is the moderator on the other, and signing out on either ends it on both.
 */
@ExtendWith(PostgresDatabase.class)
class ModeratorOnTwoInstancesTests {

	static Instances instances;

	@BeforeAll
	static void start() {
		instances = new Instances(2, Map.of("marginalia.moderation.failures-before-lockout", "5"));
	}

	@BeforeEach
	void forgetFailures() {
		instances.bean(0, SignInGuard.class).forget();
	}

	@AfterAll
	static void stop() {
		if (instances != null) {
			instances.close();
		}
	}

	/** The same browser (its cookies) on the n-th instance. */
	static FormClient on(int instance, FormClient browser) {
		FormClient there = new FormClient(instances.web(instance).port());
		there.cookies.putAll(browser.cookies);
		return there;
	}

	@Test
	void aSignInThroughOneInstanceIsKnownToTheOtherUntilSignedOutThere() {
		FormClient onA = new FormClient(instances.web(0).port()).signInAsModerator();
		String signIn = onA.cookies.get(ModeratorSignIns.COOKIE);

		FormClient onB = on(1, onA);
		assertThat(onB.get("/moderation").statusCode()).isEqualTo(200);
		assertThat(onB.page("/moderation").select("h1").text()).isEqualTo("Moderation queue");
		assertThat(onB.post("/moderation/sign-out", Map.of()).statusCode()).isEqualTo(303);
		assertThat(onB.cookies).doesNotContainKey(ModeratorSignIns.COOKIE);

		FormClient copyOnA = new FormClient(instances.web(0).port());
		copyOnA.cookies.put(ModeratorSignIns.COOKIE, signIn);
		assertThat(copyOnA.get("/moderation").statusCode()).as("signed out on B, so on A too").isEqualTo(303);
	}

	@Test
	void failuresOnBothInstancesCountTowardsOneLockOut() {
		FormClient guesser = new FormClient(instances.web(0).port());
		for (int i = 0; i < 5; i++) {
			assertThat(on(i % 2, guesser).signIn("lockout-" + FormClient.MODERATOR, "guess " + i).statusCode())
				.isEqualTo(400);
		}

		assertThat(on(1, guesser).signIn("lockout-" + FormClient.MODERATOR, "guess").statusCode()).isEqualTo(429);
		assertThat(on(0, guesser).signIn("lockout-" + FormClient.MODERATOR, "guess").statusCode()).isEqualTo(429);
	}

}
