package org.wasmj.exec.internal;

import java.util.Set;
import org.wasmj.Feature;
import org.wasmj.WasmException;
import org.wasmj.ir.CompactCode;
import org.wasmj.ir.Instrumenter;
import org.wasmj.ir.Translator;
import org.wasmj.parser.FunctionBody;
import org.wasmj.parser.WasmModule;
import org.wasmj.parser.WasmParser;
import org.wasmj.validator.BodyWalker;
import org.wasmj.validator.Validator;

/**
 * Validates and translates (eager), or only validates (lazy translation), a module's function
 * bodies as the parser hands them over, while a stream is still being read; then, once the whole
 * module is decoded, validates the module and finishes what is left.
 *
 * <p>The errors are those of the three stages run one after the other (decode everything,
 * validate the module, then each body in order), whatever the order the bytes arrive in: a body
 * walked early against the sections before the code section (which is all a body's validation
 * reads, but for data segments without a data count section, an error either way) gives the same
 * result as against the whole module, so an error met early is only set aside; that body and the
 * ones after it are walked again by {@link #finish}, after the decoder and the module's
 * validation had their say.
 *
 * @implNote Single-threaded: one per compilation.
 */
final class BodyCompiler implements WasmParser.BodyListener {
  /** A module whose bodies were handled as the compilation mode asks. */
  record Compiled(WasmModule module, Validator validator, CompactCode[] compact, boolean unchecked) {}

  private final Set<Feature> features;
  private final boolean translate;
  private final boolean validate;
  private final boolean checked;
  private final boolean countLoops;
  private final boolean interrupts;
  private final boolean fuel;
  /** Walks the bodies as they arrive; null until the code section, and after an error. */
  private BodyWalker walker;
  private Translator translator;
  private CompactCode[] compact;
  /** Bodies done so far. */
  private int done;

  /**
   * A compiler of bodies that translates them all ({@code translate}), validates them all
   * ({@code validate}) or leaves them for later (neither); {@code checked}: validate while
   * translating (else walk bodies unchecked); {@code countLoops}: {@code COUNT_LOOP} ops;
   * {@code interrupts}, {@code fuel}: the checks and charges of {@link Instrumenter}.
   */
  BodyCompiler(Set<Feature> features, boolean translate, boolean validate, boolean checked,
      boolean countLoops, boolean interrupts, boolean fuel) {
    this.interrupts = interrupts;
    this.fuel = fuel;
    this.features = features;
    this.translate = translate;
    this.validate = validate && !translate;
    this.checked = checked;
    this.countLoops = countLoops;
  }

  @Override
  public void codeSection(WasmModule header, int count) {
    if (!translate && !validate) {
      return;
    }
    compact = translate ? new CompactCode[count] : null;
    try {
      walker = walker(new Validator(header, features));
    } catch (WasmException e) {
      // found again, in its turn, by finish
    }
  }

  @Override
  public void body(int definedIndex, byte[] bytes, FunctionBody body) {
    if (walker == null) {
      return;
    }
    try {
      handle(definedIndex, bytes, body);
      done = definedIndex + 1;
    } catch (WasmException e) {
      walker = null; // this body and the rest are walked again by finish
    }
  }

  /**
   * Validates the whole {@code module} (every section now decoded), then handles the bodies not
   * handled yet; throws the first error, as the stages run in turn would.
   */
  Compiled finish(WasmModule module) {
    Validator validator = new Validator(module, features);
    validator.validateModule();
    int n = module.bodies().size();
    if (translate && compact == null) {
      compact = new CompactCode[n]; // no code section
    }
    if ((translate || validate) && done < n) {
      walker = walker(validator);
      for (int i = done; i < n; i++) {
        handle(i, module.bytes(), module.bodies().get(i));
      }
    }
    walker = null;
    translator = null;
    // Bodies validated ahead (lazy translation) are translated later without validating them
    // again: the unchecked walk gives a valid body the same IR (UncheckedCompileTest) for less
    // work, and leaves FunctionValidator to this one pass, whose profile HotSpot's C2 then
    // compiles once (with the translator as a second visitor it compiled it four times on Yosys).
    return translate
        ? new Compiled(module.withoutFunctionBodies(), null, compact, !checked)
        : new Compiled(module, validator, null, !checked || validate);
  }

  /**
   * The translator for code with {@code COUNT_LOOP} ops ({@code countLoops}) and fuel charges
   * ({@code fuel}). Loops are rotated, with {@code COUNT_LOOP} too when fuel is metered, so that
   * the IR, and so the fuel consumed, is the same on every executor but for {@code COUNT_LOOP}
   * (which costs nothing); a tiering executor's code without fuel keeps its loops unrotated, as
   * before rotation could move a {@code COUNT_LOOP}.
   */
  static Translator translator(boolean countLoops, boolean fuel) {
    return new Translator(countLoops, !countLoops || fuel, fuel);
  }

  private BodyWalker walker(Validator validator) {
    return checked ? validator.functionValidator() : validator.uncheckedWalker();
  }

  private void handle(int definedIndex, byte[] bytes, FunctionBody body) {
    if (translate) {
      if (translator == null) {
        translator = translator(countLoops, fuel);
      }
      compact[definedIndex] = CompactCode.of(Instrumenter.instrument(
          translator.translate(walker, definedIndex, bytes, body), interrupts, fuel));
    } else {
      walker.walk(definedIndex, bytes, body, null);
    }
  }
}
