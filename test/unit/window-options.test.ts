import { describe, expect, it } from 'vitest';
import { createWindowOptions } from '../../electron/main/window/window-options';

describe('createWindowOptions', () => {
  const prefs = createWindowOptions({ preloadPath: '/app/out/preload/index.js' }).webPreferences ?? {};

  it.each([
    ['contextIsolation', true],
    ['sandbox', true],
    ['nodeIntegration', false],
    ['nodeIntegrationInWorker', false],
    ['nodeIntegrationInSubFrames', false],
    ['webSecurity', true],
    ['allowRunningInsecureContent', false],
    ['webviewTag', false],
    ['spellcheck', false],
    ['experimentalFeatures', false],
  ] as const)('sets %s to %s explicitly', (flag, value) => {
    expect(prefs).toHaveProperty(flag, value);
  });

  it('uses the given preload', () => {
    expect(prefs.preload).toBe('/app/out/preload/index.js');
  });

  it('enables no extra Blink features and no additional arguments', () => {
    expect(prefs.enableBlinkFeatures).toBeUndefined();
    expect(prefs.additionalArguments).toBeUndefined();
  });
});
