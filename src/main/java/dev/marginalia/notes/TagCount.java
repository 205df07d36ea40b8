package dev.marginalia.notes;

/**
 * A tag of an article and how many of the notes a reader may see carry it.
 * @param tag as written (one of its spellings, when notes spell it differently)
 * @param key its {@link NoteTags#key}, which filters by it
 * @param notes how many notes and replies carry it
 */
public record TagCount(String tag, String key, int notes) {
}
