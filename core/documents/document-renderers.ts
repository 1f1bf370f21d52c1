/** Every document of a staking package, in the order they are made and listed in the manifest. */
import type { RendererList } from './generate-package';
import { renderCornerCards } from './pdf/corner-cards.pdf';
import { renderClaimMap, renderFieldMap } from './pdf/claim-map.pdf';
import { renderFeesSheet } from './pdf/fees-sheet.pdf';
import { renderLocationNotices } from './pdf/location-notice.pdf';
import { renderCsv, renderGpx, renderKml } from './field-files';
import { renderKmz } from './kmz';

export const DOCUMENT_RENDERERS: RendererList = [
  ['location-notices', renderLocationNotices],
  ['corner-cards', renderCornerCards],
  ['claim-map', renderClaimMap],
  ['field-map', renderFieldMap],
  ['fees-sheet', renderFeesSheet],
  ['gpx', renderGpx],
  ['kml', renderKml],
  // Only when Settings ask for it (package-task.ts leaves it out otherwise).
  ['kmz', renderKmz],
  ['csv', renderCsv],
];
