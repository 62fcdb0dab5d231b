package io.portbind.http.json;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class JsonObjectTest {

    @Test
    void membersInOrderWithTheirTypes() {
        assertEquals("{\"s\":\"text\",\"n\":42,\"d\":1.5,\"b\":true,\"none\":null,\"o\":{\"x\":1},\"a\":[\"p\",\"q\"]}",
                new JsonObject().put("s", "text").put("n", 42).put("d", 1.5).put("b", true).putNull("none")
                        .put("o", new JsonObject().put("x", 1)).putStrings("a", List.of("p", "q")).toString());
    }

    @Test
    void stringsAreEscaped() {
        assertEquals("{\"k\":\"quote \\\" backslash \\\\ newline \\n tab \\t bell \\u0007 <\\/script> \\u2028\"}",
                new JsonObject().put("k", "quote \" backslash \\ newline \n tab \t bell \u0007 </script> \u2028")
                        .toString());
    }

    @Test
    void nonFiniteNumbersBecomeNull() {
        assertEquals("{\"x\":null}", new JsonObject().put("x", Double.NaN).toString());
    }

    @Test
    void emptyObjectAndArray() {
        assertEquals("{}", new JsonObject().toString());
        assertEquals("{\"a\":[]}", new JsonObject().putObjects("a", List.of()).toString());
    }
}
