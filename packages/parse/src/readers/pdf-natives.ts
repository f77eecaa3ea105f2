/**
 * pdf.js's legacy build (the one that runs on Node 20) carries core-js, which replaces some of the
 * language's own functions process-wide when it judges them imperfect: `Array.prototype.push` (for an
 * engine bug with non-writable lengths), `JSON.parse` and `JSON.stringify` (for newer proposals). The
 * replacements are written in JavaScript and two to three times slower, and once a PDF is read they
 * would slow every rule, the CLI's JSON output and the language server's messages in that process.
 * pdf.js needs none of the behaviour they add, so the functions that existed before it loaded are put
 * back; what it added (functions Node 20 lacks) stays.
 */

type Holder = Record<PropertyKey, unknown>;

/** The built-ins core-js patches in place (not globalThis, whose lazy getters change on first read). */
function builtins(): Holder[] {
  const typed = Object.getPrototypeOf(Uint8Array.prototype) as object;
  return [
    Array, Array.prototype, Object, Object.prototype, Function.prototype, String, String.prototype, Number,
    Number.prototype, Math, JSON, Promise, Promise.prototype, Map, Map.prototype, Set, Set.prototype,
    WeakMap.prototype, WeakSet.prototype, RegExp.prototype, ArrayBuffer.prototype, DataView.prototype,
    Uint8Array, typed, Symbol, Reflect, Date.prototype, Error,
  ] as unknown as Holder[];
}

/** Runs `load` and then restores each built-in function it replaced. */
export async function keepingNatives<T>(load: () => Promise<T>): Promise<T> {
  const before = builtins().map((holder) => {
    const own = new Map<PropertyKey, PropertyDescriptor>();
    for (const key of Reflect.ownKeys(holder)) {
      const d = Object.getOwnPropertyDescriptor(holder, key);
      if (d && typeof d.value === 'function') own.set(key, d);
    }
    return { holder, own };
  });
  try {
    return await load();
  } finally {
    for (const { holder, own } of before) {
      for (const [key, d] of own) {
        if (Object.getOwnPropertyDescriptor(holder, key)?.value !== d.value) Object.defineProperty(holder, key, d);
      }
    }
  }
}
