// Text for a terminal: names from the data must not drive it. Escape sequences (ESC, CSI), other
// C0/C1 control characters and the bidi overrides that hide or reorder text are removed; tab and
// newline are kept in whole messages, while a table cell turns them into spaces to keep its row.
// JSON output is left alone: JSON.stringify already escapes every C0 control and the data stays exact.

// eslint-disable-next-line no-control-regex
const CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

export function terminalSafe(text: string): string {
  return text.replace(CONTROLS, '');
}

/** One table cell or one-line name: controls removed, tabs and newlines as spaces. */
export function cellSafe(text: string): string {
  return terminalSafe(text.replace(/[\t\n]/g, ' '));
}

/** Writes human-readable text to standard output, made safe for the terminal. */
export function writeOut(text: string): void {
  process.stdout.write(terminalSafe(text));
}

/** Writes human-readable text to standard error, made safe for the terminal. */
export function writeErr(text: string): void {
  process.stderr.write(terminalSafe(text));
}

/** Writes a value as JSON to standard output, exactly: JSON.stringify already escapes controls. */
export function writeJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}
