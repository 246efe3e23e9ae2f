package org.wasmj.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class TextTest {
  @Test
  void plainTextIsUntouched() {
    String s = "fib: func (i32) -> (i32) héllo 🦀";
    assertEquals(s, Text.escape(s));
  }

  @Test
  void controlCharactersAreEscaped() {
    assertEquals("\\x1b[2J\\x1b]0;pwned\\x07", Text.escape("\u001b[2J\u001b]0;pwned\u0007"));
    assertEquals("a\\x00b\\x7fc\\x9bd\\x0a", Text.escape("a\0b\u007fc\u009bd\n"));
    assertEquals("evil\\u{202e}txt.exe", Text.escape("evil\u202etxt.exe"));
    assertEquals("lone \\u{d800} 🦀", Text.escape("lone \ud800 🦀"));
  }

  @Test
  void escapeLinesKeepsTheLineBreaks() {
    assertEquals("func \\x1b\ncall $0\n", Text.escapeLines("func \u001b\ncall $0\n"));
  }
}
