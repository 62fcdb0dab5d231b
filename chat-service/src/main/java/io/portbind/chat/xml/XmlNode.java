package io.portbind.chat.xml;

/** A piece of a stanza's content: an element or a run of text. */
public sealed interface XmlNode permits XmlElement, XmlText {

    /** Appends this node as XML text; {@code parentNamespace} decides whether an {@code xmlns} is needed. */
    void appendTo(StringBuilder out, String parentNamespace);
}
