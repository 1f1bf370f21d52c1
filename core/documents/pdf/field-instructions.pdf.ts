/**
 * field-instructions.pdf: the crew's sheet (shared/documents/field-instructions.ts): the site and the magnetic
 * declination first, then the monument rule, the deadlines that start at posting, where each notice goes, every
 * post in staking order with its markings and coordinates, and each claim's courses in true and compass bearings.
 * A field document, never recorded.
 */
import { fieldInstructions, COURSE_COLUMNS, POST_COLUMNS } from '../../../shared/documents/field-instructions';
import type { DocumentRenderer } from '../document.types';
import { drawTable } from './pdf-table';
import { GREY, INCH, PAGE_SIZES, TextCursor, createPdf, savePdf } from './pdf-kit';

const MARGIN = 0.6 * INCH;

function heading(cursor: TextCursor, text: string): void {
  cursor.ensure(60);
  cursor.gap(8);
  cursor.paragraph(text, { size: 12, bold: true, after: 2 });
}

export const renderFieldInstructions: DocumentRenderer = async (model, context) => {
  const content = fieldInstructions(model);
  const { doc, fonts } = await createPdf(context.fonts, {
    title: content.title,
    subject: `Staking instructions for ${model.claims.length} claim(s) of ${model.order.orderNumber}`,
    preparedOn: model.preparedOn,
    producer: `${model.generator.name} ${model.generator.version}`,
  });
  const cursor = new TextCursor(doc, fonts, PAGE_SIZES.letter, MARGIN);
  cursor.paragraph('Field instructions', { size: 20, bold: true, after: 2 });
  cursor.paragraph(`${model.order.orderNumber} · prepared ${model.preparedOn} · for the staking crew, not for recording`, { size: 9.5, color: GREY, after: 4 });
  for (const fact of content.facts) cursor.field(fact.label, fact.value, { size: 10, after: 1 });

  heading(cursor, 'Compass');
  cursor.paragraph(content.declination.headline, { size: 10.5, bold: true, after: 2 });
  cursor.paragraph(content.declination.howTo, { size: 10, after: 2 });

  heading(cursor, 'Monuments');
  cursor.field('State minimum', content.monument.rule, { size: 10, after: 1 });
  cursor.field('This job', content.monument.job, { size: 10, after: 1 });
  for (const warning of content.monument.warnings) cursor.paragraph(`Check: ${warning}.`, { size: 10, bold: true, after: 1 });

  heading(cursor, 'Deadlines that start when the notice is posted');
  drawTable(cursor, [{ header: 'What', width: 2.6 }, { header: 'Due by', width: 1.5 }, { header: 'Rule', width: 3 }], content.deadlines.map((d) => ({ cells: [d.label, d.dateText, d.rule] })), { size: 9 });

  heading(cursor, 'Where each notice goes');
  for (const line of content.notices) cursor.paragraph(line, { size: 10, after: 1 });

  heading(cursor, 'Posts, in staking order (the GPX waypoints P1…Pn)');
  drawTable(
    cursor,
    POST_COLUMNS.map((header, k) => ({ header, width: [0.45, 1.45, 2.35, 0.95, 1.15, 1.0, 1.1][k]!, align: k >= 3 ? ('right' as const) : ('left' as const) })),
    content.posts.map((cells) => ({ cells })),
    { size: 8, zebra: true, continuedCaption: 'Posts (continued)' },
  );

  heading(cursor, 'Courses: true and compass bearings');
  drawTable(
    cursor,
    COURSE_COLUMNS.map((header, k) => ({ header, width: [2, 0.8, 1.5, 1.5, 1.2][k]!, align: k >= 2 ? ('right' as const) : ('left' as const) })),
    content.courses.map((cells) => ({ cells })),
    { size: 8.5, zebra: true, continuedCaption: 'Courses (continued)' },
  );

  heading(cursor, 'Notes');
  for (const note of content.notes) cursor.paragraph(`• ${note}`, { size: 9.5, after: 1 });
  const pages = doc.getPages();
  pages.forEach((page, k) => {
    const text = `${model.order.orderNumber} · field instructions · page ${k + 1} of ${pages.length}`;
    page.drawText(text, { x: MARGIN, y: MARGIN / 2, size: 8, font: fonts.regular, color: GREY });
  });
  const bytes = await savePdf(doc);
  return { document: { kind: 'field-instructions', bytes, pages: pages.length }, problems: [] };
};
