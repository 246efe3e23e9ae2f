package org.wasmj.exec.internal;

import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.Arrays;
import org.wasmj.TrapException;
import org.wasmj.TrapKind;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.wasmj.parser.ValType;

/**
 * The host objects a store's guests hold as {@code externref}s, each by a 32-bit id (the value
 * registers, globals and tables hold; 0 is null), forgotten once no guest can reach it any more.
 *
 * <p>Guests keep references in four places: registers of running frames, tables, globals and
 * element segments. Between guest calls no frame runs, so an id that no {@code externref} table,
 * global or segment of the store holds is garbage: {@link #collect} forgets those ids (the host
 * holds its objects, never their ids) and reuses them. It runs only at such a moment (an
 * outermost call into the store, its arguments kept; a host write to a table or global outside
 * any call), and only after as many new ids as it found live ones, and a quarter of the slots it
 * scanned, were handed out since the last time: amortized, a few slot reads per id.
 *
 * @implNote Not synchronized: a store is used by one thread at a time.
 */
public final class ExternRefs {
  /** New ids handed out before a collection is worth it, at least. */
  static final int MIN_BEFORE_COLLECTING = 1024;

  private Object[] objects = new Object[16]; // id - 1 → object, null if free
  private int top; // ids 1..top were handed out at some time
  private int[] free = new int[16];
  private int freeCount;
  private final Map<Object, Integer> ids = new IdentityHashMap<>();
  private int sinceCollection;
  private int threshold = MIN_BEFORE_COLLECTING;
  /** What may hold ids besides frames: externref tables, globals, and instances (segments). */
  private final List<WeakReference<Object>> roots = new ArrayList<>();

  /** The id of {@code o} (0 for null), handing out one if it has none. */
  public long id(Object o) {
    if (o == null) {
      return 0;
    }
    Integer id = ids.get(o);
    if (id != null) {
      return id;
    }
    int n;
    if (freeCount > 0) {
      n = free[--freeCount];
    } else {
      if (top == objects.length) {
        objects = Arrays.copyOf(objects, top * 2);
      }
      n = ++top;
    }
    objects[n - 1] = o;
    ids.put(o, n);
    sinceCollection++;
    return n;
  }

  /**
   * The object with id {@code id}, or {@code null} for 0; traps {@code invalid reference} for an
   * id that names none (only code translated without validation makes one).
   */
  public Object object(long id) {
    if (id == 0) {
      return null;
    }
    Object o = id < 0 || id > top ? null : objects[(int) id - 1];
    if (o == null) {
      throw new TrapException(TrapKind.INVALID_REFERENCE);
    }
    return o;
  }

  /** Ids in use now. */
  public int size() {
    return ids.size();
  }

  /** Tracks {@code table} if it holds {@code externref}s. */
  void track(TableInstance table) {
    if (table.type().elementType() == ValType.EXTERNREF) {
      roots.add(new WeakReference<>(table));
    }
  }

  /** Tracks {@code global} if it holds an {@code externref}. */
  void track(GlobalInstance global) {
    if (global.type.valueType() == ValType.EXTERNREF) {
      roots.add(new WeakReference<>(global));
    }
  }

  /** Tracks the {@code externref} element segments of {@code instance}. */
  void track(InstanceState instance) {
    for (int i = 0; i < instance.elements.length; i++) {
      if (instance.module.module().elements().get(i).type() == ValType.EXTERNREF) {
        roots.add(new WeakReference<>(instance));
        return;
      }
    }
  }

  /**
   * Forgets the ids that neither a tracked table, global or segment nor {@code extra} (any
   * slots, read as ids where they could be; may be null) holds, if enough new ids were handed out
   * since the last time. Call only when no guest frame of the store is running.
   */
  public void collect(long[] extra) {
    if (sinceCollection < threshold) {
      return;
    }
    long[] live = new long[(top + 64) >>> 6];
    long scanned = mark(extra, live);
    for (Iterator<WeakReference<Object>> it = roots.iterator(); it.hasNext(); ) {
      Object root = it.next().get();
      if (root == null) {
        it.remove();
      } else if (root instanceof TableInstance) {
        scanned += mark(((TableInstance) root).elements, live);
      } else if (root instanceof GlobalInstance) {
        scanned += mark(new long[] {((GlobalInstance) root).value}, live);
      } else {
        InstanceState instance = (InstanceState) root;
        for (int i = 0; i < instance.elements.length; i++) {
          if (instance.module.module().elements().get(i).type() == ValType.EXTERNREF) {
            scanned += mark(instance.elements[i], live);
          }
        }
      }
    }
    for (int n = 1; n <= top; n++) {
      Object o = objects[n - 1];
      if (o != null && (live[n >>> 6] & 1L << n) == 0) {
        ids.remove(o);
        objects[n - 1] = null;
        if (freeCount == free.length) {
          free = Arrays.copyOf(free, freeCount * 2);
        }
        free[freeCount++] = n;
      }
    }
    sinceCollection = 0;
    threshold = (int) Math.min(Integer.MAX_VALUE,
        Math.max(MIN_BEFORE_COLLECTING, Math.max(ids.size(), scanned / 4)));
  }

  /** Marks the ids among {@code slots} in {@code live}; returns how many slots it read. */
  private long mark(long[] slots, long[] live) {
    if (slots == null) {
      return 0;
    }
    for (long v : slots) {
      if (v > 0 && v <= top) {
        live[(int) (v >>> 6)] |= 1L << v;
      }
    }
    return slots.length;
  }
}
