/**
 * Anchoring: selectors in, anchors out. Resolves a W3C Web Annotation target of any shape real clients send
 * against one version of an article ({@link dev.marginalia.anchoring.Anchoring#resolve}), describes an anchor as the
 * selectors we serve ({@link dev.marginalia.anchoring.Anchoring#describe}), and re-anchors what a note was written
 * on in a later version ({@link dev.marginalia.anchoring.ReAnchoring}). Depends on {@code content} alone.
 */
@NullMarked
package dev.marginalia.anchoring;

import org.jspecify.annotations.NullMarked;
