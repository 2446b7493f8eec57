// A returned sheet saved as CSV (decoded like a text notice: UTF-8 with or without a BOM, GB18030
// as Excel saves it on a Chinese system).

/** The rows of the text: quoted fields may hold commas, doubled quotes and line breaks. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const endField = () => {
    row.push(field);
    field = '';
  };
  for (let i = 0; i < text.length; i++) {
    const character = text[i]!;
    if (quoted) {
      if (character !== '"') field += character;
      else if (text[i + 1] === '"') field += text[++i];
      else quoted = false;
    } else if (character === '"') quoted = true;
    else if (character === ',') endField();
    else if (character === '\n') {
      endField();
      rows.push(row);
      row = [];
    } else if (character !== '\r') field += character;
  }
  if (field !== '' || row.length > 0) {
    endField();
    rows.push(row);
  }
  return rows;
}
