/**
 * The grid anchor typed either as UTM easting/northing or as latitude/longitude; both pairs always show the same
 * point. The pair being typed in keeps the user's text (so "4438" is not reformatted mid-keystroke); the other
 * pair follows the anchor. A pair is committed as soon as both of its numbers parse and are in range.
 */
import { useState } from 'react';
import { parsePastedPoint } from '../../../../../shared/geo/parse-coordinates';
import { utmConverter, type Utm } from '../../../../../shared/geo/utm';

type Pair = 'utm' | 'll';
type Draft = { editing: Pair | null; a: string; b: string };

const parse = (text: string): number | null => {
  const value = Number(text.trim().replace(/,/g, ''));
  return text.trim() !== '' && Number.isFinite(value) ? value : null;
};

function toAnchor(pair: Pair, a: string, b: string, epsg: number): Utm | null {
  const x = parse(a);
  const y = parse(b);
  if (x === null || y === null) return null;
  if (pair === 'utm') return x > 100_000 && x < 900_000 && y > 0 && y < 10_000_000 ? [x, y] : null;
  // a = latitude, b = longitude
  if (Math.abs(x) > 90 || Math.abs(y) > 180) return null;
  return utmConverter(epsg).toUtm([y, x]);
}

export function AnchorFields({ epsg, anchor, onChange }: { epsg: number; anchor: Utm | null; onChange(utm: Utm): void }) {
  const [draft, setDraft] = useState<Draft>({ editing: null, a: '', b: '' });
  const lonLat = anchor ? utmConverter(epsg).toLonLat(anchor) : null;
  const shown = {
    utm: anchor ? [anchor[0].toFixed(2), anchor[1].toFixed(2)] : ['', ''],
    ll: lonLat ? [lonLat[1].toFixed(6), lonLat[0].toFixed(6)] : ['', ''],
  };
  const value = (pair: Pair, index: 0 | 1) => (draft.editing === pair ? (index === 0 ? draft.a : draft.b) : shown[pair][index]!);
  const invalid = draft.editing !== null && toAnchor(draft.editing, draft.a, draft.b, epsg) === null;

  const edit = (pair: Pair, index: 0 | 1, text: string) => {
    const base = draft.editing === pair ? [draft.a, draft.b] : [...shown[pair]];
    base[index] = text;
    setDraft({ editing: pair, a: base[0]!, b: base[1]! });
    const next = toAnchor(pair, base[0]!, base[1]!, epsg);
    if (next) onChange(next);
  };
  // Leaving a field shows the committed anchor again (a half-typed value that never parsed is dropped).
  const done = () => setDraft({ editing: null, a: '', b: '' });

  // A point pasted whole (a GPS readout, a survey sheet's UTM with its zone), read into this job's zone.
  const [pasted, setPasted] = useState('');
  const [pasteResult, setPasteResult] = useState<{ ok: boolean; text: string } | null>(null);
  const readPasted = (text: string) => {
    setPasted(text);
    if (text.trim() === '') return setPasteResult(null);
    const parsed = parsePastedPoint(text, epsg);
    if ('error' in parsed) return setPasteResult({ ok: false, text: parsed.error });
    onChange(parsed.anchor);
    setPasteResult({ ok: true, text: `Read as ${parsed.read}.` });
  };

  const field = (pair: Pair, index: 0 | 1, label: string, testId: string, unit: string) => (
    <label className="layout-field">
      <span>
        {label} ({unit})
      </span>
      <input
        type="text"
        inputMode="decimal"
        data-testid={testId}
        value={value(pair, index)}
        aria-invalid={draft.editing === pair && invalid}
        onChange={(e) => edit(pair, index, e.target.value)}
        onBlur={done}
        onKeyDown={(e) => e.key === 'Enter' && done()}
      />
    </label>
  );

  return (
    <div className="layout-anchor">
      <div className="layout-row">
        {field('utm', 0, 'Easting', 'grid-anchor-easting', 'm')}
        {field('utm', 1, 'Northing', 'grid-anchor-northing', 'm')}
      </div>
      <div className="layout-row">
        {field('ll', 0, 'Latitude', 'grid-anchor-lat', '°')}
        {field('ll', 1, 'Longitude', 'grid-anchor-lon', '°')}
      </div>
      <label className="layout-field">
        <span>Paste a point (UTM with its zone, or latitude/longitude)</span>
        <input
          type="text"
          data-testid="grid-anchor-paste"
          value={pasted}
          placeholder="e.g. 11N 456789 4234567"
          aria-invalid={pasteResult ? !pasteResult.ok : undefined}
          onChange={(e) => readPasted(e.target.value)}
        />
      </label>
      {pasteResult && (
        <p className={pasteResult.ok ? 'muted layout-hint' : 'form-field__error'} role={pasteResult.ok ? 'status' : 'alert'} data-testid="grid-anchor-paste-result">
          {pasteResult.text}
        </p>
      )}
      <p className="muted layout-hint">
        UTM in EPSG:{epsg} (NAD83 zone {epsg - 26900}N); latitude/longitude in decimal degrees (west is negative). A
        point pasted in another zone is moved into this one.
      </p>
    </div>
  );
}
