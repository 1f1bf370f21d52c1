/** Opens a tiles file of either kind, told apart by its first bytes. */
import { openMbtiles } from './mbtiles.reader';
import { openPmtiles } from './pmtiles.reader';
import { sniffContainer, type OpenArchiveOptions, type TileArchive } from './tile-archive';

export async function openTileArchive(path: string, options: OpenArchiveOptions = {}): Promise<TileArchive> {
  const container = await sniffContainer(path);
  return container === 'pmtiles' ? openPmtiles(path) : openMbtiles(path, options);
}
