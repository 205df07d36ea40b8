package dev.marginalia.reading;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import dev.marginalia.identity.AuthorSecrets;
import dev.marginalia.notes.NewNote;
import dev.marginalia.notes.NoteCommands;
import dev.marginalia.notes.NoteQueries;
import dev.marginalia.support.WebClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.doCallRealMethod;

/**
 * While one reader renders the shared page after a change, the others get the page from before it at once
 * instead of queueing behind the render; once it is rendered, everyone gets the new one.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "marginalia.test.context=shared-page-render")
class SharedPageRenderTests {

	static final String ARTICLE = "/articles/stability-a-rare-strategic-resource";

	@LocalServerPort
	int port;

	@Autowired
	NoteCommands commands;

	@MockitoSpyBean
	NoteQueries queries;

	WebClient web;

	@BeforeEach
	void client() {
		web = new WebClient(port);
	}

	@Test
	void othersGetThePageBeforeTheChangeWhileItRenders() throws Exception {
		write("The note before");
		assertThat(page()).contains("The note before");

		CountDownLatch rendering = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		doAnswer(call -> {
			rendering.countDown();
			assertThat(release.await(30, TimeUnit.SECONDS)).isTrue();
			return call.callRealMethod();
		}).when(queries).pageNotes(any(), any(), any());
		write("The note after");
		CompletableFuture<String> first = CompletableFuture.supplyAsync(this::page);
		assertThat(rendering.await(30, TimeUnit.SECONDS)).as("the first reader renders").isTrue();

		long started = System.nanoTime();
		String meanwhile = page();
		assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started)).as("not queued behind the render")
			.isLessThan(10_000);
		assertThat(meanwhile).contains("The note before").doesNotContain("The note after");

		doCallRealMethod().when(queries).pageNotes(any(), any(), any());
		release.countDown();
		assertThat(first.get(30, TimeUnit.SECONDS)).contains("The note after");
		assertThat(page()).contains("The note after");
	}

	private void write(String body) {
		commands.create("stability-a-rare-strategic-resource", "p-AarAar", new NewNote(body, null, "public"),
				queries.author(AuthorSecrets.newSecret()));
	}

	private String page() {
		HttpResponse<byte[]> response = web.sendForBytes(web.request(ARTICLE));
		assertThat(response.statusCode()).isEqualTo(200);
		return new String(response.body(), StandardCharsets.UTF_8);
	}

}
