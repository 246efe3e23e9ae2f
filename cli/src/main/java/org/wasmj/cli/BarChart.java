package org.wasmj.cli;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A horizontal bar chart written as plain SVG text, without any library: one panel per measured
 * quantity, each with its own labelled axis, one bar per runner in it, a runner in the same colour
 * in every panel, each bar's value written after it and, when given, a whisker from the lowest to
 * the highest measurement. {@code wasmj compare --svg} draws its table with it, and the
 * benchmarks' {@code Charts} tool the JMH results in {@code benchmarks/README.md}.
 *
 * <pre>{@code
 * String svg = BarChart.svg("fib(30)", List.of(new BarChart.Panel("Warm run",
 *     "milliseconds (lower is better)",
 *     List.of(BarChart.Bar.of("switch", 61.2), BarChart.Bar.of("asm", 2.3)))));
 * }</pre>
 *
 * <p>Public only so that the benchmarks module, on the class path, can use it: the CLI's module
 * exports no package.
 */
public final class BarChart {
  /** Width of the whole picture, in pixels. */
  static final int WIDTH = 760;
  private static final int MARGIN = 16;
  private static final int BAR_HEIGHT = 18;
  private static final int ROW_HEIGHT = 24;
  private static final int VALUE_SPACE = 84; // for the value written after the longest bar
  private static final double CHAR_WIDTH = 7.0; // of 12px sans-serif, on average, for layout
  private static final String[] COLOURS = {
    "#4e79a7", "#f28e2b", "#59a14f", "#e15759", "#76b7b2", "#edc948", "#b07aa1", "#9c755f",
    "#ff9da7", "#bab0ac"
  };

  private BarChart() {}

  /**
   * One bar: its label, its value ({@code NaN}: not measured, drawn as "n/a"), and the lowest and
   * highest measurement for a whisker ({@code NaN}: none).
   */
  public record Bar(String label, double value, double low, double high) {
    /** A bar without a whisker. */
    public static Bar of(String label, double value) {
      return new Bar(label, value, Double.NaN, Double.NaN);
    }
  }

  /** One quantity: a title above, the bars, and an axis whose label names the unit. */
  public record Panel(String title, String axis, List<Bar> bars) {}

  /** The chart of {@code panels} under {@code title}, as an SVG document. */
  public static String svg(String title, List<Panel> panels) {
    Map<String, String> colours = new LinkedHashMap<>();
    int longest = 0;
    for (Panel p : panels) {
      for (Bar b : p.bars()) {
        colours.putIfAbsent(b.label(), COLOURS[colours.size() % COLOURS.length]);
        longest = Math.max(longest, b.label().length());
      }
    }
    int labelWidth = (int) Math.min(280, Math.max(60, longest * CHAR_WIDTH + 12));
    int plotLeft = MARGIN + labelWidth;
    int plotWidth = WIDTH - plotLeft - VALUE_SPACE - MARGIN;

    StringBuilder body = new StringBuilder();
    int y = MARGIN + 18;
    body.append(text(MARGIN, y, "title", title));
    y += 14;
    for (Panel p : panels) {
      y += 22;
      body.append(text(MARGIN, y, "panel", p.title()));
      y += 8;
      double max = 0;
      boolean whole = true; // counts: no tick at 0.2 of a function
      for (Bar b : p.bars()) {
        max = Math.max(max, finite(b.high()) ? Math.max(b.value(), b.high()) : finite(b.value())
            ? b.value() : 0);
        whole &= !finite(b.value()) || b.value() == Math.rint(b.value()) && !finite(b.high());
      }
      double[] ticks = ticks(max, whole);
      double axisMax = ticks[ticks.length - 1];
      int top = y;
      for (Bar b : p.bars()) {
        int barY = y + (ROW_HEIGHT - BAR_HEIGHT) / 2;
        body.append(text(plotLeft - 6, barY + 13, "label", b.label()));
        if (finite(b.value())) {
          double w = Math.max(0, b.value()) / axisMax * plotWidth;
          body.append(String.format(Locale.ROOT,
              "<rect class=\"bar\" x=\"%d\" y=\"%d\" width=\"%.2f\" height=\"%d\" fill=\"%s\">"
                  + "<title>%s: %s</title></rect>%n",
              plotLeft, barY, w, BAR_HEIGHT, colours.get(b.label()), escape(b.label()),
              escape(format(b.value()))));
          double end = w;
          if (finite(b.low()) && finite(b.high())) {
            double x1 = plotLeft + Math.max(0, b.low()) / axisMax * plotWidth;
            double x2 = plotLeft + Math.max(0, b.high()) / axisMax * plotWidth;
            int mid = barY + BAR_HEIGHT / 2;
            body.append(String.format(Locale.ROOT, "<path class=\"whisker\" d=\"M%.2f %dH%.2f"
                + "M%.2f %dV%dM%.2f %dV%d\"/>%n", x1, mid, x2, x1, mid - 4, mid + 4, x2, mid - 4,
                mid + 4));
            end = Math.max(end, x2 - plotLeft);
          }
          body.append(text((int) Math.round(plotLeft + end + 5), barY + 13, "value",
              format(b.value())));
        } else {
          body.append(text(plotLeft + 5, barY + 13, "value", "n/a"));
        }
        y += ROW_HEIGHT;
      }
      // the axis: a line, ticks with their values, gridlines behind the bars, the unit below
      StringBuilder grid = new StringBuilder();
      for (double t : ticks) {
        double x = plotLeft + t / axisMax * plotWidth;
        grid.append(String.format(Locale.ROOT, "<path class=\"grid\" d=\"M%.2f %dV%d\"/>%n", x,
            top, y));
        body.append(String.format(Locale.ROOT, "<path class=\"axis\" d=\"M%.2f %dV%d\"/>%n", x, y,
            y + 4));
        body.append(String.format(Locale.ROOT,
            "<text class=\"tick\" x=\"%.2f\" y=\"%d\">%s</text>%n", x, y + 16, tick(t)));
      }
      body.append(String.format(Locale.ROOT, "<path class=\"axis\" d=\"M%d %dH%d\"/>%n",
          plotLeft, y, plotLeft + plotWidth));
      body.append(String.format(Locale.ROOT, "<path class=\"axis\" d=\"M%d %dV%d\"/>%n",
          plotLeft, top, y));
      body.append(text(plotLeft + plotWidth / 2, y + 32, "unit", p.axis()));
      y += 36;
      body.insert(0, grid); // drawn first, so under everything else
    }
    int height = y + MARGIN;
    return String.format(Locale.ROOT,
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>%n"
        + "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d"
        + " %d\" font-family=\"sans-serif\" font-size=\"12\">%n"
        + "<style>.title{font-size:16px;font-weight:bold}.panel{font-size:13px;font-weight:bold}"
        + ".label{text-anchor:end}.tick{text-anchor:middle;fill:#555}.unit{text-anchor:middle}"
        + ".axis{stroke:#333;fill:none}.grid{stroke:#ddd;fill:none}"
        + ".whisker{stroke:#222;fill:none}</style>%n"
        + "<rect width=\"100%%\" height=\"100%%\" fill=\"white\"/>%n%s</svg>%n",
        WIDTH, height, WIDTH, height, body);
  }

