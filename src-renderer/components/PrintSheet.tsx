import { useLayoutEffect, useRef, useState, type ReactNode, type RefObject } from 'react';
import { createPortal } from 'react-dom';
import { PAPER_ORDER, PAPERS, pageRule, type Paper } from '../print';
import { messages, useT } from '../i18n';

const M = messages(
  { paper: 'Paper', print: 'Print', close: 'Close', paperName: (p: Paper) => PAPERS[p].label },
  {
    paper: 'কাগজ',
    print: 'প্রিন্ট',
    close: 'বন্ধ করুন',
    // print.ts keeps the sizes (and the English names); the names in Bangla are said here.
    paperName: (p) => ({ a4: 'A4 কাগজ', thermal80: '৮০ মিমি থার্মাল', thermal58: '৫৮ মিমি থার্মাল' })[p],
  },
);

interface PrintSheetProps {
  title: string;
  paper: Paper;
  onPaper(p: Paper): void;
  onClose(): void;
  children: ReactNode;
}

/**
 * The @page rule for `paper` as a <style> element: a roll's page is as long as `content` (measured
 * after each render that can change it), so a receipt or a strip of cards prints as one piece.
 */
export function PageRule({ paper, content, deps }: { paper: Paper; content: RefObject<HTMLElement | null>; deps: unknown }) {
  const [heightPx, setHeightPx] = useState(0);
  useLayoutEffect(() => {
    setHeightPx(content.current?.scrollHeight ?? 0);
  }, [paper, content, deps]);
  return <style>{`@media print { ${pageRule(paper, heightPx)} }`}</style>;
}

/** The paper choice, one select for every printable thing. */
export function PaperSelect({ paper, onPaper }: { paper: Paper; onPaper(p: Paper): void }) {
  const t = useT(M);
  return (
    <label className="inline-field">
      {t.paper}
      <select value={paper} onChange={(e) => onPaper(e.target.value as Paper)}>
        {PAPER_ORDER.map((p) => (
          <option key={p} value={p}>
            {t.paperName(p)}
          </option>
        ))}
      </select>
    </label>
  );
}

/**
 * A print preview over the app (a dialog), and what the printer gets: while it is open, the
 * print styles print only this sheet (body:has(.print-sheet) hides #root, so neither the sidebar
 * nor its dark background reaches the paper), with an @page rule for the chosen paper.
 * Rendered into <body> beside #root, so hiding the app cannot hide the sheet.
 */
export function PrintSheet({ title, paper, onPaper, onClose, children }: PrintSheetProps) {
  const content = useRef<HTMLDivElement>(null);
  const t = useT(M);

  return createPortal(
    <div className="print-sheet" role="dialog" aria-modal="true" aria-label={title}>
      <PageRule paper={paper} content={content} deps={children} />
      <div className="print-toolbar no-print">
        <strong>{title}</strong>
        <PaperSelect paper={paper} onPaper={onPaper} />
        <span className="spacer" />
        <button type="button" className="btn btn-primary" onClick={() => window.print()}>
          {t.print}
        </button>
        <button type="button" className="btn" onClick={onClose}>
          {t.close}
        </button>
      </div>
      <div className={`print-paper paper-${paper}`} style={{ width: `${PAPERS[paper].widthMm - 2 * PAPERS[paper].marginMm}mm` }} ref={content} data-paper={paper}>
        {children}
      </div>
    </div>,
    document.body,
  );
}
