package org.wasmj.cli;

/**
 * Text from a module (names of exports, imports, functions, sections) made safe for a terminal:
 * control characters are printed as escapes, so a name cannot move the cursor, change colours or
 * retitle the window.
 */
final class Text {
  private Text() {}

  /**
   * {@code s} with every C0 and C1 control character and DEL as {@code \xNN}, and the Unicode
   * controls that reorder text (U+200E, U+200F, U+202A–U+202E, U+2066–U+2069) and lone surrogates
   * as {@code \}{@code u{NNNN}} (hex code in braces, as Rust prints them).
   */
  static String escape(String s) {
    int i = 0;
    while (i < s.length() && !escaped(s.charAt(i))) {
      i++;
    }
    if (i == s.length()) {
      return s;
    }
    StringBuilder sb = new StringBuilder(s.length() + 16).append(s, 0, i);
    for (; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isHighSurrogate(c) && i + 1 < s.length()
          && Character.isLowSurrogate(s.charAt(i + 1))) {
        sb.append(c).append(s.charAt(++i));
      } else if (!escaped(c)) {
        sb.append(c);
      } else if (c < 0x100) {
        sb.append(String.format("\\x%02x", (int) c));
      } else {
        sb.append(String.format("\\u{%04x}", (int) c));
      }
    }
    return sb.toString();
  }

  /** Each line of {@code s} escaped; the line breaks stay. */
  static String escapeLines(String s) {
    String[] lines = s.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      lines[i] = escape(lines[i]);
    }
    return String.join("\n", lines);
  }

  private static boolean escaped(char c) {
    return c < 0x20 || (c >= 0x7F && c < 0xA0) || c == 0x200E || c == 0x200F
        || (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069)
        || Character.isSurrogate(c);
  }
}
