/**
 * Just enough YAML to write a compose file: mappings, lists, strings, numbers and booleans.
 * Every string is written double-quoted with JSON escapes (valid YAML), so a value such as
 * "no", "0600" or "8080:80" can never be read back as another type.
 */
export type YamlValue = string | number | boolean | null | YamlValue[] | { [key: string]: YamlValue };

function scalar(value: string | number | boolean | null): string {
  if (value === null) return 'null';
  if (typeof value === 'string') return JSON.stringify(value);
  return String(value);
}

function key(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.-]*$/.test(name) ? name : JSON.stringify(name);
}

function isEmpty(value: YamlValue): boolean {
  return (Array.isArray(value) && value.length === 0) || (typeof value === 'object' && value !== null && Object.keys(value).length === 0);
}

function lines(value: YamlValue, indent: string): string[] {
  if (Array.isArray(value)) {
    return value.flatMap((item) => {
      if (typeof item !== 'object' || item === null || isEmpty(item)) return [`${indent}- ${isEmpty(item) ? (Array.isArray(item) ? '[]' : '{}') : scalar(item as string)}`];
      const [first = '', ...rest] = lines(item, `${indent}  `);
      return [`${indent}- ${first.trimStart()}`, ...rest];
    });
  }
  if (typeof value === 'object' && value !== null) {
    return Object.entries(value).flatMap(([name, item]) => {
      if (typeof item !== 'object' || item === null) return [`${indent}${key(name)}: ${scalar(item)}`];
      if (isEmpty(item)) return [`${indent}${key(name)}: ${Array.isArray(item) ? '[]' : '{}'}`];
      return [`${indent}${key(name)}:`, ...lines(item, `${indent}  `)];
    });
  }
  return [`${indent}${scalar(value)}`];
}

/** A YAML document; `comment` lines go first, each prefixed with "# ". */
export function toYaml(value: YamlValue, comment: string[] = []): string {
  return [...comment.map((line) => (line ? `# ${line}` : '#')), ...lines(value, '')].join('\n') + '\n';
}
