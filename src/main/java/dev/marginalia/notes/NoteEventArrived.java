package dev.marginalia.notes;

/**
 * The public event log has a new entry for an article, read by the live fan-out: written here or by another instance
 * (NOTIFY, or the safety-net poll). What was built from the article's notes before is out of date. Never published for
 * a private note: what another reader sees is not rebuilt for it.
 * @param slug the article
 */
public record NoteEventArrived(String slug) {
}
