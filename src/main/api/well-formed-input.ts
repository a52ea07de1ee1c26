/** A UTF-16 surrogate without its partner: JavaScript allows it in strings, UTF-8 (and so SQLite) cannot store it. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * The path of the first string (value or object key) in `input` that is not well-formed Unicode,
 * or null. SQLite would silently turn such a string into U+FFFD replacement characters, so the
 * dispatcher refuses it instead of storing something other than what was sent. Iterative, so a
 * deeply nested payload cannot overflow the stack.
 * @example findIllFormedString({ name: 'a\uD800' }) // → ['name']
 */
export function findIllFormedString(input: unknown): string[] | null {
  // Each node links to its parent, so the path is only built for the one string that fails.
  type Node = { value: unknown; key: string; parent: Node | null };
  const pathOf = (node: Node | null, last?: string): string[] => {
    const keys: string[] = last === undefined ? [] : [last];
    for (let at = node; at?.parent; at = at.parent) keys.push(at.key);
    return keys.reverse();
  };
  const stack: Node[] = [{ value: input, key: '', parent: null }];
  const seen = new Set<object>();
  while (stack.length > 0) {
    const node = stack.pop()!;
    const { value } = node;
    if (typeof value === 'string') {
      if (LONE_SURROGATE.test(value)) return pathOf(node);
      continue;
    }
    if (typeof value !== 'object' || value === null || seen.has(value)) continue;
    seen.add(value);
    for (const [key, child] of Object.entries(value)) {
      if (LONE_SURROGATE.test(key)) return pathOf(node, key);
      stack.push({ value: child, key, parent: node });
    }
  }
  return null;
}
