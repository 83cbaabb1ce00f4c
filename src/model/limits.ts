// The limits every input is held to, so that no file can exhaust time or memory.
// The README states them; each has its own error under E_INPUT_LIMIT.

export const LIMITS = {
  /** Largest topology, scenario or catalogue file read, in bytes. */
  fileBytes: 64 * 1024 * 1024,
  /** Most sites (nodes) in one topology. */
  sites: 250_000,
  /** Most links (edges) in one topology. */
  links: 1_000_000,
  /** Most YAML aliases in one document (guards against "billion laughs"). */
  yamlAliases: 1_000,
  /** Deepest nesting of maps and lists accepted. */
  depth: 64,
} as const;
