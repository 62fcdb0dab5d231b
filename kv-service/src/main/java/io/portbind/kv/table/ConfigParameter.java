package io.portbind.kv.table;

import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * A configuration parameter that a feature owns and offers to CONFIG GET and CONFIG SET (see
 * {@link ServerState#addConfigParameter}), so that its values and their exact Redis error texts live with it.
 *
 * @param name   the parameter's name, lower case
 * @param value  its present value as CONFIG GET shows it
 * @param setter applies a new value, or throws {@link io.portbind.kv.resp.CommandError} whose message is the
 *               reason CONFIG SET reports (such as {@code argument must be a memory value})
 */
public record ConfigParameter(String name, Supplier<String> value, Consumer<String> setter) {
}
