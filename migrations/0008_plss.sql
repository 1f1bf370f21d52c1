-- 0008: the Public Land Survey System (BLM CadNSDI) imported per state, for offline land descriptions.
--
-- plss_layers: one row per imported layer of a state (township, section, second division). An import writes its
-- parts under a 'staging' row in short batches, then swaps it in for the state's 'ready' row of that layer in one
-- transaction (core/repos/plss.repo.ts): readers only ever see ready layers, and a failed import is removed again,
-- so the previous data stays in force. At most one ready row per (state, layer).
CREATE TABLE plss_layers (
  id INTEGER PRIMARY KEY,
  state TEXT NOT NULL,
  layer TEXT NOT NULL CHECK (layer IN ('township', 'section', 'second')),
  status TEXT NOT NULL CHECK (status IN ('staging', 'ready')),
  source TEXT NOT NULL,
  data_date TEXT,
  imported_at TEXT NOT NULL,
  feature_count INTEGER NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX plss_layers_ready ON plss_layers (state, layer) WHERE status = 'ready';

-- One polygon (or multipolygon) of a layer. geom is the packed lon/lat coordinates (core/plss/geometry-blob.ts).
CREATE TABLE plss_parts (
  id INTEGER PRIMARY KEY,
  layer_id INTEGER NOT NULL REFERENCES plss_layers (id),
  kind TEXT NOT NULL CHECK (kind IN ('township', 'section', 'aliquot', 'lot', 'other')),
  meridian_code TEXT NOT NULL,
  meridian_text TEXT,
  plss_id TEXT NOT NULL,
  township TEXT NOT NULL,
  range TEXT NOT NULL,
  section INTEGER,
  label TEXT,
  geom BLOB NOT NULL
);
CREATE INDEX plss_parts_by_layer ON plss_parts (layer_id);

-- The spatial index: each part's lon/lat box under the part's id.
CREATE VIRTUAL TABLE plss_rtree USING rtree (id, min_lon, max_lon, min_lat, max_lat);
