package org.wasmj.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * What a command accepts: its options, its parameters and, if it has them, the arguments after
 * its parameters that belong to someone else (a guest's). Both parsing and {@code --help} come
 * from this one description, so they cannot disagree.
 *
 * <p>The rules, as {@code docs/RATIONALE.md} gives them: an option is written {@code --opt=value}
 * or {@code --opt value}, before the parameters or between and after them; {@code --} ends the
 * options; once the parameters are all given, the first argument that is not one of the
 * command's options (an unknown {@code --flag} included) starts the rest, which is passed on
 * untouched. An unknown option before that is an error that names it and points to
 * {@code --help}. {@code -h}/{@code --help} and {@code -V}/{@code --version} belong to every
 * command.
 */
final class CommandSpec {
  /** Every command's {@code -h, --help}. */
  static final Option<Boolean> HELP = Option.flag("-h, --help", "Show this help and exit.");
  /** Every command's {@code -V, --version}. */
  static final Option<Boolean> VERSION = Option.flag("-V, --version", "Print the version and exit.");

  private static final int WIDTH = 80;
  private static final int MAX_LABEL_COLUMN = 30;

  private final String name;
  private final String summary;
  private final List<String> description = new ArrayList<>();
  private final List<Option<?>> options = new ArrayList<>();
  private final List<Term> parameters = new ArrayList<>();
  private int requiredParameters;
  private Term rest; // null when the command takes no more than its parameters
  private final List<CommandSpec> commands = new ArrayList<>();
  private final List<String> footer = new ArrayList<>();

  /** A parameter, a command or an option as {@code --help} lists it: what to type, and why. */
  private record Term(String label, String help) {}

  /** A command called {@code name} (as typed after {@code wasmj}), summed up in one line. */
  CommandSpec(String name, String summary) {
    this.name = name;
    this.summary = summary;
  }

  /** Adds a paragraph to the description {@code --help} prints under the usage line. */
  CommandSpec describe(String paragraph) {
    description.add(paragraph);
    return this;
  }

  /** Adds options, listed by {@code --help} in this order. */
  CommandSpec options(Option<?>... added) {
    for (Option<?> o : added) {
      options.add(o);
    }
    return this;
  }

  /** Adds a parameter that must be given; required ones come before optional ones. */
  CommandSpec parameter(String label, String help) {
    parameters.add(new Term(label, help));
    requiredParameters++;
    return this;
  }

  /** Adds a parameter that may be left out. */
  CommandSpec optionalParameter(String label, String help) {
    parameters.add(new Term(label, help));
    return this;
  }

  /** Lets the command take any arguments after its parameters, untouched ({@link Arguments#rest}). */
  CommandSpec rest(String label, String help) {
    rest = new Term(label, help);
    return this;
  }

  /** Adds subcommands to those {@code --help} lists (the caller dispatches to them). */
  CommandSpec commands(CommandSpec... added) {
    for (CommandSpec c : added) {
      commands.add(c);
    }
    return this;
  }

  /** Adds lines printed at the end of {@code --help}, as they are. */
  CommandSpec footer(String... lines) {
    for (String line : lines) {
      footer.add(line);
    }
    return this;
  }

  String name() {
    return name;
  }

  String summary() {
    return summary;
  }

  /**
   * Parses {@code args} from index {@code from}. If {@code --help} or {@code --version} is met
   * among the options, parsing stops there and the result has it set.
   *
   * @throws Failures.UsageException on an unknown option, a missing or unexpected value, or a
   *     missing or unexpected parameter
   */
  Arguments parse(String[] args, int from) {
    Arguments out = new Arguments();
    boolean optionsEnded = false;
    for (int i = from; i < args.length; i++) {
      String a = args[i];
      boolean parametersDone = out.parameterCount() == parameters.size();
      if (!optionsEnded && a.equals("--")) {
        optionsEnded = true;
        continue;
      }
      if (!optionsEnded && a.length() > 1 && a.charAt(0) == '-') {
        int eq = a.indexOf('=');
        String given = eq < 0 ? a : a.substring(0, eq);
        Option<?> option = find(given);
        if (option == null && rest != null && parametersDone) {
          addRest(out, args, i);
          break;
        }
        if (option == null) {
          throw new Failures.UsageException("unknown option '" + given + "'" + suggestion(given));
        }
        if (option == HELP || option == VERSION) {
          out.set(option, Boolean.TRUE);
          return out;
        }
        if (!option.takesValue()) {
          if (eq >= 0) {
            throw new Failures.UsageException(given + " takes no value");
          }
          out.set(option, Boolean.TRUE);
          continue;
        }
        String value;
        if (eq >= 0) {
          value = a.substring(eq + 1);
        } else if (i + 1 < args.length) {
          value = args[++i];
        } else {
          throw new Failures.UsageException(given + " needs a value: " + given + "="
              + option.label());
        }
        if (!option.isRepeatable() && out.has(option)) {
          throw new Failures.UsageException(given + " may be given only once");
        }
        out.set(option, option.convert(value));
        continue;
      }
      if (!parametersDone) {
        out.addParameter(a);
      } else if (rest != null) {
        addRest(out, args, i);
        break;
      } else {
        throw new Failures.UsageException("unexpected argument '" + a + "'");
      }
    }
    if (out.parameterCount() < requiredParameters) {
      throw new Failures.UsageException("missing " + parameters.get(out.parameterCount()).label());
    }
    return out;
  }

  private static void addRest(Arguments out, String[] args, int from) {
    for (int i = from; i < args.length; i++) {
      out.addRest(args[i]);
    }
  }

  private Option<?> find(String given) {
    if (HELP.isNamed(given)) {
      return HELP;
    }
    if (VERSION.isNamed(given)) {
      return VERSION;
    }
    for (Option<?> o : options) {
      if (o.isNamed(given)) {
        return o;
      }
    }
    return null;
  }

  /** {@code "; did you mean --x?"} for an option within two typos of {@code given}, else "". */
  private String suggestion(String given) {
    for (Option<?> o : options) {
      if (!o.isHidden() && editDistance(given, o.name()) <= 2) {
        return "; did you mean " + o.name() + "?";
      }
    }
    return "";
  }

  /** Levenshtein distance: the fewest single-character edits from {@code a} to {@code b}. */
  static int editDistance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitute = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitute, Math.min(previous[j], current[j - 1]) + 1);
      }
      int[] t = previous;
      previous = current;
      current = t;
    }
    return previous[b.length()];
  }

  /** Prints the help: usage line, description, commands, parameters, options, footer. */
  void printHelp(PrintStream out) {
    StringBuilder usage = new StringBuilder("Usage: wasmj");
    if (!name.equals("wasmj")) {
      usage.append(' ').append(name);
    }
    usage.append(" [OPTIONS]");
    for (Term p : parameters) {
      usage.append(' ').append(p.label());
    }
    if (rest != null) {
      usage.append(' ').append(rest.label());
    }
    out.println(usage);
    for (String paragraph : description) {
      out.println();
      wrap(out, "", paragraph);
    }
    if (!commands.isEmpty()) {
      out.println();
      out.println("Commands:");
      List<Term> rows = new ArrayList<>();
      for (CommandSpec c : commands) {
        rows.add(new Term("  " + c.name, c.summary));
      }
      table(out, rows);
    }
    if (!parameters.isEmpty() || rest != null) {
      out.println();
      out.println("Parameters:");
      List<Term> rows = new ArrayList<>();
      for (Term p : parameters) {
        rows.add(new Term("  " + p.label(), p.help()));
      }
      if (rest != null) {
        rows.add(new Term("  " + rest.label(), rest.help()));
      }
      table(out, rows);
    }
    out.println();
    out.println("Options:");
    List<Term> rows = new ArrayList<>();
    for (Option<?> o : options) {
      if (!o.isHidden()) {
        rows.add(optionRow(o));
      }
    }
    rows.add(optionRow(HELP));
    rows.add(optionRow(VERSION));
    table(out, rows);
    if (!footer.isEmpty()) {
      out.println();
      for (String line : footer) {
        out.println(line);
      }
    }
  }

  /** {@code "  -v, --verbose"} or {@code "      --invoke=NAME"}: long names line up. */
  private static Term optionRow(Option<?> o) {
    String names = o.names().startsWith("--") ? "      " + o.names() : "  " + o.names();
    return new Term(o.takesValue() ? names + "=" + o.label() : names, o.help());
  }

  /** Rows of a term and its help, the help wrapped in a column after the longest short term. */
  private static void table(PrintStream out, List<Term> rows) {
    int column = 0;
    for (Term row : rows) {
      if (row.label().length() <= MAX_LABEL_COLUMN) {
        column = Math.max(column, row.label().length());
      }
    }
    column += 2;
    String indent = " ".repeat(column);
    for (Term row : rows) {
      if (row.label().length() > MAX_LABEL_COLUMN) {
        out.println(row.label());
        wrap(out, indent, indent, row.help());
      } else {
        wrap(out, row.label() + " ".repeat(column - row.label().length()), indent, row.help());
      }
    }
  }

  private static void wrap(PrintStream out, String indent, String text) {
    wrap(out, indent, indent, text);
  }

  /** {@code text} in lines of at most {@link #WIDTH}, the first after {@code first}. */
  static void wrap(PrintStream out, String first, String indent, String text) {
    StringBuilder line = new StringBuilder(first);
    int start = line.length();
    for (String word : text.split(" ")) {
      if (line.length() > start && line.length() + 1 + word.length() > WIDTH) {
        out.println(line);
        line.setLength(0);
        line.append(indent);
        start = line.length();
      }
      if (line.length() > start) {
        line.append(' ');
      }
      line.append(word);
    }
    out.println(line);
  }
}
