import Papa from 'papaparse';

/** How a CSV file is laid out. */
export interface CsvDialect {
  delimiter: string;
  newline: '\n' | '\r\n' | '\r';
  /** True when the file starts with Excel's `sep=;` line (which is not part of the data). */
  sepLine: boolean;
}

/** Delimiters spreadsheet exports use: comma, semicolon (decimal-comma locales), tab (Excel "Unicode text"), pipe. */
const DELIMITERS = [',', ';', '\t', '|'];
const SEP_LINE = /^"?sep=(.)"?[ \t]*(\r\n|\n|\r)/i;

/**
 * Detects the dialect from the first part of a file's text: Excel's `sep=` line wins; otherwise
 * papaparse guesses the line break and picks the delimiter that gives the most consistent field count.
 * Returns how many leading characters (the sep line) are not data.
 */
export function detectCsvDialect(sample: string): { dialect: CsvDialect; skipChars: number } {
  const sep = SEP_LINE.exec(sample);
  if (sep) {
    return { dialect: { delimiter: sep[1]!, newline: sep[2] as CsvDialect['newline'], sepLine: true }, skipChars: sep[0].length };
  }
  // Only whole lines: a line cut at the sample's end would look like a ragged row.
  const lastBreak = Math.max(sample.lastIndexOf('\n'), sample.lastIndexOf('\r'));
  const whole = lastBreak > 0 ? sample.slice(0, lastBreak + 1) : sample;
  const guess = Papa.parse<string[]>(whole, { preview: 50, delimitersToGuess: DELIMITERS });
  const delimiter = DELIMITERS.includes(guess.meta.delimiter) ? guess.meta.delimiter : ',';
  const linebreak = guess.meta.linebreak;
  const newline = linebreak === '\r\n' || linebreak === '\r' ? linebreak : '\n';
  return { dialect: { delimiter, newline, sepLine: false }, skipChars: 0 };
}
