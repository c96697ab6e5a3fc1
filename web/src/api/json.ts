/**
 * What a server type looks like once it has crossed the wire as JSON: dates arrive as ISO strings. Server types are
 * imported as types only (Vite erases them), so nothing of the server enters the bundle.
 */
export type Json<T> = T extends Date
  ? string
  : T extends (infer U)[]
    ? Json<U>[]
    : T extends readonly (infer U)[]
      ? readonly Json<U>[]
      : T extends object
        ? { [K in keyof T]: Json<T[K]> }
        : T;
