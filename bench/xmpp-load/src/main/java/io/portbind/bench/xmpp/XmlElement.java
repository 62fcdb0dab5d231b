package io.portbind.bench.xmpp;

import java.util.ArrayList;
import java.util.List;

/** A received stanza or nonza as a small tree: enough to read names, a few attributes and text. */
final class XmlElement {

    private final String name;
    private final String namespace;
    private final List<String> attributes = new ArrayList<>(4);
    private final List<XmlElement> children = new ArrayList<>(2);
    private final StringBuilder text = new StringBuilder();

    XmlElement(String name, String namespace) {
        this.name = name;
        this.namespace = namespace;
    }

    String name() {
        return name;
    }

    String namespace() {
        return namespace;
    }

    boolean is(String name, String namespace) {
        return this.name.equals(name) && this.namespace.equals(namespace);
    }

    /** The value of an unqualified attribute, or null. */
    String attribute(String attributeName) {
        for (int i = 0; i < attributes.size(); i += 2) {
            if (attributes.get(i).equals(attributeName)) {
                return attributes.get(i + 1);
            }
        }
        return null;
    }

    /** The first child with this local name, whatever its namespace, or null. */
    XmlElement child(String childName) {
        for (XmlElement child : children) {
            if (child.name.equals(childName)) {
                return child;
            }
        }
        return null;
    }

    List<XmlElement> children() {
        return children;
    }

    String text() {
        return text.toString();
    }

    void addAttribute(String attributeName, String value) {
        attributes.add(attributeName);
        attributes.add(value);
    }

    void addChild(XmlElement child) {
        children.add(child);
    }

    void appendText(String characters) {
        text.append(characters);
    }
}
