package io.portbind.chat.xml;

/** Character data inside an element, kept unescaped. */
public record XmlText(String text) implements XmlNode {

    @Override
    public void appendTo(StringBuilder out, String parentNamespace) {
        Xml.escape(text, out);
    }
}
