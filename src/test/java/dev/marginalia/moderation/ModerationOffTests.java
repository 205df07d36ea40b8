package dev.marginalia.moderation;

import java.net.http.HttpResponse;
import java.util.Map;

import dev.marginalia.identity.ModeratorSignIns;
import dev.marginalia.support.FormClient;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** No moderator configured: moderation is off, its pages say so (404), and the log says how to turn it on. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "marginalia.moderation.username=", "marginalia.moderation.password-hash=" })
@ExtendWith(OutputCaptureExtension.class)
class ModerationOffTests {

	@LocalServerPort
	int port;

	@Autowired
	ModerationStartup startup;

	@Test
	void theModeratorPagesSayModerationIsOff() {
		FormClient anyone = new FormClient(port);
		for (String path : new String[] { "/moderation", "/moderation/sign-in", "/moderation/import" }) {
			HttpResponse<String> response = anyone.get(path);
			assertThat(response.statusCode()).as(path).isEqualTo(404);
			assertThat(Jsoup.parse(response.body()).select("h1").text()).isEqualTo("Moderation is off");
		}
		anyone.page("/");
		HttpResponse<String> signIn = anyone.post("/moderation/sign-in",
				Map.of("username", FormClient.MODERATOR, "password", FormClient.PASSWORD));
		assertThat(signIn.statusCode()).isEqualTo(404);
		assertThat(signIn.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith(ModeratorSignIns.COOKIE));
		assertThat(anyone.post("/moderation/articles/stability-a-rare-strategic-resource/notes/x/hide", Map.of())
			.statusCode()).isEqualTo(404);
	}

	@Test
	void theLogSaysHowToTurnItOn(CapturedOutput output) {
		startup.report();

		assertThat(output.getOut()).contains("Moderation is off", "MARGINALIA_MODERATION_USERNAME",
				"MARGINALIA_MODERATION_PASSWORD_HASH", "hash-password", "htpasswd -bnBC 12");
	}

}
