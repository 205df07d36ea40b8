/** Abuse limits: how fast one client may write, counted in the database so that every instance agrees. */
@NullMarked
package dev.marginalia.limits;

import org.jspecify.annotations.NullMarked;
