import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { diffLedgers } from '../../src/diff/diff.js';
import { renderDiff } from '../../src/diff/index.js';
import { diffFixture, ledgerOfFile } from './helpers.js';
import { temporaryFolder } from '../support/folder.js';

// The HTML report opened in a real browser: Debian's chromium, which .ci/run installs on CI.
const CHROMIUM = '/usr/bin/chromium';
const available = existsSync(CHROMIUM);
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const WIDTH = 1280;
const HEIGHT = 2000;
const TIMEOUT_MS = 90_000;

if (!available && !process.env.CI) {
  console.warn(`diff-chromium: skipped, ${CHROMIUM} is not installed (apt-get install chromium); CI installs it and runs this test`);
}

interface Shot {
  png: Buffer;
  /** Chromium's log: console messages of the page show up as `:CONSOLE:` lines. */
  log: string;
}

const scratch = temporaryFolder('taizhang-diff-chromium-');

/** Opens the page headless, renders it to a screenshot and returns the image and the log. */
async function screenshot(page: string): Promise<Shot> {
  const png = join(scratch.path, `${Math.random().toString(36).slice(2)}.png`);
  const args = [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    `--user-data-dir=${join(scratch.path, 'profile')}`,
    `--screenshot=${png}`,
    `--window-size=${WIDTH},${HEIGHT}`,
    '--enable-logging=stderr',
    '--v=0',
    `file://${page}`,
  ];
  // Its own process group, so that a hung browser goes with all its helper processes.
  const browser = spawn(CHROMIUM, args, { detached: true, stdio: ['ignore', 'ignore', 'pipe'] });
  let log = '';
  browser.stderr.setEncoding('utf8').on('data', (chunk: string) => (log += chunk));
  const timer = setTimeout(() => process.kill(-browser.pid!, 'SIGKILL'), TIMEOUT_MS);
  const code = await new Promise<number | null>((resolve, reject) => {
    browser.on('error', reject);
    browser.on('close', resolve);
  }).finally(() => clearTimeout(timer));
  expect(code, log).toBe(0);
  return { png: await readFile(png), log };
}

function consoleMessages(log: string): string[] {
  return log.split('\n').filter((line) => /:CONSOLE[:(]|Uncaught/.test(line));
}


describe.skipIf(!available && !process.env.CI)('the HTML report in headless Chromium', () => {
  it('is installed (CI installs it in .ci/run)', () => {
    expect(existsSync(CHROMIUM)).toBe(true);
  });

  it('renders to a screenshot without errors', { timeout: TIMEOUT_MS + 10_000 }, async () => {
    const report = diffLedgers(
      await ledgerOfFile(diffFixture('15-fujian-2017-zwgk-task-breakdown-table-rowspan-thead.html')),
      await ledgerOfFile(diffFixture('13-fujian-2018-zwgk-task-breakdown-table-colspan-pasted-fjgov.html')),
    );
    const page = join(scratch.path, 'report.html');
    await writeFile(page, renderDiff(report, 'html'));

    const { png, log } = await screenshot(page);
    expect(png.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
    // IHDR: width and height, big-endian, right after the signature and the chunk header.
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([WIDTH, HEIGHT]);
    // A blank page compresses to a few kilobytes; a page of tables and text does not.
    expect(png.length).toBeGreaterThan(30_000);
    expect(consoleMessages(log)).toEqual([]);
  });

  it('would catch a page with errors (the check above can fail)', { timeout: TIMEOUT_MS + 10_000 }, async () => {
    const page = join(scratch.path, 'broken.html');
    await writeFile(page, '<!DOCTYPE html><p>x</p><script>throw new Error("broken page")</script>');
    const { log } = await screenshot(page);
    expect(consoleMessages(log).join('\n')).toContain('Uncaught Error: broken page');
  });
});
