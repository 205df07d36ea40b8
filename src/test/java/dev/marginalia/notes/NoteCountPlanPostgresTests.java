package dev.marginalia.notes;

import dev.marginalia.support.OnPostgres;

/** {@link NoteCountPlanTests}, on a real PostgreSQL server with the same migrations. */
@OnPostgres
class NoteCountPlanPostgresTests extends NoteCountPlanTests {
}
