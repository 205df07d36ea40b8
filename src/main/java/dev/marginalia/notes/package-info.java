/**
 * Notes and replies on an article's paragraphs. The public face other features use: {@link
 * dev.marginalia.notes.NoteCommands} (what an author does), {@link dev.marginalia.notes.NoteQueries} (what a reader
 * may see), {@link dev.marginalia.notes.NoteModeration} (what the moderator does), {@link
 * dev.marginalia.notes.NoteImports} (notes brought in by an import), what feeds hold ({@link
 * dev.marginalia.notes.NoteFeeds}, and the addresses of readers' feeds of replies, {@link
 * dev.marginalia.notes.ReplyFeedAddresses}), replies as notices to the authors they answer ({@link
 * dev.marginalia.notes.ReplyNotices}), {@link dev.marginalia.notes.ConversationShapes} (the shape of an article's
 * public conversation), the stamp of an article's notes, the events
 * the values, and the reader as an author ({@link dev.marginalia.notes.Readers}, from the principal {@code
 * identity} makes of their secret). The rules' helpers are package-private here; storage, the group-committing writer and the
 * placements are in {@code notes.internal}, which no other module may use (ModuleBoundariesTests).
 */
@NullMarked
package dev.marginalia.notes;

import org.jspecify.annotations.NullMarked;
