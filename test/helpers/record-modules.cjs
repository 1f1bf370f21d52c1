/**
 * Preloaded (`node -r`) into a CLI process by cli-lazy-modules.test.ts: when the process exits, writes every module
 * file it loaded (require.cache) to the file named by CLAIMDESK_RECORD_MODULES, one path a line.
 */
'use strict';
/* eslint-disable @typescript-eslint/no-require-imports -- a CommonJS preload: require is how it reaches fs */
const { writeFileSync } = require('node:fs');

const target = process.env.CLAIMDESK_RECORD_MODULES;
if (target) process.on('exit', () => writeFileSync(target, Object.keys(require.cache).join('\n')));
