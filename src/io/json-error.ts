// Finds where a JSON text breaks, with line and column, the same in every JavaScript engine (the
// engines' own JSON.parse messages differ and not all give a position). Only run after JSON.parse
// has failed, so it favours clarity over speed.
export interface JsonErrorLocation {
  offset: number;
  line: number;
  column: number;
  /** true when the text ended before the value was complete: a cut-off file */
  truncated: boolean;
  detail: string;
}

class Stop {
  constructor(
    readonly offset: number,
    readonly detail: string,
  ) {}
}

// Sticky, so matching starts exactly at lastIndex without copying the rest of the text.
const NUMBER = /-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/y;

function scan(text: string): void {
  let i = 0;
  const n = text.length;
  const ws = (): void => {
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) i++;
      else break;
    }
  };
  const fail = (detail: string): never => {
    throw new Stop(i, detail);
  };
  const literal = (word: string): void => {
    for (let k = 0; k < word.length; k++, i++) {
      if (text[i] !== word[k]) fail(i >= n ? 'unexpected end' : `expected "${word}"`);
    }
  };
  const string = (): void => {
    i++;
    while (true) {
      if (i >= n) fail('unexpected end');
      const c = text.charCodeAt(i);
      if (c === 0x22) {
        i++;
        return;
      }
      if (c < 0x20) fail('control character in string');
      if (c === 0x5c) {
        i++;
        if (i >= n) fail('unexpected end');
        const e = text[i]!;
        if (e === 'u') {
          for (let k = 1; k <= 4; k++) {
            if (i + k >= n) {
              i += k;
              fail('unexpected end');
            }
            if (!/[0-9a-fA-F]/.test(text[i + k]!)) {
              i += k;
              fail('bad \\u escape');
            }
          }
          i += 5;
        } else if ('"\\/bfnrt'.includes(e)) i++;
        else fail('bad escape');
      } else i++;
    }
  };
  const number = (): void => {
    NUMBER.lastIndex = i;
    const m = NUMBER.exec(text);
    if (!m || m[0] === '' || m[0] === '-') fail(i + 1 >= n ? 'unexpected end' : 'bad number');
    i += m![0].length;
    if (i >= n) return;
    const c = text[i]!;
    if (c === '.' || c === 'e' || c === 'E') fail(i + 1 >= n ? 'unexpected end' : 'bad number');
  };
  const value = (): void => {
    ws();
    if (i >= n) fail('unexpected end');
    const c = text[i]!;
    if (c === '{') {
      i++;
      ws();
      if (text[i] === '}') {
        i++;
        return;
      }
      while (true) {
        ws();
        if (i >= n) fail('unexpected end');
        if (text[i] !== '"') fail('expected a property name in double quotes');
        string();
        ws();
        if (i >= n) fail('unexpected end');
        if (text[i] !== ':') fail('expected ":"');
        i++;
        value();
        ws();
        if (i >= n) fail('unexpected end');
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === '}') {
          i++;
          return;
        }
        fail('expected "," or "}"');
      }
    }
    if (c === '[') {
      i++;
      ws();
      if (text[i] === ']') {
        i++;
        return;
      }
      while (true) {
        value();
        ws();
        if (i >= n) fail('unexpected end');
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === ']') {
          i++;
          return;
        }
        fail('expected "," or "]"');
      }
    }
    if (c === '"') return string();
    if (c === 't') return literal('true');
    if (c === 'f') return literal('false');
    if (c === 'n') return literal('null');
    if (c === '-' || (c >= '0' && c <= '9')) return number();
    fail(`unexpected character "${c}"`);
  };
  value();
  ws();
  if (i < n) fail('unexpected text after the end');
}

function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let k = 0; k < offset && k < text.length; k++) {
    if (text.charCodeAt(k) === 0x0a) {
      line++;
      lineStart = k + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

/** Where the text stops being JSON; undefined when it is valid JSON. */
export function locateJsonError(text: string): JsonErrorLocation | undefined {
  try {
    scan(text);
    return undefined;
  } catch (e) {
    if (!(e instanceof Stop)) {
      // Only a stack overflow on absurdly deep nesting gets here.
      return { offset: 0, line: 1, column: 1, truncated: false, detail: 'nesting too deep' };
    }
    const offset = Math.min(e.offset, text.length);
    return {
      offset,
      ...lineColumn(text, offset),
      truncated: e.detail === 'unexpected end',
      detail: e.detail,
    };
  }
}
