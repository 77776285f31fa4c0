// Page-by-page reading of one column chunk, on hyparquet's page and level decoders. hyparquet's own
// column reads decode a whole column chunk into one array, through its general nested-structure
// assembly even for flat columns (and arrays and an object per row for a map): with the row
// groups AWS writes (up to ~128 MB compressed), hundreds of megabytes and most of the time. Here
// one page is decoded at a time, pages without a wanted row are skipped undecompressed (flat
// columns), and only the wanted rows' values are converted and kept. Flat columns and
// map<string, string> columns (FOCUS Tags, CUR resource_tags) are what an export needs.
import type { AsyncBuffer, ColumnChunk, ColumnMetaData, DecodedArray, Encoding, FileMetaData, PageHeader, SchemaTree } from "hyparquet";
import type { ColumnDecoder } from "hyparquet/src/types.js";
import { parquetHeader, readPage } from "hyparquet/src/column.js";
import { convert, convertWithDictionary, DEFAULT_PARSERS } from "hyparquet/src/convert.js";
import { decompressPage, readDataPage, readDataPageV2 } from "hyparquet/src/datapage.js";
import { getMaxDefinitionLevel, getMaxRepetitionLevel, getTreePath } from "hyparquet/src/schema.js";
import { compressors } from "hyparquet-compressors";

type RowGroup = FileMetaData["row_groups"][number];

/** The leaf column chunks of a top-level column in a row group (one for a flat column, key and value for a map). */
export function leafChunks(group: RowGroup, column: string): ColumnMetaData[] {
  return group.columns.map((c: ColumnChunk) => c.meta_data).filter((m): m is ColumnMetaData => m !== undefined && m.path_in_schema[0] === column);
}

type DecodedPage = { defs: number[]; reps: number[]; values: DecodedArray; encoding: Encoding };

/** Walks the pages of one column chunk held in memory (compressed), reading dictionary pages on the way. */
class PageCursor {
  private offset = 0;
  private header: PageHeader | undefined;
  dictionary: DecodedArray | undefined;

  constructor(
    private readonly view: DataView,
    readonly decoder: ColumnDecoder,
  ) {}

  /** The next data page's header, or undefined at the end of the chunk. */
  next(): PageHeader | undefined {
    while (this.offset < this.view.byteLength - 1) {
      const reader = { view: this.view, offset: this.offset };
      const header = parquetHeader(reader);
      this.offset = reader.offset;
      if (header.type === "DATA_PAGE" || header.type === "DATA_PAGE_V2") return (this.header = header);
      if (header.type === "DICTIONARY_PAGE") {
        const page = { view: this.view, offset: this.offset };
        const { data } = readPage(page, header, this.decoder, undefined, undefined, 0);
        if (data) this.dictionary = convert(data, this.decoder);
      }
      this.offset += header.compressed_page_size;
    }
    return undefined;
  }

  /** Rows of the current page when the header says (always for a flat column). */
  rows(): number {
    return this.header!.data_page_header_v2?.num_rows ?? this.header!.data_page_header!.num_values;
  }

  skip(): void {
    this.offset += this.header!.compressed_page_size;
  }

  decode(): DecodedPage {
    const header = this.header!;
    const compressed = new Uint8Array(this.view.buffer, this.view.byteOffset + this.offset, header.compressed_page_size);
    this.offset += header.compressed_page_size;
    if (this.offset > this.view.byteLength) throw new Error(`column ${this.decoder.pathInSchema.join(".")}: page runs past the end of its column chunk`);
    if (header.type === "DATA_PAGE") {
      const page = decompressPage(compressed, header.uncompressed_page_size, this.decoder.codec, compressors);
      const { definitionLevels, repetitionLevels, dataPage } = readDataPage(page, header.data_page_header!, this.decoder);
      return { defs: definitionLevels ?? [], reps: repetitionLevels, values: dataPage, encoding: header.data_page_header!.encoding };
    }
    const v2 = header.data_page_header_v2!;
    if (v2.num_nulls === 0 && v2.repetition_levels_byte_length === 0 && v2.definition_levels_byte_length > 0) {
      // A flat page without nulls: its definition levels say nothing, so they are not decoded
      // (a good part of the work on a column that is never null).
      const levels = v2.definition_levels_byte_length;
      const values = readDataPageV2(compressed.subarray(levels), { ...header, uncompressed_page_size: header.uncompressed_page_size - levels, data_page_header_v2: { ...v2, definition_levels_byte_length: 0 } }, this.requiredDecoder());
      return { defs: [], reps: [], values: values.dataPage, encoding: v2.encoding };
    }
    const { definitionLevels, repetitionLevels, dataPage } = readDataPageV2(compressed, header, this.decoder);
    return { defs: definitionLevels ?? [], reps: repetitionLevels, values: dataPage, encoding: v2.encoding };
  }

