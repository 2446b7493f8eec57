// The file formats of the unit matrix (`taizhang units`), apart from the code that writes them, so
// that the command line can check a format without loading it.

export const MATRIX_FILE_FORMATS = ['json', 'csv', 'md', 'xlsx'] as const;
export type MatrixFormat = (typeof MATRIX_FILE_FORMATS)[number] | 'terminal';
