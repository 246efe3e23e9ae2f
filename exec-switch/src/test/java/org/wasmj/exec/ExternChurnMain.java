package org.wasmj.exec;

/**
 * Run by {@link ExternRefTest} in a JVM with a small heap: passes {@code args[0]} distinct host
 * objects of 1 KiB each (a gigabyte for a million) through a guest as {@code externref}s, keeping
 * every thousandth in a table, and prints "ok" with the ids the store holds at the end; an
 * {@code OutOfMemoryError} ends it otherwise.
 */
public final class ExternChurnMain {
  private ExternChurnMain() {}

  public static void main(String[] args) {
    int count = Integer.parseInt(args[0]);
    Store<Void> store = Store.of(new Engine());
    Instance i = ExternRefTest.instantiate(store);
    Func id = i.getFunc("id");
    Func keep = i.getFunc("keep");
    Func get = i.getFunc("get");
    for (int n = 0; n < count; n++) {
      byte[] o = new byte[1024];
      if (id.call(Val.externref(o))[0].externref() != o) {
        throw new AssertionError("id returned another object");
      }
      if (n % 1000 == 0) {
        keep.call(Val.externref(o));
        if (get.call()[0].externref() != o) {
          throw new AssertionError("the table lost its object");
        }
      }
    }
    System.out.println("ok, " + store.state().externs.size() + " ids held");
  }
}
