/**
 * The papers the shop prints on: A4 sheets, and 80 mm and 58 mm thermal rolls. A roll has no
 * page length, so a thermal page is as long as what is printed (PrintSheet measures it); an A4
 * page is A4.
 */
export type Paper = 'a4' | 'thermal80' | 'thermal58';

export interface PaperDef {
  label: string;
  /** Paper width in mm. */
  widthMm: number;
  /** Fixed page height in mm; null: the content's height (a roll). */
  heightMm: number | null;
  /** Page margin in mm (thermal heads cannot print the outer few mm). */
  marginMm: number;
}

export const PAPERS: Record<Paper, PaperDef> = {
  a4: { label: 'A4 sheet', widthMm: 210, heightMm: 297, marginMm: 10 },
  thermal80: { label: '80 mm thermal', widthMm: 80, heightMm: null, marginMm: 4 },
  thermal58: { label: '58 mm thermal', widthMm: 58, heightMm: null, marginMm: 3 },
};

export const PAPER_ORDER: Paper[] = ['a4', 'thermal80', 'thermal58'];

const PX_PER_MM = 96 / 25.4;

/**
 * The @page rule for a paper. A roll's height is the printed content's (px → mm) plus its
 * margins, rounded up so the last line is never pushed onto a second, nearly empty page.
 */
export function pageRule(paper: Paper, contentHeightPx: number): string {
  const p = PAPERS[paper];
  const height = p.heightMm ?? Math.ceil(contentHeightPx / PX_PER_MM + 2 * p.marginMm + 2);
  return `@page { size: ${p.widthMm}mm ${height}mm; margin: ${p.marginMm}mm; }`;
}
