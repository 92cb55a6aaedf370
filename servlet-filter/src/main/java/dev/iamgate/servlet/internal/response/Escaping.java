package dev.iamgate.servlet.internal.response;

/** JSON-string and HTML escaping for messages that carry request data (paths, ARNs). */
final class Escaping {

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private Escaping() {}

    static void jsonString(String text, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    // < and > too, so a message can never close a script element it is embedded in.
                    if (c < 0x20 || c == 0x7f || c == '<' || c == '>' || c == '\u2028' || c == '\u2029') {
                        out.append("\\u").append(HEX[(c >> 12) & 0xf]).append(HEX[(c >> 8) & 0xf])
                                .append(HEX[(c >> 4) & 0xf]).append(HEX[c & 0xf]);
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    static void html(String text, StringBuilder out) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c < 0x20 ? ' ' : c);
            }
        }
    }
}
