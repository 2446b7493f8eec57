// Apart from the HTML reader, so that a reader that only builds HTML (a sheet's) loads no parser.

/** Text as HTML element content or attribute value: for readers that write their input as HTML for htmlToText. */
export const escapeHtml = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
