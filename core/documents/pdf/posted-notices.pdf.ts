/**
 * posted-notices.pdf: the notice each claim's crew fixes to its post (shared/documents/posted-notice.ts), one
 * letter page per claim in large type to be read at the post, with a line to sign for every locator. Made only
 * for states whose posted notice differs from the recorded certificate; elsewhere a signed copy of the location
 * notice is posted and this file is not part of the package.
 */
import { postedNotice } from '../../../shared/documents/posted-notice';
import type { PackageProblem } from '../../../shared/documents/package-files';
import type { DocumentRenderer } from '../document.types';
import { GREY, INCH, PAGE_SIZES, TextCursor, createPdf, savePdf, wrapText } from './pdf-kit';

const MARGIN = 0.8 * INCH;
const SIZE = 13;

export const renderPostedNotices: DocumentRenderer = async (model, context) => {
  const { doc, fonts } = await createPdf(context.fonts, {
    title: `Notices to post — ${model.order.orderNumber}`,
    subject: `Notices posted on the ground for ${model.claims.length} claim(s) of ${model.order.orderNumber}`,
    preparedOn: model.preparedOn,
    producer: `${model.generator.name} ${model.generator.version}`,
  });
  const problems: PackageProblem[] = [];
  for (const claim of model.claims) {
    const before = doc.getPageCount();
    try {
      const notice = postedNotice(model, claim);
      const cursor = new TextCursor(doc, fonts, PAGE_SIZES.letter, MARGIN);
      cursor.paragraph(notice.title.toUpperCase(), { size: 26, bold: true, after: 2 });
      cursor.paragraph(notice.authority, { size: 11, color: GREY, after: 10 });
      for (const field of notice.fields) cursor.field(field.label, field.value, { size: SIZE, after: 4 });
      cursor.gap(6);
      cursor.paragraph(`This notice is posted: ${notice.postedAt}`, { size: 11, bold: true, after: 12 });
      for (const signer of notice.signers) {
        cursor.ensure(60);
        cursor.gap(26);
        cursor.page.drawLine({ start: { x: cursor.margin, y: cursor.y }, end: { x: cursor.margin + 300, y: cursor.y }, thickness: 0.8 });
        cursor.gap(2);
        for (const line of wrapText(`Signature: ${signer.name}`, fonts.regular, 11, 300)) cursor.paragraph(line, { size: 11 });
      }
    } catch (error) {
      for (let k = doc.getPageCount() - 1; k >= before; k -= 1) doc.removePage(k);
      problems.push({ document: 'posted-notices', claim: claim.name, message: `No posted notice for this claim: ${error instanceof Error ? error.message : String(error)}` });
    }
  }
  if (doc.getPageCount() === 0) new TextCursor(doc, fonts, PAGE_SIZES.letter, MARGIN).paragraph('No notice could be produced.', { size: 14, bold: true });
  const bytes = await savePdf(doc);
  return { document: { kind: 'posted-notices', bytes, pages: doc.getPageCount() }, problems };
};
