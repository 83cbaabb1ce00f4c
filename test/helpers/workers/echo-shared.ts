// A module both echo workers import, so that a bundle must join two files.
export function hops(n: number): string {
  return `${n} -> ${n * 2}`;
}
