package io.portbind.chat.xml;

/** Escaping shared by text and attribute values. */
public final class Xml {

    public static final String XML_NAMESPACE = "http://www.w3.org/XML/1998/namespace";

    private Xml() {
    }

    /** Appends {@code text} with the five XML special characters escaped, valid inside text and quoted attributes. */
    public static void escape(CharSequence text, StringBuilder out) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '\'' -> out.append("&apos;");
                case '"' -> out.append("&quot;");
                default -> out.append(c);
            }
        }
    }
}
