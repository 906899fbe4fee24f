import { describe, expect, it } from 'vitest';
import { csvField, csvTaka, csvTime, toCsv } from '../../src-shared/csv';
import { pageRule } from '../../src-renderer/print';

describe('CSV', () => {
  it('quotes commas, quotes, line breaks and edge spaces, and leaves plain text alone', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('cr\rhere')).toBe('"cr\rhere"');
    expect(csvField(' padded')).toBe('" padded"');
    expect(csvField(null)).toBe('');
    expect(csvField(undefined)).toBe('');
    expect(csvField(42)).toBe('42');
    expect(csvField('রহিম')).toBe('রহিম');
  });

  it('keeps a spreadsheet from running text as a formula, but not plain signed numbers', () => {
    expect(csvField('=1+1')).toBe("'=1+1");
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvField('+cmd|x')).toBe("'+cmd|x");
    expect(csvField('-2+3')).toBe("'-2+3");
    expect(csvField('=HYPERLINK("x")')).toBe('"\'=HYPERLINK(""x"")"');
    expect(csvField('-50.50')).toBe('-50.50');
    expect(csvField('+8801712345678')).toBe('+8801712345678');
  });

  it('writes taka with two decimals, shop wall-clock times, CRLF rows and a BOM', () => {
    expect(csvTaka(0)).toBe('0.00');
    expect(csvTaka(5)).toBe('0.05');
    expect(csvTaka(123456)).toBe('1234.56');
    expect(csvTaka(-5050)).toBe('-50.50');
    expect(csvTime(Date.UTC(2026, 5, 1, 18, 30), 'Asia/Dhaka')).toBe('2026-06-02 00:30');
    expect(csvTime(null, 'Asia/Dhaka')).toBe('');
    expect(toCsv(['A', 'B'], [['x,y', 1], [null, 'z']])).toBe('\uFEFFA,B\r\n"x,y",1\r\n,z\r\n');
  });
});

describe('print pages', () => {
  it('gives A4 its size and a thermal roll the content length', () => {
    expect(pageRule('a4', 5000)).toBe('@page { size: 210mm 297mm; margin: 10mm; }');
    // 377 px ≈ 99.7 mm at 96 dpi, plus 2 × 3 mm margins and 2 mm slack, rounded up.
    expect(pageRule('thermal58', 377)).toBe('@page { size: 58mm 108mm; margin: 3mm; }');
    expect(pageRule('thermal80', 0)).toMatch(/^@page \{ size: 80mm \d+mm; margin: 4mm; \}$/);
  });
});
