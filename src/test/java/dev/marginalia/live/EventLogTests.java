package dev.marginalia.live;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import dev.marginalia.notes.NoteChanged;
import dev.marginalia.notes.Visibility;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.boot.jdbc.test.autoconfigure.JdbcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The two event logs, on the embedded database with the real migrations (a slice: no web server, each test rolled
 * back): what everyone may be told and what only a private note's author may, never mixed.
 */
@JdbcTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@Import({ EventLog.class, EventLogTests.Config.class })
class EventLogTests {

	static class Config {

		@Bean
		Clock clock() {
			return Clock.systemUTC();
		}

	}

	@Autowired
	EventLog log;

	private final String slug = "log-" + UUID.randomUUID();

	@Test
	void aPublicChangeTakesThePublicSequenceAndIsToldToEveryone() {
		long before = log.lastId(EventLog.Audience.EVERYONE);
		log.append(change("n1", Visibility.PUBLIC, "ada"));

		long id = log.lastId(EventLog.Audience.EVERYONE);
		assertThat(id).isGreaterThan(before);
		List<LiveEvent> after = log.after(EventLog.Audience.EVERYONE, before, 10);
		assertThat(after).singleElement().satisfies(event -> {
			assertThat(event.id()).isEqualTo(id);
			assertThat(event.noteId()).isEqualTo("n1");
			assertThat(event.kind()).isEqualTo(NoteChanged.Kind.ADDED);
			assertThat(event.isPublic()).as("told to everyone, its author not named").isTrue();
			assertThat(event.isVisibleTo(null)).isTrue();
		});
		assertThat(log.withIds(EventLog.Audience.EVERYONE, List.of(id))).extracting(LiveEvent::noteId).containsExactly("n1");
		assertThat(log.replay(slug, before, 10)).extracting(LiveEvent::noteId).containsExactly("n1");
	}

	@Test
	void aPrivateChangeNeverMovesThePublicSequenceNorShowsInAReplay() {
		long publicBefore = log.lastId(EventLog.Audience.EVERYONE);
		long privateBefore = log.lastId(EventLog.Audience.AUTHOR);
		log.append(change("secret", Visibility.PRIVATE, "ada"));

		assertThat(log.lastId(EventLog.Audience.EVERYONE)).as("the public sequence tells nothing").isEqualTo(publicBefore);
		assertThat(log.after(EventLog.Audience.EVERYONE, publicBefore, 10)).isEmpty();
		assertThat(log.replay(slug, 0, 10)).isEmpty();
		assertThat(log.after(EventLog.Audience.AUTHOR, privateBefore, 10)).singleElement().satisfies(event -> {
			assertThat(event.noteId()).isEqualTo("secret");
			assertThat(event.isPublic()).isFalse();
			assertThat(event.isVisibleTo("ada")).as("its author is told").isTrue();
			assertThat(event.isVisibleTo("bob")).as("no one else").isFalse();
			assertThat(event.isVisibleTo(null)).isFalse();
		});
	}

	@Test
	void aReplayIsOneArticlesPublicEntriesInOrder() {
		long before = log.lastId(EventLog.Audience.EVERYONE);
		log.append(change("a", Visibility.PUBLIC, "ada"));
		log.append(new NoteChanged("elsewhere-" + UUID.randomUUID(), "b", "p-1", NoteChanged.Kind.ADDED, null,
				Visibility.PUBLIC, "ada"));
		log.append(change("c", Visibility.PUBLIC, "bob"));

		assertThat(log.replay(slug, before, 10)).extracting(LiveEvent::noteId).containsExactly("a", "c");
		assertThat(log.replay(slug, before, 1)).extracting(LiveEvent::noteId).as("bounded").containsExactly("a");
	}

	private NoteChanged change(String noteId, Visibility visibility, String author) {
		return new NoteChanged(slug, noteId, "p-1", NoteChanged.Kind.ADDED, null, visibility, author);
	}

}
