/**
 * A small RFC 4180 reader for the dispenser's CSV exports: quoted fields (with doubled quotes
 * and line breaks inside, e.g. a multi-line CustomerAddress), CRLF or LF line ends, and a
 * separator of `,` or `;` — whichever of the two occurs more often outside quotes in the
 * header line.
 */

/** The separator of a CSV text, judged by its first record. */
export function csvSeparatorOf(text: string): ',' | ';' {
  let commas = 0;
  let semicolons = 0;
  let quoted = false;
  for (const char of text) {
    if (char === '"') {
      quoted = !quoted;
    } else if (!quoted && (char === '\n' || char === '\r')) {
      break;
    } else if (!quoted && char === ',') {
      commas += 1;
    } else if (!quoted && char === ';') {
      semicolons += 1;
    }
  }
  return semicolons > commas ? ';' : ',';
}

/**
 * The records of a CSV text as arrays of fields. Blank lines are skipped; an unterminated
 * quote is an error (the file is not a CSV export).
 */
export function readCsvRecords(text: string, separator = csvSeparatorOf(text)): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  let fieldStarted = false;
  const endField = (): void => {
    record.push(field);
    field = '';
    fieldStarted = false;
  };
  const endRecord = (): void => {
    endField();
    if (!(record.length === 1 && record[0] === '')) {
      records.push(record);
    }
    record = [];
  };
  for (let index = 0; index < text.length; index += 1) {
    const char = text[index] as string;
    if (quoted) {
      if (char === '"') {
        if (text[index + 1] === '"') {
          field += '"';
          index += 1;
        } else {
          quoted = false;
        }
      } else {
        field += char;
      }
    } else if (char === '"' && !fieldStarted) {
      quoted = true;
      fieldStarted = true;
    } else if (char === separator) {
      endField();
    } else if (char === '\r' || char === '\n') {
      if (char === '\r' && text[index + 1] === '\n') {
        index += 1;
      }
      endRecord();
    } else {
      field += char;
      fieldStarted = true;
    }
  }
  if (quoted) {
    throw new Error('a quoted field is not closed');
  }
  if (field !== '' || record.length > 0) {
    endRecord();
  }
  return records;
}
