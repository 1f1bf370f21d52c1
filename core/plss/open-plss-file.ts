/** Opens one file for import by its kind: GeoJSON, a zipped or plain shapefile, or a GeoPackage. */
import { deskDay } from '../../shared/domain/calendar-date';
import { stat } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { AppError } from '../../shared/errors';
import type { OpenedPlssFile } from './feature-source';
import { geoJsonLayer } from './geojson-reader';
import { openGeoPackage } from './geopackage-reader';
import { openShapefileZip, shapefileLayer } from './shapefile-reader';

export const PLSS_FILE_KINDS = 'GeoJSON (.geojson, .json), zipped shapefiles (.zip), shapefiles (.shp) or GeoPackage (.gpkg)';

export async function openPlssFile(path: string): Promise<OpenedPlssFile> {
  const info = await stat(path).catch((error: NodeJS.ErrnoException) => {
    throw new AppError('bad-file', `${path} cannot be read: ${error.code === 'ENOENT' ? 'no such file' : error.message}`);
  });
  if (!info.isFile()) throw new AppError('bad-file', `${path} is not a file`);
  // The day the file was written on this desk's calendar, not UTC's.
  const fileDate = deskDay(info.mtime);
  const ext = extname(path).toLowerCase();
  const none = async (): Promise<void> => undefined;
  switch (ext) {
    case '.geojson':
    case '.json':
      return { layers: [geoJsonLayer(path)], fileDate, close: none };
    case '.zip':
      return { ...(await openShapefileZip(path)), fileDate };
    case '.shp':
      return { layers: [await shapefileLayer(path)], fileDate, close: none };
    case '.gpkg':
      return { ...openGeoPackage(path), fileDate };
    default:
      throw new AppError('bad-file', `${basename(path)}: ClaimDesk imports ${PLSS_FILE_KINDS}`);
  }
}
