package dev.marginalia.live;

import dev.marginalia.support.OnPostgres;

/** {@link ReplyNoticesTests}, on a real PostgreSQL server (the event log, the fan-out and the look-up there). */
@OnPostgres
class ReplyNoticesPostgresTests extends ReplyNoticesTests {
}
