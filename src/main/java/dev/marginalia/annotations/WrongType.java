package dev.marginalia.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * What {@link JsonBinding} answers, at the value's JSON path, when a client sent a value of the wrong JSON type for
 * a property (on a record component) or for a type (on the record or interface): a number for a string, an object
 * for a whole number, a string where an object belongs.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.TYPE, ElementType.RECORD_COMPONENT, ElementType.FIELD, ElementType.METHOD,
		ElementType.PARAMETER })
@interface WrongType {

	/** @return the message, one sentence for people */
	String value();

	/**
	 * @return whether JSON null is of the wrong type too (where the rules tell it from the property left out); a
	 * null element of a list is not
	 */
	boolean nullToo() default false;

}