  private required: ColumnDecoder | undefined;
  /** The decoder of the same column declared REQUIRED: hyparquet then reads no definition levels. */
  private requiredDecoder(): ColumnDecoder {
    if (!this.required) {
      const path = this.decoder.schemaPath;
      const leaf = path[path.length - 1]!;
      const element = { ...leaf.element, repetition_type: "REQUIRED" as const };
      this.required = { ...this.decoder, element, schemaPath: [...path.slice(0, -1), { ...leaf, element }] };
    }
    return this.required;
  }

  /** Raw values (dictionary indices or plain values) picked from a page → their rich values. */
  convert(raw: unknown[], encoding: Encoding): DecodedArray {
    return raw.length === 0 ? [] : convertWithDictionary(raw as DecodedArray, this.dictionary, encoding, this.decoder);
  }
}

/** The compressed bytes of a column chunk (fetched ahead of decoding, so reads overlap the work). */
export async function fetchChunk(buffer: AsyncBuffer, meta: ColumnMetaData): Promise<ArrayBuffer> {
  const start = Number(meta.dictionary_page_offset || meta.data_page_offset);
  const end = start + Number(meta.total_compressed_size);
  if (end > buffer.byteLength) throw new Error(`column ${meta.path_in_schema.join(".")} ends at byte ${end}, after the end of the file (${buffer.byteLength} bytes)`);
  return buffer.slice(start, end);
}

async function cursorOf(chunk: Promise<ArrayBuffer>, schema: SchemaTree, meta: ColumnMetaData): Promise<{ cursor: PageCursor; schemaPath: SchemaTree[] }> {
  const schemaPath = getTreePath(schema, meta.path_in_schema);
  const decoder: ColumnDecoder = {
    pathInSchema: meta.path_in_schema,
    element: schemaPath[schemaPath.length - 1]!.element,
    schemaPath,
    type: meta.type,
    codec: meta.codec,
    parsers: DEFAULT_PARSERS,
    compressors,
    utf8: true,
  };
  return { cursor: new PageCursor(new DataView(await chunk), decoder), schemaPath };
}

/** Row numbers (within the row group) whose value in a flat string column equals `value`. */
export async function rowsEqualTo(chunk: Promise<ArrayBuffer>, schema: SchemaTree, meta: ColumnMetaData, value: string, groupRows: number): Promise<number[]> {
  const { cursor, schemaPath } = await cursorOf(chunk, schema, meta);
  if (getMaxRepetitionLevel(schemaPath) > 0) throw new Error(`column ${meta.path_in_schema.join(".")} is not a flat column`);
  const maxDef = getMaxDefinitionLevel(schemaPath);
  const rows: number[] = [];
  let row = 0;
  while (row < groupRows && cursor.next()) {
    const { defs, values, encoding } = cursor.decode();
    // A dictionary-encoded page holds indices: compare them to the value's index, no string made.
    const dictionaryIndex = encoding.endsWith("_DICTIONARY") && cursor.dictionary ? Array.prototype.indexOf.call(cursor.dictionary, value) : undefined;
    const matches = dictionaryIndex === undefined ? cursor.convert(Array.from(values as ArrayLike<unknown>), encoding) : values;
    const wanted = dictionaryIndex ?? value;
    if (dictionaryIndex === -1) {
      row += defs.length || values.length;
      continue;
    }
    if (defs.length === 0) {
      for (let i = 0; i < matches.length; i++) if (matches[i] === wanted) rows.push(row + i);
      row += matches.length;
    } else {
      let v = 0;
      for (let i = 0; i < defs.length; i++) if (defs[i] === maxDef && matches[v++] === wanted) rows.push(row + i);
      row += defs.length;
    }
  }
  if (row !== groupRows) throw new Error(`column ${meta.path_in_schema.join(".")} has ${row} values for ${groupRows} rows`);
  return rows;
}

