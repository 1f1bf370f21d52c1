/**
 * `npm run server`'s options as a person types them: a value out of range stops with exit 2 and one line naming
 * the option and what it accepts (before anything is opened or listened on), and --help lists every option.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(__dirname, '..', '..');

function server(...args: string[]) {
  const run = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'server', 'main.ts'), ...args], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
  return { status: run.status, stderr: run.stderr.trim() };
}

describe('npm run server options', () => {
  it.each([
    [['--claim-expiry-days', '0'], '--claim-expiry-days must be a whole number of business days from 1 to 60 (got 0)'],
    [['--claim-expiry-days', '2.5'], '--claim-expiry-days must be a whole number of business days from 1 to 60 (got 2.5)'],
    [['--crew-interest-hours=-1'], '--crew-interest-hours must be more than 0 and at most 8760 (got -1)'],
    [['--profile', 'geodb'], '--profile must be reference or seed000 (got geodb)'],
  ])('%j stops with exit 2 and says what the option accepts', (args, message) => {
    expect(server(...args)).toEqual({ status: 2, stderr: message });
  });

  it('an unknown option or a missing value stops with exit 2, the reason and the usage', () => {
    for (const [args, reason] of [
      [['--colour', 'red'], "Unknown option '--colour'"],
      [['--crew-interest-hours', '-1'], "Option '--crew-interest-hours' argument is ambiguous"],
    ] as const) {
      const { status, stderr } = server(...args);
      expect(status).toBe(2);
      expect(stderr).toContain(reason);
      expect(stderr).toContain('Usage: npm run server --');
    }
  });

  it('--help lists the options', () => {
    const { status, stderr } = server('--help');
    expect(status).toBe(2);
    for (const option of ['--port', '--db', '--reset', '--seed', '--profile', '--crew-interest-hours', '--claim-expiry-days', '--test-hooks', '--log']) expect(stderr).toContain(option);
  });
});
