package io.portbind.common.config;

/**
 * Turns the text of a flag or environment variable into a typed value.
 *
 * <p>A parser rejects bad text by throwing {@link InvalidValueException} with a short phrase saying
 * what is accepted; the resolver adds the setting's name and the offending text.
 */
@FunctionalInterface
public interface ValueParser<T> {

    T parse(String text) throws InvalidValueException;
}
