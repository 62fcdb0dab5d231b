package io.portbind.chat.xml;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One element of a stanza tree with its namespace, attributes and children. Attributes are keyed by
 * local name, except {@code xml:lang}, the only namespaced attribute XMPP uses. Built by the stream
 * parser or by code answering a stanza; mutable so the server can stamp {@code from} without copying.
 */
public final class XmlElement implements XmlNode {

    private final String name;
    private final String namespace;
    private final Map<String, String> attributes = new LinkedHashMap<>(4);
    private final List<XmlNode> children = new ArrayList<>(2);

    public XmlElement(String name, String namespace) {
        this.name = Objects.requireNonNull(name, "name");
        this.namespace = Objects.requireNonNull(namespace, "namespace");
    }

    public static XmlElement of(String name, String namespace) {
        return new XmlElement(name, namespace);
    }

    public String name() {
        return name;
    }

    public String namespace() {
        return namespace;
    }

    public boolean is(String expectedName, String expectedNamespace) {
        return name.equals(expectedName) && namespace.equals(expectedNamespace);
    }

    /** The attribute's value, or {@code null}. */
    public String attribute(String key) {
        return attributes.get(key);
    }

    /** Sets an attribute; a {@code null} value removes it. */
    public XmlElement attribute(String key, String value) {
        if (value == null) {
            attributes.remove(key);
        } else {
            attributes.put(key, value);
        }
        return this;
    }

    public List<XmlNode> children() {
        return Collections.unmodifiableList(children);
    }

    public XmlElement add(XmlNode child) {
        children.add(child);
        return this;
    }

    /** Adds a child element and returns the child, for building nested replies. */
    public XmlElement addChild(String childName, String childNamespace) {
        XmlElement child = new XmlElement(childName, childNamespace);
        children.add(child);
        return child;
    }

    /** Adds a child in this element's namespace holding only {@code text}. */
    public XmlElement addTextChild(String childName, String text) {
        addChild(childName, namespace).addText(text);
        return this;
    }

    public XmlElement addText(String text) {
        if (!text.isEmpty()) {
            children.add(new XmlText(text));
        }
        return this;
    }

    public List<XmlElement> elements() {
        List<XmlElement> elements = new ArrayList<>(children.size());
        for (XmlNode child : children) {
            if (child instanceof XmlElement element) {
                elements.add(element);
            }
        }
        return elements;
    }

    /** The first child element with this name and namespace. */
    public Optional<XmlElement> child(String childName, String childNamespace) {
        for (XmlNode child : children) {
            if (child instanceof XmlElement element && element.is(childName, childNamespace)) {
                return Optional.of(element);
            }
        }
        return Optional.empty();
    }

    /** The text of the first such child, or empty. */
    public Optional<String> childText(String childName, String childNamespace) {
        return child(childName, childNamespace).map(XmlElement::text);
    }

    /** All character data directly inside this element. */
    public String text() {
        StringBuilder text = new StringBuilder();
        for (XmlNode child : children) {
            if (child instanceof XmlText part) {
                text.append(part.text());
            }
        }
        return text.toString();
    }

    /** A deep copy, for sending one stanza to several places with different attributes. */
    public XmlElement copy() {
        XmlElement copy = new XmlElement(name, namespace);
        copy.attributes.putAll(attributes);
        for (XmlNode child : children) {
            copy.children.add(child instanceof XmlElement element ? element.copy() : child);
        }
        return copy;
    }

    @Override
    public void appendTo(StringBuilder out, String parentNamespace) {
        out.append('<').append(name);
        if (!namespace.equals(parentNamespace)) {
            out.append(" xmlns='");
            Xml.escape(namespace, out);
            out.append('\'');
        }
        for (Map.Entry<String, String> attribute : attributes.entrySet()) {
            out.append(' ').append(attribute.getKey()).append("='");
            Xml.escape(attribute.getValue(), out);
            out.append('\'');
        }
        if (children.isEmpty()) {
            out.append("/>");
            return;
        }
        out.append('>');
        for (XmlNode child : children) {
            child.appendTo(out, namespace);
        }
        out.append("</").append(name).append('>');
    }

    /** This element as XML inside a parent of namespace {@code parentNamespace}. */
    public String toXml(String parentNamespace) {
        StringBuilder out = new StringBuilder(128);
        appendTo(out, parentNamespace);
        return out.toString();
    }

    @Override
    public String toString() {
        return toXml("");
    }
}
