package org.wasmj.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.wasmj.testsupport.Svg;

class ChartsTest {
  /** A short ExecuteBenchmark run's JSON: FIB and LOOP on Chicory's interpreter, switch and asm. */
  private static final Path FIXTURE = Path.of("src/test/resources/jmh-execute.json");

  private static Document chart(Pattern runners) throws Exception {
    String svg = Charts.svg(Files.readString(FIXTURE), "Execute", runners);
    return Svg.parse(svg);
  }

  private static List<Element> elements(Document d, String tag, String cls) {
    return Svg.elements(d, tag, cls);
  }

  private static List<String> texts(List<Element> elements) {
    List<String> out = new ArrayList<>();
    elements.forEach(e -> out.add(e.getTextContent()));
    return out;
  }

  private static double width(Element bar) {
    return Double.parseDouble(bar.getAttribute("width"));
  }

  @Test
  void aPanelPerWorkloadABarPerRunnerNamedByTheParametersThatVary() throws Exception {
    Document d = chart(null);
    assertEquals(List.of("ExecuteBenchmark FIB", "ExecuteBenchmark LOOP"),
        texts(elements(d, "text", "panel")));
    // control=none and machine=interpreter take one value each in the file: left out
    assertEquals(List.of("chicory", "wasmj switch", "wasmj asm", "chicory", "wasmj switch",
        "wasmj asm"), texts(elements(d, "text", "label")));
    assertEquals("ms/op (lower is better); median, whisker: fastest to slowest iteration",
        texts(elements(d, "text", "unit")).get(0));
  }

  @Test
  void eachBarIsTheMedianIterationWithAWhiskerFromTheFastestToTheSlowest() throws Exception {
    Document d = chart(null);
    List<Element> bars = elements(d, "rect", "bar");
    // FIB's iterations: chicory 1180.0, 742.7, 769.1; switch 72.7, 64.2, 84.9 (ms/op)
    assertEquals(72.74402328571429 / 769.1104785, width(bars.get(1)) / width(bars.get(0)), 1e-3);
    assertEquals(List.of("769", "72.7", "5.00", "1,743", "101", "9.24"),
        texts(elements(d, "text", "value")));
    assertEquals(6, elements(d, "path", "whisker").size());
  }

  @Test
  void runnersCanBePicked() throws Exception {
    Document d = chart(Pattern.compile("switch|asm"));
    assertEquals(List.of("wasmj switch", "wasmj asm", "wasmj switch", "wasmj asm"),
        texts(elements(d, "text", "label")));
  }

  @Test
  void theToolWritesTheChartOfAJsonFile(@TempDir Path dir) throws Exception {
    Path svg = dir.resolve("out.svg");
    Charts.main(new String[] {"--title", "Short run", FIXTURE.toString(), svg.toString()});
    Document d = Svg.parse(Files.readString(svg));
    assertEquals("Short run", texts(elements(d, "text", "title")).get(0));
    assertEquals(6, elements(d, "rect", "bar").size());
  }
}
