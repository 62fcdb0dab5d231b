package io.portbind.chat.stream;

import java.util.Map;

/**
 * The client's opening {@code <stream:stream>} tag.
 *
 * @param name              local name of the element, {@code stream} when valid
 * @param namespace         namespace of the element, the streams namespace when valid
 * @param contentNamespace  the default namespace it declares, {@code jabber:client} for a client
 * @param attributes        by local name, {@code xml:lang} included
 */
public record StreamHeader(String name, String namespace, String contentNamespace, Map<String, String> attributes) {

    public String attribute(String key) {
        return attributes.get(key);
    }
}
