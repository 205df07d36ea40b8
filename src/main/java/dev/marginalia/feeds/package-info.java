/**
 * Atom feeds of public notes, written with Rome (never by concatenating XML): an article's
 * ({@code /articles/{slug}/notes.atom}), one paragraph's ({@code /articles/{slug}/p/{id}/notes.atom}), and a reader's
 * replies to their notes at a capability URL ({@code /feeds/replies/{token}}, made, renewed and stopped on "My notes").
 * What a feed may hold is the notes module's ({@code NoteFeeds}: public notes alone); this module turns it into Atom
 * and serves it with conditional GET.
 */
@NullMarked
package dev.marginalia.feeds;

import org.jspecify.annotations.NullMarked;
