package dev.marginalia.feeds;

/**
 * Text as XML 1.0 may carry it: the characters it cannot hold at all (control characters other than tab, line feed
 * and carriage return, lone surrogates, U+FFFE and U+FFFF) are left out, so that whatever a note holds, its feed is
 * written (the XML writer refuses them, and the feed would fail) and can be read.
 */
final class XmlText {

	private XmlText() {
	}

	static String of(String text) {
		StringBuilder kept = null;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			boolean allowed;
			if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
				if (kept != null) {
					kept.append(c).append(text.charAt(i + 1));
				}
				i++;
				continue;
			}
			allowed = c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD);
			if (allowed) {
				if (kept != null) {
					kept.append(c);
				}
			}
			else if (kept == null) {
				kept = new StringBuilder(text.length()).append(text, 0, i);
			}
		}
		return kept == null ? text : kept.toString();
	}

}
