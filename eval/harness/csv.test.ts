import { describe, expect, it } from 'vitest';
import { csvRecords, parseCsv } from './csv.ts';

describe('parseCsv', () => {
  it('reads quoted fields with commas, doubled quotes, CRLF and newlines inside quotes', () => {
    const text = 'a,b,c\r\n1,"x, y","say ""hi"""\r\n2,"line one\nline two",\r\n';
    expect(parseCsv(text)).toEqual([
      ['a', 'b', 'c'],
      ['1', 'x, y', 'say "hi"'],
      ['2', 'line one\nline two', ''],
    ]);
  });

  it('mixes LF and CRLF rows and adds no row for a trailing newline', () => {
    expect(parseCsv('text,category\r\n"a, ""b""",x\nplain,y\r\n')).toEqual([
      ['text', 'category'],
      ['a, "b"', 'x'],
      ['plain', 'y'],
    ]);
    expect(parseCsv('')).toEqual([]);
  });

  it('keeps a quote inside an unquoted field as a character', () => {
    expect(parseCsv('5" screen,ok\n')).toEqual([['5" screen', 'ok']]);
  });

  it('keys records by the header, dropping a byte-order mark', () => {
    expect(csvRecords('\uFEFFk,v\nx,1\ny')).toEqual([
      { k: 'x', v: '1' },
      { k: 'y', v: '' },
    ]);
  });
});
