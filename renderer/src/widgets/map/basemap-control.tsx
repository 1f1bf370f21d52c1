/**
 * The map's own basemap switch: which basemap is under the claims (the offline file, the online one, or none),
 * chosen on the map without opening Settings. Only basemaps that are configured are offered.
 */
import type { BasemapChoice } from '../../../../shared/basemap/map-settings';
import type { BasemapOption } from '../../state/map-basemap';
import { usePopover } from '../../lib/use-popover.hook';
import { useAppViewStore } from '../../state/app-view.store';

export function BasemapControl({ options, choice, onChoose }: { options: BasemapOption[]; choice: BasemapChoice; onChoose: (choice: BasemapChoice) => void }) {
  const { open, setOpen, rootRef, buttonRef, panelId, onKeyDown } = usePopover();
  // Only "No basemap" on offer: nothing is set up yet, and the button says so rather than hiding the option.
  const noneSetUp = options.length === 1;
  const current = noneSetUp ? 'none set up' : (options.find((o) => o.choice === choice)?.label ?? 'No basemap');
  const setSettingsOpen = useAppViewStore((state) => state.setSettingsOpen);
  return (
    <div className="basemap-control" ref={rootRef} onKeyDown={onKeyDown}>
      <button
        ref={buttonRef}
        type="button"
        className="button button--small"
        aria-expanded={open}
        aria-controls={panelId}
        title={noneSetUp ? 'No basemap is set up: terrain or imagery under the claims helps to place them' : 'Choose the basemap under the claims'}
        data-testid="map-basemap-button"
        onClick={() => setOpen(!open)}
      >
        Basemap: {current}
      </button>
      {open && (
        <div id={panelId} className="basemap-control__panel" role="radiogroup" aria-label="Basemap" data-testid="map-basemap-panel">
          {options.map((option) => (
            <label key={option.choice} className="basemap-control__option">
              <input
                type="radio"
                name={`${panelId}-basemap`}
                checked={option.choice === choice}
                data-testid={`map-basemap-${option.choice}`}
                onChange={() => {
                  onChoose(option.choice);
                  setOpen(false);
                }}
              />
              {option.label}
            </label>
          ))}
          {noneSetUp && (
            <div className="basemap-control__setup" data-testid="map-basemap-hint">
              <p className="basemap-control__hint muted">
                No basemap yet: an offline tiles file (MBTiles or PMTiles, works in the field) or an online basemap URL puts terrain or
                imagery under the claims.
              </p>
              <button
                type="button"
                className="button button--small button--primary"
                data-testid="map-basemap-setup"
                onClick={() => {
                  setOpen(false);
                  setSettingsOpen(true);
                }}
              >
                Set up a basemap…
              </button>
            </div>
          )}
        </div>
      )}
    </div>
  );
}
