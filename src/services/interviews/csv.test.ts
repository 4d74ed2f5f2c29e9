import { describe, expect, it } from 'vitest';
import { parseCsv, readCandidateCsv } from './csv.ts';

describe('parseCsv', () => {
  it('reads quoted fields with commas, doubled quotes, newlines, CRLF and a BOM', () => {
    const { records } = parseCsv('\uFEFFa,b\r\n"x, y","say ""hi"""\r\n"multi\nline",z\n');
    expect(records).toEqual([
      { line: 1, fields: ['a', 'b'] },
      { line: 2, fields: ['x, y', 'say "hi"'] },
      { line: 3, fields: ['multi\nline', 'z'] },
    ]);
  });

  it('skips blank lines and reports an unterminated quote', () => {
    const r = parseCsv('a\n\n"b\nc');
    expect(r.records).toEqual([{ line: 1, fields: ['a'] }]);
    expect(r.unterminatedAt).toBe(3);
  });
});

describe('readCandidateCsv', () => {
  it('imports good rows and reports each bad row with its line and field', () => {
    const csv = [
      'name,email,group',
      '王小明,WANG@example.com,A',
      'Lee Ann,lee@example.com,',
      'No Mail,not-an-email,A',
      '王小明again,wang@example.com,B',
      ',blank@example.com,A',
      'Too,many,fields,here',
      'Old Hand,old@example.com,A',
      'Odd Group,odd@example.com,Z',
    ].join('\n');
    const { rows, errors } = readCandidateCsv(csv, {
      existing: new Set(['old@example.com']),
      groups: ['A', 'B'],
    });
    expect(rows).toEqual([
      { row: 2, email: 'wang@example.com', name: '王小明', group: 'A' },
      { row: 3, email: 'lee@example.com', name: 'Lee Ann', group: null },
    ]);
    expect(errors.map((e) => [e.row, e.field, e.code])).toEqual([
      [4, 'email', 'invalid_email'],
      [5, 'email', 'duplicate_email'],
      [6, 'name', 'missing_name'],
      [7, null, 'bad_row'],
      [8, 'email', 'duplicate_email'],
      [9, 'group', 'bad_group'],
    ]);
    expect(errors[1]?.message).toContain('line 2');
  });

  it('needs a header with email and name', () => {
    const { rows, errors } = readCandidateCsv('a@example.com,Ann\n');
    expect(rows).toEqual([]);
    expect(errors).toEqual([expect.objectContaining({ row: 1, code: 'missing_column' })]);
  });

  it('ignores the group column when the campaign collects no group', () => {
    const { rows } = readCandidateCsv('email,name,group\na@example.com,Ann,X\n', { groups: null });
    expect(rows[0]?.group).toBeNull();
  });
});