  private static String text(int x, int y, String cls, String s) {
    return "<text class=\"" + cls + "\" x=\"" + x + "\" y=\"" + y + "\">" + escape(s)
        + "</text>\n";
  }

  private static boolean finite(double v) {
    return !Double.isNaN(v) && !Double.isInfinite(v);
  }

  /**
   * The ticks of an axis from 0 to at least {@code max}, 1, 2 or 5 times a power of ten apart,
   * two to seven of them (at least 1 apart if {@code whole}); the last is the end of the axis.
   */
  static double[] ticks(double max, boolean whole) {
    if (!(max > 0)) {
      return new double[] {0, 1};
    }
    double step = Math.pow(10, Math.floor(Math.log10(max / 5)));
    for (double f : new double[] {1, 2, 5, 10}) {
      if (max / (step * f) <= 6) {
        step *= f;
        break;
      }
    }
    if (whole) {
      step = Math.max(1, step);
    }
    int n = (int) Math.ceil(max / step - 1e-9);
    List<Double> out = new ArrayList<>();
    for (int i = 0; i <= n; i++) {
      out.add(i * step);
    }
    double[] ticks = new double[out.size()];
    for (int i = 0; i < ticks.length; i++) {
      ticks[i] = out.get(i);
    }
    return ticks;
  }

  /** A tick's value: as few digits as it needs ({@code 0.2}, {@code 2.5}, {@code 1,000}). */
  static String tick(double t) {
    if (t == Math.rint(t)) {
      return String.format(Locale.ROOT, "%,.0f", t);
    }
    return new BigDecimal(t).round(new MathContext(6)).stripTrailingZeros().toPlainString();
  }

  /** A value as the chart writes it: three significant digits, thousands grouped. */
  static String format(double v) {
    double a = Math.abs(v);
    if (a >= 100 || v == Math.rint(v) && a < 1e15) {
      return String.format(Locale.ROOT, "%,.0f", v);
    }
    if (a >= 10) {
      return String.format(Locale.ROOT, "%.1f", v);
    }
    if (a >= 1) {
      return String.format(Locale.ROOT, "%.2f", v);
    }
    return String.format(Locale.ROOT, "%.3g", v);
  }

  /** Whether the char at {@code i} of {@code s} may stand in XML 1.0 (a lone surrogate may not). */
  private static boolean allowedInXml(String s, int i) {
    char c = s.charAt(i);
    if (Character.isHighSurrogate(c)) {
      return i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
    }
    if (Character.isLowSurrogate(c)) {
      return i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
    }
    return (c >= 0x20 || c == '\t' || c == '\n' || c == '\r') && c != 0xFFFE && c != 0xFFFF;
  }

  /** {@code s} safe in XML text and attribute values; characters XML forbids become U+FFFD. */
  static String escape(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&': sb.append("&amp;"); break;
        case '<': sb.append("&lt;"); break;
        case '>': sb.append("&gt;"); break;
        case '"': sb.append("&quot;"); break;
        case '\'': sb.append("&apos;"); break;
        default: sb.append(allowedInXml(s, i) ? c : '\uFFFD');
      }
    }
    return sb.toString();
  }
}
