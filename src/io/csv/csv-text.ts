// CSV text per RFC 4180 (quoted fields, doubled quotes, line breaks inside quotes), with the
// delimiter sniffed from the header because Chinese Excel exports use commas, tabs or semicolons.

/** A cell that was quoted in the file: an empty quoted cell is the empty string, an empty bare cell null. */
export interface Cell {
  text: string;
  quoted: boolean;
}

export function sniffDelimiter(text: string): string {
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  let best = ',';
  let bestCount = 0;
  for (const d of [',', '\t', ';', '|']) {
    const count = firstLine.split(d).length - 1;
    if (count > bestCount) {
      best = d;
      bestCount = count;
    }
  }
  return best;
}

export function parseCsv(text: string, delimiter = sniffDelimiter(text)): Cell[][] {
  const rows: Cell[][] = [];
  let row: Cell[] = [];
  let i = 0;
  const n = text.length;
  while (i <= n) {
    let cell: Cell;
    if (text[i] === '"') {
      let value = '';
      i++;
      while (i < n) {
        const q = text.indexOf('"', i);
        if (q < 0) {
          // An unclosed quote runs to the end of the text; keep what is there.
          value += text.slice(i);
          i = n;
          break;
        }
        value += text.slice(i, q);
        if (text[q + 1] === '"') {
          value += '"';
          i = q + 2;
        } else {
          i = q + 1;
          break;
        }
      }
      // Anything between the closing quote and the delimiter is kept, as spreadsheets do.
      let j = i;
      while (j < n && text[j] !== delimiter && text[j] !== '\n' && text[j] !== '\r') j++;
      value += text.slice(i, j);
      i = j;
      cell = { text: value, quoted: true };
    } else {
      let j = i;
      while (j < n && text[j] !== delimiter && text[j] !== '\n' && text[j] !== '\r') j++;
      cell = { text: text.slice(i, j), quoted: false };
      i = j;
    }
    row.push(cell);
    if (i >= n) {
      rows.push(row);
      break;
    }
    if (text[i] === delimiter) {
      i++;
      continue;
    }
    // A line break: \r\n, \n or \r.
    i += text[i] === '\r' && text[i + 1] === '\n' ? 2 : 1;
    rows.push(row);
    row = [];
    if (i >= n) break;
  }
  // Drop blank lines (a single empty unquoted cell), which trailing newlines produce.
  return rows.filter((r) => !(r.length === 1 && r[0]!.text === '' && !r[0]!.quoted));
}

/** How a bare (unquoted) cell is read back: numbers in canonical form, true/false, empty as null. */
export function bareValue(text: string): unknown {
  if (text === '') return null;
  if (text === 'true') return true;
  if (text === 'false') return false;
  if (/^-?\d/.test(text)) {
    const n = Number(text);
    // Only the canonical spelling is a number, so "007" or "1.50" keep their text.
    if (Number.isFinite(n) && String(n) === text) return n;
  }
  return text;
}

// A text that a spreadsheet would run as a formula: = + - @, tab or CR first (OWASP "CSV injection"),
// and the full-width ＝ ＋ － ＠ that Excel also accepts. Leading quotes are looked past, so that a text
// which itself begins with ' before one of them survives a round trip.
const FORMULA_START = /^'*[=+\-@\t\r\uff1d\uff0b\uff0d\uff20]/;

/**
 * The text as it is written to CSV: one ' in front of a would-be formula, as OWASP recommends (the
 * cell is quoted as well, see quote). Reading gives the text back unchanged (cellValue).
 */
export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

export function cellValue(cell: Cell): unknown {
  if (!cell.quoted) return bareValue(cell.text);
  // Undo neutraliseFormula: a quoted cell ' + formula start was written that way by an export.
  return cell.text.startsWith("'") && FORMULA_START.test(cell.text.slice(1)) ? cell.text.slice(1) : cell.text;
}

function quote(raw: string, delimiter: string): string {
  const text = neutraliseFormula(raw);
  return text !== raw ||
    bareValue(text) !== text ||
    /["\r\n]/.test(text) ||
    text.includes(delimiter) ||
    /^\s|\s$/.test(text)
    ? `"${text.replace(/"/g, '""')}"`
    : text;
}

/** One CSV line; null and undefined become an empty bare cell, the empty string a quoted one. */
export function csvLine(values: readonly unknown[], delimiter = ','): string {
  return values
    .map((v) => {
      if (v === null || v === undefined) return '';
      if (typeof v === 'string') return quote(v, delimiter);
      if (typeof v === 'number' || typeof v === 'boolean') return String(v);
      return `"${JSON.stringify(v).replace(/"/g, '""')}"`;
    })
    .join(delimiter);
}
