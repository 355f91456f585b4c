// jsonld ships no types; the tests use expand and compact only.
declare module 'jsonld' {
  type Loader = (url: string) => Promise<{ contextUrl: null; documentUrl: string; document: unknown }>;
  interface Options {
    documentLoader?: Loader;
    safe?: boolean;
    base?: string | null;
  }
  const jsonld: {
    expand(input: unknown, options?: Options): Promise<unknown[]>;
    compact(input: unknown, context: unknown, options?: Options): Promise<Record<string, unknown>>;
  };
  export default jsonld;
}
