/** Every document of a staking package, in the order they are made and listed in the manifest. */
import type { RendererList } from './generate-package';
import { renderCornerCards } from './pdf/corner-cards.pdf';
import { renderClaimMap, renderFieldMap } from './pdf/claim-map.pdf';
import { renderFeesSheet } from './pdf/fees-sheet.pdf';
import { renderLocationNotices } from './pdf/location-notice.pdf';
import { renderCsv, renderGpx, renderKml } from './field-files';

export const DOCUMENT_RENDERERS: RendererList = [
  ['location-notices', renderLocationNotices],
  ['corner-cards', renderCornerCards],
  ['claim-map', renderClaimMap],
  ['field-map', renderFieldMap],
  ['fees-sheet', renderFeesSheet],
  ['gpx', renderGpx],
  ['kml', renderKml],
  ['csv', renderCsv],
];
