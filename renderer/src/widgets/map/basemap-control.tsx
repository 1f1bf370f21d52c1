/**
 * The map's own basemap switch: which basemap is under the claims (the offline file, the online one, or none),
 * chosen on the map without opening Settings. Only basemaps that are configured are offered.
 */
import type { BasemapChoice } from '../../../../shared/basemap/map-settings';
import type { BasemapOption } from '../../state/map-basemap';
import { usePopover } from '../../lib/use-popover.hook';

export function BasemapControl({ options, choice, onChoose }: { options: BasemapOption[]; choice: BasemapChoice; onChoose: (choice: BasemapChoice) => void }) {
  const { open, setOpen, rootRef, buttonRef, panelId, onKeyDown } = usePopover();
  const current = options.find((o) => o.choice === choice)?.label ?? 'No basemap';
  return (
    <div className="basemap-control" ref={rootRef} onKeyDown={onKeyDown}>
      <button
        ref={buttonRef}
        type="button"
        className="button button--small"
        aria-expanded={open}
        aria-controls={panelId}
        title="Choose the basemap under the claims"
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
          {options.length === 1 && <p className="basemap-control__hint muted">Set an offline tiles file or an online basemap in Settings.</p>}
        </div>
      )}
    </div>
  );
}
