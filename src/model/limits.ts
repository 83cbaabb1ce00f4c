// The limits every input is held to, so that no file can exhaust time or memory.
// The README states them; each has its own error under E_INPUT_LIMIT. Sizes were
// measured on one core (test/fuzz/limits.test.ts holds each file to them).

export const LIMITS = {
  /**
   * Largest network file read (GraphML, GML, SNDlib, JSON), in bytes. At this size the
   * slowest importer (GML) takes about 2 s and 350 MB of heap.
   */
  fileBytes: 16 * 1024 * 1024,
  /**
   * Largest YAML file (topology, scenario, catalogue), in bytes. YAML costs about 1 s and
   * 130 MB of heap per MB, and up to 4 s and 500 MB per MB for a file of tiny flow items.
   */
  yamlBytes: 1024 * 1024,
  /** Most sites (nodes) in one topology or network file. */
  sites: 50_000,
  /** Most links (edges) in one topology or network file; also most SNDlib demands. */
  links: 200_000,
  /** Most YAML alias expansions in one document (guards against "billion laughs"). */
  yamlAliases: 1_000,
  /** Deepest nesting of maps and lists (YAML, JSON, GML) or of XML elements. */
  depth: 64,
  /** Most tokens in one SNDlib native entry (a node, link, demand or meta line). */
  sndlibEntryTokens: 1_000,
} as const;
