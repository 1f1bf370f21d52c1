/** Every document of a staking package, in the order they are made and listed in the manifest. */
import { stateRule } from '../../shared/claims/state-rules';
import type { RendererList } from './generate-package';
import { renderCornerCards } from './pdf/corner-cards.pdf';
import { renderClaimMap, renderFieldMap } from './pdf/claim-map.pdf';
import { renderFeesSheet } from './pdf/fees-sheet.pdf';
import { renderFieldInstructions } from './pdf/field-instructions.pdf';
import { renderLocationNotices } from './pdf/location-notice.pdf';
import { renderPostedNotices } from './pdf/posted-notices.pdf';
import { renderCsv, renderGpx, renderKml } from './field-files';
import { renderKmz } from './kmz';
import { renderDeadlinesIcs } from './deadlines-ics';
import { renderBlmFilingCsv, renderBlmFilingSheet } from './pdf/blm-filing.pdf';

export const DOCUMENT_RENDERERS: RendererList = [
  ['location-notices', renderLocationNotices],
  // Only where the posted notice is a document of its own (StateRule.postedNoticeSeparate).
  ['posted-notices', renderPostedNotices, (model) => stateRule(model.stateCode).postedNoticeSeparate],
  ['field-instructions', renderFieldInstructions],
  ['corner-cards', renderCornerCards],
  ['claim-map', renderClaimMap],
  ['field-map', renderFieldMap],
  ['fees-sheet', renderFeesSheet],
  ['deadlines-ics', renderDeadlinesIcs],
  // Only where BLM takes the filing: State of Alaska land is filed with DNR instead (AS 38.05.195).
  ['blm-filing', renderBlmFilingSheet, (model) => model.landStatus === 'federal'],
  ['blm-filing-csv', renderBlmFilingCsv, (model) => model.landStatus === 'federal'],
  ['gpx', renderGpx],
  ['kml', renderKml],
  // Only when Settings ask for it (package-task.ts leaves it out otherwise).
  ['kmz', renderKmz],
  ['csv', renderCsv],
];
