package org.wasmj.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.wasmj.testsupport.Svg;

class BarChartTest {
  static Document parse(String svg) throws Exception {
    return Svg.parse(svg);
  }

  static List<Element> elements(Document d, String tag, String cls) {
    return Svg.elements(d, tag, cls);
  }

  @Test
  void barsAreProportionalToTheirValuesWithinAPanel() throws Exception {
    String svg = BarChart.svg("t", List.of(new BarChart.Panel("p", "ms", List.of(
        BarChart.Bar.of("a", 10), BarChart.Bar.of("b", 25), BarChart.Bar.of("c", 40)))));
    List<Element> bars = elements(parse(svg), "rect", "bar");
    assertEquals(3, bars.size());
    double a = width(bars.get(0));
    assertEquals(2.5, width(bars.get(1)) / a, 1e-3);
    assertEquals(4.0, width(bars.get(2)) / a, 1e-3);
  }

  @Test
  void everyPanelHasItsTitleAndItsAxisLabelledWithTheUnit() throws Exception {
    Document d = parse(BarChart.svg("The title", List.of(
        new BarChart.Panel("cold", "milliseconds", List.of(BarChart.Bar.of("asm", 300))),
        new BarChart.Panel("size", "instructions", List.of(BarChart.Bar.of("asm", 9))))));
    assertEquals("The title", elements(d, "text", "title").get(0).getTextContent());
    assertEquals(List.of("cold", "size"), texts(elements(d, "text", "panel")));
    assertEquals(List.of("milliseconds", "instructions"), texts(elements(d, "text", "unit")));
    List<String> ticks = texts(elements(d, "text", "tick"));
    assertTrue(ticks.contains("0") && ticks.contains("300"), ticks.toString());
  }

  @Test
  void aRunnerHasOneColourInEveryPanel() throws Exception {
    List<BarChart.Bar> bars = List.of(BarChart.Bar.of("x", 1), BarChart.Bar.of("y", 2));
    List<Element> rects = elements(parse(BarChart.svg("t", List.of(
        new BarChart.Panel("1", "u", bars), new BarChart.Panel("2", "u", bars)))), "rect", "bar");
    assertEquals(rects.get(0).getAttribute("fill"), rects.get(2).getAttribute("fill"));
    assertEquals(rects.get(1).getAttribute("fill"), rects.get(3).getAttribute("fill"));
    assertTrue(!rects.get(0).getAttribute("fill").equals(rects.get(1).getAttribute("fill")));
  }

  @Test
  void namesAreEscapedAndAMissingValueIsNotABar() throws Exception {
    String name = "<a & \"b\">\u0001\ud800";
    Document d = parse(BarChart.svg(name, List.of(new BarChart.Panel("p", "u",
        List.of(BarChart.Bar.of(name, Double.NaN), BarChart.Bar.of("ok", 3))))));
    assertEquals("<a & \"b\">\ufffd\ufffd", elements(d, "text", "title").get(0).getTextContent());
    assertEquals(1, elements(d, "rect", "bar").size());
    assertTrue(texts(elements(d, "text", "value")).contains("n/a"));
  }

  @Test
  void whiskersSpanTheLowestToTheHighestMeasurement() throws Exception {
    Document d = parse(BarChart.svg("t", List.of(new BarChart.Panel("p", "u",
        List.of(new BarChart.Bar("a", 20, 10, 40), BarChart.Bar.of("b", 20))))));
    List<Element> whiskers = elements(d, "path", "whisker");
    assertEquals(1, whiskers.size());
    double bar = width(elements(d, "rect", "bar").get(0));
    String[] moves = whiskers.get(0).getAttribute("d").split("[MHV ]+");
    double x1 = Double.parseDouble(moves[1]);
    double x2 = Double.parseDouble(moves[3]);
    assertEquals(1.5, (x2 - x1) / bar, 1e-3, "from 10 to 40: 1.5 bars of 20");
  }

  @Test
  void ticksAreRoundAndReachTheLargestValue() {
    assertArrayEquals(new double[] {0, 100, 200, 300, 400, 500}, BarChart.ticks(463, false));
    assertArrayEquals(new double[] {0, 5, 10, 15, 20, 25}, BarChart.ticks(20.1, false));
    assertArrayEquals(new double[] {0, 1}, BarChart.ticks(0, false));
    double[] t = BarChart.ticks(1, false);
    assertEquals(6, t.length, "0, 0.2, ... 1");
    assertEquals(1.0, t[t.length - 1], 1e-9);
    assertArrayEquals(new double[] {0, 1}, BarChart.ticks(1, true), "no fraction of a count");
    assertArrayEquals(new double[] {0, 1, 2, 3}, BarChart.ticks(3, true));
    assertEquals("0.2", BarChart.tick(0.2));
    assertEquals("1,000", BarChart.tick(1000));
    assertEquals("0.629", BarChart.format(0.629));
    assertEquals("2.10", BarChart.format(2.1));
    assertEquals("1,743", BarChart.format(1743.2));
  }

  private static double width(Element rect) {
    return Double.parseDouble(rect.getAttribute("width"));
  }

  private static List<String> texts(List<Element> elements) {
    List<String> out = new ArrayList<>();
    for (Element e : elements) {
      out.add(e.getTextContent());
    }
    return out;
  }
}
