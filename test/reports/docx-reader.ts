// Reads a generated Word document back the way a reader would: mammoth's HTML (headings, tables,
// paragraphs, images) and the raw WordprocessingML of word/document.xml (bidi markup, fonts).
import { unzipSync, strFromU8 } from 'fflate';
import mammoth from 'mammoth';

export interface ReadBack {
  html: string;
  xml: string;
  /** Files in the package (word/media/image1.png, ...). */
  files: string[];
  /** Text of the h1 headings, in order. */
  h1: string[];
  h2: string[];
  /** Every table as rows of cell texts. */
  tables: string[][][];
  text: string;
}

const decode = (s: string) =>
  s
    .replace(/<[^>]+>/g, '')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .trim();

function all(html: string, re: RegExp): string[] {
  return [...html.matchAll(re)].map((m) => decode(m[1] ?? ''));
}

export async function readDocx(bytes: Buffer): Promise<ReadBack> {
  const zip = unzipSync(new Uint8Array(bytes));
  const xml = strFromU8(zip['word/document.xml'] ?? new Uint8Array());
  const { value: html } = await mammoth.convertToHtml({ buffer: bytes });
  const tables = [...html.matchAll(/<table>([\s\S]*?)<\/table>/g)].map((t) =>
    [...(t[1] ?? '').matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((r) =>
      all(r[1] ?? '', /<t[dh][^>]*>([\s\S]*?)<\/t[dh]>/g),
    ),
  );
  return {
    html,
    xml,
    files: Object.keys(zip),
    h1: all(html, /<h1>([\s\S]*?)<\/h1>/g),
    h2: all(html, /<h2>([\s\S]*?)<\/h2>/g),
    tables,
    text: decode(html.replace(/<\/(p|h\d|td|th|li)>/g, '\n')),
  };
}
