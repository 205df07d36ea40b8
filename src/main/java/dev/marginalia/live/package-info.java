/**
 * Live updates: what happens to notes reaches open pages within a second, over Server-Sent Events, from
 * whichever instance it happened on (an event log in the database, woken by PostgreSQL's LISTEN/NOTIFY). Private
 * notes have a log of their own, for their authors alone, so that nothing about them shows to anyone else (see
 * {@link dev.marginalia.live.EventLog}).
 */
@NullMarked
package dev.marginalia.live;

import org.jspecify.annotations.NullMarked;
