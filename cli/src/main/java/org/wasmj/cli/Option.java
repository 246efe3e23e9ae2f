package org.wasmj.cli;

/**
 * One option of a command, defined in one place: its names, the label of its value (none for a
 * flag), its help text, whether it may be given more than once, and the type its value is
 * converted to. {@link CommandSpec} parses with it and writes {@code --help} from it; the command
 * reads the value back with {@link Arguments#get}:
 *
 * <pre>{@code
 * static final Option<String> INVOKE = Option.text("--invoke", "NAME", "Call the export NAME.");
 * ...
 * String invoke = arguments.get(INVOKE); // null when not given
 * }</pre>
 *
 * <p>A new option is one such line in the command's option table. A value is converted when it
 * is parsed, so a bad one is a usage error before the command does any work.
 */
final class Option<T> {
  /** How a value is converted; a switch rather than a function, so no lambda runs at start-up. */
  enum Kind {
    /** No value: present or absent. */
    FLAG,
    /** The text as given. */
    TEXT,
    /** A decimal {@code int}. */
    INTEGER
  }

  private final String names;
  private final String[] spellings;
  private final String label;
  private final String help;
  private final Kind kind;
  private final boolean repeatable;
  private final boolean hidden;

  private Option(String names, String label, String help, Kind kind, boolean repeatable,
      boolean hidden) {
    this.names = names;
    int comma = names.indexOf(", "); // at most a short and a long name; no regex at start-up
    this.spellings = comma < 0 ? new String[] {names}
        : new String[] {names.substring(0, comma), names.substring(comma + 2)};
    this.label = label;
    this.help = help;
    this.kind = kind;
    this.repeatable = repeatable;
    this.hidden = hidden;
  }

  /**
   * A flag without a value; {@code names} as help shows them: {@code "--name"}, or a short and a
   * long name as in {@code "-v, --verbose"}.
   */
  static Option<Boolean> flag(String names, String help) {
    return new Option<>(names, null, help, Kind.FLAG, false, false);
  }

  /** An option whose value is text, written {@code --name=LABEL} or {@code --name LABEL}. */
  static Option<String> text(String names, String label, String help) {
    return new Option<>(names, label, help, Kind.TEXT, false, false);
  }

  /** An option whose value is a decimal {@code int}. */
  static Option<Integer> integer(String names, String label, String help) {
    return new Option<>(names, label, help, Kind.INTEGER, false, false);
  }

  /** This option, allowed more than once; {@link Arguments#all} has its values in order. */
  Option<T> repeatable() {
    return new Option<>(names, label, help, kind, true, hidden);
  }

  /** This option, accepted but left out of {@code --help} (e.g. an old spelling). */
  Option<T> hidden() {
    return new Option<>(names, label, help, kind, repeatable, true);
  }

  /** Whether {@code name} (without {@code =value}) is one of this option's spellings. */
  boolean isNamed(String name) {
    for (String s : spellings) {
      if (s.equals(name)) {
        return true;
      }
    }
    return false;
  }

  /** The longest spelling, which messages use. */
  String name() {
    return spellings[spellings.length - 1];
  }

  /** All spellings, comma-separated, as {@code --help} shows them. */
  String names() {
    return names;
  }

  /** The label of the value, or {@code null} for a flag. */
  String label() {
    return label;
  }

  String help() {
    return help;
  }

  boolean takesValue() {
    return kind != Kind.FLAG;
  }

  boolean isRepeatable() {
    return repeatable;
  }

  boolean isHidden() {
    return hidden;
  }

  /** {@code text} converted to this option's type; a usage error if it is not one. */
  Object convert(String text) {
    switch (kind) {
      case FLAG:
        return Boolean.TRUE;
      case TEXT:
        return text;
      case INTEGER:
        try {
          return Integer.valueOf(text);
        } catch (NumberFormatException e) {
          boolean digits = text.matches("[+-]?[0-9]+");
          throw new Failures.UsageException("invalid value for " + name() + ": '" + text + "' is "
              + (digits ? "out of range" : "not an integer"));
        }
      default:
        throw new AssertionError(kind);
    }
  }
}
