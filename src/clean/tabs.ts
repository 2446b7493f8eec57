// A table copied from a spreadsheet or a Word file into plain text keeps its cells apart with
// tabs, one row a line. Folded into spaces like any other white space, its cells would run
// together; written as the pipe rows the table stage reads, they stay cells. A tab is a border
// only in a run of two lines or more that each have one between their words: a lone tab (a
// signature line set apart from its date) is white space.

/** Tabs between cells: at least one, with text on both sides. */
const INNER_TAB = /\S\t+\S/;
const MIN_ROWS = 2;
/** Lines that go on a run of rows: blank, or only the “|” a page put between its rows. */
const BETWEEN_ROWS = /^[\s|]*$/;

/** The indices of the lines whose tabs are cell borders. */
export function tabRows(lines: readonly { text: string }[]): Set<number> {
  const rows = new Set<number>();
  let run: number[] = [];
  const close = () => {
    if (run.length >= MIN_ROWS) for (const index of run) rows.add(index);
    run = [];
  };
  lines.forEach((line, index) => {
    if (line.text.includes('\t') && INNER_TAB.test(line.text)) run.push(index);
    else if (!BETWEEN_ROWS.test(line.text)) close();
  });
  close();
  return rows;
}

/** A tab-separated row as a pipe row: “a | | b |”, empty cells kept (a merged cell left one). */
export function pipeRow(text: string): string {
  const cells = text.trim().split('\t').map((cell) => cell.trim());
  while (cells.length > 1 && cells.at(-1) === '') cells.pop();
  return `${cells.map((cell) => cell.replaceAll('|', '｜')).join(' | ')} |`;
}
