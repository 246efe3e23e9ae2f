package org.wasmj.exec.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The executor SPI is a public face: its signatures name its own types, the IR, the shared
 * definitions of {@code org.wasmj} and {@code org.wasmj.parser}, and the JDK's, never the
 * runtime's classes ({@code org.wasmj.exec.internal}), which an executor outside the repository
 * cannot see.
 */
class SpiSurfaceTest {
  private static final Set<String> ALLOWED = Set.of("java.lang", "java.util", "org.wasmj",
      "org.wasmj.parser", "org.wasmj.ir", "org.wasmj.exec", "org.wasmj.exec.spi");

  @Test
  void signaturesNameNoInternalType() throws IOException, URISyntaxException, ClassNotFoundException {
    List<String> leaks = new ArrayList<>();
    List<Class<?>> types = spiTypes();
    assertTrue(types.size() >= 10, "the SPI's types: " + types);
    for (Class<?> c : types) {
      assertTrue(Modifier.isPublic(c.getModifiers()) && c.isInterface(), c + " is a public interface");
      for (Method m : c.getMethods()) {
        check(m.getGenericReturnType(), c.getSimpleName() + "." + m.getName(), leaks);
        for (Type p : m.getGenericParameterTypes()) {
          check(p, c.getSimpleName() + "." + m.getName(), leaks);
        }
      }
    }
    assertEquals(List.of(), leaks, "SPI signatures naming types an outside executor cannot see");
  }

  private static void check(Type t, String where, List<String> leaks) {
    if (t instanceof ParameterizedType) {
      check(((ParameterizedType) t).getRawType(), where, leaks);
      for (Type a : ((ParameterizedType) t).getActualTypeArguments()) {
        check(a, where, leaks);
      }
    } else if (t instanceof GenericArrayType) {
      check(((GenericArrayType) t).getGenericComponentType(), where, leaks);
    } else if (t instanceof Class) {
      Class<?> c = (Class<?>) t;
      while (c.isArray()) {
        c = c.getComponentType();
      }
      if (!c.isPrimitive() && !ALLOWED.contains(c.getPackageName())) {
        leaks.add(where + ": " + c.getName());
      }
    }
  }

  /** The types of this package, from its folder of classes. */
  private static List<Class<?>> spiTypes() throws IOException, URISyntaxException, ClassNotFoundException {
    Path folder = Path.of(Executor.class.getResource("Executor.class").toURI()).getParent();
    List<String> names;
    try (Stream<Path> files = Files.list(folder)) {
      names = files.map(p -> p.getFileName().toString())
          .filter(n -> n.endsWith(".class") && !n.startsWith("package-info"))
          .map(n -> n.substring(0, n.length() - ".class".length())).sorted()
          .collect(Collectors.toList());
    }
    List<Class<?>> types = new ArrayList<>();
    for (String n : names) {
      types.add(Class.forName(Executor.class.getPackageName() + "." + n));
    }
    return types;
  }
}
