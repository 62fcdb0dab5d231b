package io.portbind.kv.scripting;

import java.util.List;

/**
 * A library FUNCTION LOAD created: its name (from the shebang), its code as given, and its functions in the order
 * it registered them.
 */
record FunctionLibrary(String name, byte[] code, List<LibraryFunction> functions) {
}
