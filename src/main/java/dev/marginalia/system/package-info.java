/** Wiring only: web configuration, errors. */
@NullMarked
package dev.marginalia.system;

import org.jspecify.annotations.NullMarked;