/** The values of a flat leaf column at `rows` (ascending row numbers within the row group); null where null. */
export async function flatValuesAt(chunk: Promise<ArrayBuffer>, schema: SchemaTree, meta: ColumnMetaData, rows: readonly number[], groupRows: number): Promise<unknown[]> {
  const { cursor, schemaPath } = await cursorOf(chunk, schema, meta);
  const maxDef = getMaxDefinitionLevel(schemaPath);
  const out = new Array<unknown>(rows.length).fill(null);
  let next = 0;
  let pageRow = 0;
  while (next < rows.length && cursor.next()) {
    const pageRows = cursor.rows();
    if (rows[next]! >= pageRow + pageRows) {
      cursor.skip(); // no wanted row: not even decompressed
      pageRow += pageRows;
      continue;
    }
    const { defs, values, encoding } = cursor.decode();
    const at: number[] = [];
    const raw: unknown[] = [];
    if (defs.length === 0) {
      for (; next < rows.length && rows[next]! < pageRow + pageRows; next++) {
        at.push(next);
        raw.push(values[rows[next]! - pageRow]);
      }
    } else {
      let v = 0;
      for (let i = 0; i < pageRows && next < rows.length; i++) {
        const present = defs[i] === maxDef;
        if (pageRow + i === rows[next]) {
          if (present) {
            at.push(next);
            raw.push(values[v]);
          }
          next++;
        }
        if (present) v++;
      }
    }
    const converted = cursor.convert(raw, encoding);
    for (let k = 0; k < at.length; k++) out[at[k]!] = converted[k];
    pageRow += pageRows;
  }
  if (next < rows.length) throw new Error(`column ${meta.path_in_schema.join(".")} ends at row ${pageRow} of ${groupRows}`);
  return out;
}

/**
 * The entries of one leaf of a map column (its keys, or its values) at `rows`: for each wanted row
 * the list of that leaf's values, in entry order (null for a null value); [] for an empty or null
 * map. Rows may continue from one page to the next.
 */
export async function mapLeafAt(chunk: Promise<ArrayBuffer>, schema: SchemaTree, meta: ColumnMetaData, rows: readonly number[], groupRows: number): Promise<unknown[][]> {
  const { cursor, schemaPath } = await cursorOf(chunk, schema, meta);
  const name = meta.path_in_schema.join(".");
  if (getMaxRepetitionLevel(schemaPath) !== 1 || schemaPath.length !== 4) throw new Error(`column ${name} is not a map<string, string>`);
  const maxDef = getMaxDefinitionLevel(schemaPath);
  // The definition level at which a map entry exists: the levels of the map and of its repeated entries.
  const entryDef = getMaxDefinitionLevel(schemaPath.slice(0, 3));
  const out: unknown[][] = rows.map(() => []);
  let next = 0;
  let row = -1; // the current row; the first value of the chunk starts row 0
  while (next < rows.length && cursor.next()) {
    const { defs, reps, values, encoding } = cursor.decode();
    const at: number[] = [];
    const raw: unknown[] = [];
    let v = 0;
    for (let i = 0; i < reps.length; i++) {
      if (reps[i] === 0) {
        row++;
        while (next < rows.length && rows[next]! < row) next++;
      }
      const def = defs.length ? defs[i]! : maxDef;
      if (next < rows.length && rows[next] === row && def >= entryDef) {
        // An entry of a wanted row: its value, or null when the value is null.
        out[next]!.push(null);
        if (def === maxDef) {
          at.push(next, out[next]!.length - 1);
          raw.push(values[v]);
        }
      }
      if (def === maxDef) v++;
    }
    const converted = cursor.convert(raw, encoding);
    for (let k = 0; k < raw.length; k++) out[at[2 * k]!]![at[2 * k + 1]!] = converted[k];
  }
  if (row + 1 < groupRows && next < rows.length) throw new Error(`column ${name} ends at row ${row + 1} of ${groupRows}`);
  return out;
}
