package org.wasmj.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class CommandSpecTest {
  private static final Option<String> NAME = Option.text("--name", "NAME", "A name.");
  private static final Option<String> ITEM = Option.text("-i, --item", "X", "An item.")
      .repeatable();
  private static final Option<Integer> COUNT = Option.integer("--count", "N", "A count.");
  private static final Option<Boolean> QUIET = Option.flag("-q, --quiet", "Say less.");
  private static final Option<String> OLD = Option.text("--old", "X", "Old spelling.").hidden();

  /** Like {@code run}: one parameter, then the rest. */
  private static final CommandSpec WITH_REST = new CommandSpec("go", "Go.")
      .options(NAME, ITEM, COUNT, QUIET, OLD)
      .parameter("<file>", "The file.")
      .rest("[ARGS...]", "Passed on.");
  /** Like {@code inspect}: one parameter, nothing more. */
  private static final CommandSpec WITHOUT_REST = new CommandSpec("look", "Look.")
      .options(NAME, QUIET)
      .parameter("<file>", "The file.");

  private static Arguments parse(CommandSpec spec, String... args) {
    return spec.parse(args, 0);
  }

  private static String usageError(CommandSpec spec, String... args) {
    return assertThrows(Failures.UsageException.class, () -> parse(spec, args)).getMessage();
  }

  @Test
  void valuesComeAsOptEqualsValueOrAsTheNextArgument() {
    Arguments a = parse(WITH_REST, "--name=x", "--count", "42", "f");
    assertEquals("x", a.get(NAME));
    assertEquals(42, a.get(COUNT));
    assertEquals("f", a.parameter(0));
    assertEquals("a=b", parse(WITH_REST, "--name=a=b", "f").get(NAME), "only the first = splits");
    assertEquals("", parse(WITH_REST, "--name=", "f").get(NAME));
    assertEquals("-x", parse(WITH_REST, "--name", "-x", "f").get(NAME), "a value may look like"
        + " an option");
  }

  @Test
  void optionsMayFollowTheParameterAndTheFirstOtherArgumentStartsTheRest() {
    Arguments a = parse(WITH_REST, "-q", "f", "--name", "n", "-i", "1", "one", "--name", "two");
    assertTrue(a.has(QUIET));
    assertEquals("n", a.get(NAME));
    assertEquals(List.of("1"), a.all(ITEM));
    assertEquals(List.of("one", "--name", "two"), a.rest());
    assertEquals(List.of("--unknown", "-q"), parse(WITH_REST, "f", "--unknown", "-q").rest(),
        "after the parameter, an option that is not ours is the rest's");
  }

  @Test
  void doubleDashEndsTheOptions() {
    Arguments a = parse(WITH_REST, "--", "--name", "x");
    assertEquals("--name", a.parameter(0));
    assertEquals(List.of("x"), a.rest());
    assertNull(a.get(NAME));
    assertEquals(List.of("x", "--", "-q"), parse(WITH_REST, "f", "x", "--", "-q").rest(),
        "a -- in the rest is passed on");
    assertEquals(List.of("-q"), parse(WITH_REST, "f", "--", "-q").rest());
  }

  @Test
  void repeatableOptionsKeepEveryValueInOrderOthersOnlyOne() {
    Arguments a = parse(WITH_REST, "--item", "a", "-i=b", "--item=c", "f");
    assertEquals(List.of("a", "b", "c"), a.all(ITEM));
    assertEquals("c", a.get(ITEM));
    assertEquals(List.of(), parse(WITH_REST, "f").all(ITEM));
    assertEquals("--name may be given only once", usageError(WITH_REST, "--name=a", "--name=b"));
  }

  @Test
  void mistakesAreUsageErrorsThatNameWhatWasWrong() {
    assertEquals("unknown option '--bogus'", usageError(WITH_REST, "--bogus", "f"));
    assertEquals("unknown option '--nmae'; did you mean --name?",
        usageError(WITH_REST, "--nmae=x", "f"));
    assertEquals("unknown option '--bogus'", usageError(WITHOUT_REST, "f", "--bogus"),
        "without a rest, an unknown option after the parameter is still an error");
    assertEquals("--name needs a value: --name=NAME", usageError(WITH_REST, "f", "--name"));
    assertEquals("--quiet takes no value", usageError(WITH_REST, "--quiet=yes", "f"));
    assertEquals("missing <file>", usageError(WITH_REST, "--quiet"));
    assertEquals("unexpected argument 'g'", usageError(WITHOUT_REST, "f", "g"));
    assertEquals("invalid value for --count: 'ten' is not an integer",
        usageError(WITH_REST, "--count=ten", "f"));
    assertEquals("invalid value for --count: '9999999999' is out of range",
        usageError(WITH_REST, "--count=9999999999", "f"));
  }

  @Test
  void helpAndVersionStopParsingWhateverElseIsWrong() {
    assertTrue(parse(WITH_REST, "-h").has(CommandSpec.HELP));
    assertTrue(parse(WITH_REST, "--name", "x", "--help", "--bogus").has(CommandSpec.HELP));
    assertTrue(parse(WITHOUT_REST, "-V").has(CommandSpec.VERSION));
    assertFalse(parse(WITH_REST, "f", "x", "--help").has(CommandSpec.HELP),
        "in the rest, --help is the guest's");
  }

  @Test
  void theHelpIsWrittenFromTheSameDefinitions() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    WITH_REST.printHelp(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    String help = bytes.toString(StandardCharsets.UTF_8);
    assertTrue(help.startsWith("Usage: wasmj go [OPTIONS] <file> [ARGS...]\n"), help);
    for (String line : List.of("      --name=NAME", "  -i, --item=X", "      --count=N",
        "  -q, --quiet", "  -h, --help", "  -V, --version", "  <file>", "  [ARGS...]")) {
      assertTrue(help.contains("\n" + line + " "), line + " in\n" + help);
    }
    assertFalse(help.contains("--old"), "hidden");
    for (String line : help.split("\n")) {
      assertTrue(line.length() <= 80, line);
    }
    assertFalse(help.contains("\u001b"), "no terminal escapes");
  }

  @Test
  void editDistanceCountsSingleCharacterEdits() {
    assertEquals(0, CommandSpec.editDistance("--dir", "--dir"));
    assertEquals(2, CommandSpec.editDistance("--dri", "--dir"), "a swap is two edits");
    assertEquals(1, CommandSpec.editDistance("--di", "--dir"));
    assertEquals(5, CommandSpec.editDistance("", "--dir"));
  }
}
