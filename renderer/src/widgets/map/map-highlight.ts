/**
 * The selected and hovered claims as feature states of the claims source (the claim layers' paint reads them, see
 * map-style.ts). Only the claims whose state changed are told, so a click costs the same at six claims or thousands.
 * A new style makes new sources without states: forget() after a style load, then apply() again.
 */
import type { Map as MapLibreMap } from 'maplibre-gl';

const SOURCE = 'claims';

export class ClaimHighlight {
  private selected = new Set<string>();
  private hover: string | null = null;

  /** The map's sources were made again (a style load): nothing is highlighted there any more. */
  forget(): void {
    this.selected = new Set();
    this.hover = null;
  }

  /** A map taken over from another step (map-pool.ts) may still show that step's selection: cleared. */
  clear(map: MapLibreMap): void {
    this.forget();
    if (!map.getSource(SOURCE)) return;
    try {
      map.removeFeatureState({ source: SOURCE });
    } catch {
      // Between style loads: the new sources start without states anyway.
    }
  }

  /** Brings the map's states to `selection` and `hoverId`; false while the style is still loading (apply again on load). */
  apply(map: MapLibreMap, selection: readonly string[], hoverId: string | null): boolean {
    if (!map.getSource(SOURCE)) return false;
    const next = new Set(selection);
    try {
      for (const id of this.selected) if (!next.has(id)) map.setFeatureState({ source: SOURCE, id }, { selected: false });
      for (const id of next) if (!this.selected.has(id)) map.setFeatureState({ source: SOURCE, id }, { selected: true });
      if (hoverId !== this.hover) {
        if (this.hover !== null) map.setFeatureState({ source: SOURCE, id: this.hover }, { hover: false });
        if (hoverId !== null) map.setFeatureState({ source: SOURCE, id: hoverId }, { hover: true });
      }
    } catch {
      // The style is between loads (MapLibre refuses states then): the style.load handler applies them.
      this.forget();
      return false;
    }
    this.selected = next;
    this.hover = hoverId;
    return true;
  }
}
