// Messages in Chinese by default, English with --lang en or an English locale; warnings on stderr
// for every output, and the same exit code with and without -o.
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { progressLine } from '../../src/batch/progress.js';
import { displayWidth } from '../../src/export/width.js';
import { languageOf, setLanguage, warningText } from '../../src/i18n/index.js';
import { taizhang, TERMINAL_CONTROL } from '../support/cli.js';
import { realPage } from '../support/pages.js';

const NEWS = realPage('09-nmg-gov-trs-ueditor-news.html');
const NOTICE = 'fixtures/notices/yancheng-2016.txt';
/** A machine without an English locale. */
const CHINESE = { LANG: 'C.UTF-8' };

let scratch: string;
let cutOff: string;
beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'taizhang-i18n-'));
  // A notice cut off in the middle of a sentence.
  cutOff = join(scratch, 'cut.txt');
  await writeFile(cutOff, [...(await readFile(NOTICE, 'utf8'))].slice(0, 1200).join(''));
});
afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

describe('the language', () => {
  it('is Chinese unless the locale is English; LC_ALL before LC_MESSAGES before LANG; TAIZHANG_LANG (set by --lang) first', () => {
    expect(languageOf({})).toBe('zh');
    expect(languageOf({ LANG: 'C.UTF-8' })).toBe('zh');
    expect(languageOf({ LANG: 'zh_CN.UTF-8' })).toBe('zh');
    expect(languageOf({ LANG: 'en_US.UTF-8' })).toBe('en');
    expect(languageOf({ LANG: 'zh_CN.UTF-8', LC_ALL: 'en_GB.UTF-8' })).toBe('en');
    expect(languageOf({ LANG: 'en_US.UTF-8', LC_MESSAGES: 'zh_CN.UTF-8' })).toBe('zh');
    expect(languageOf({ LANG: 'en_US.UTF-8', LC_ALL: '' })).toBe('en');
    expect(languageOf({ LANG: 'en_US.UTF-8', TAIZHANG_LANG: 'zh' })).toBe('zh');
  });

  it('--lang en and an English locale give English; --lang zh wins over an English locale', async () => {
    const chinese = await taizhang(['parse', NEWS, '-o', join(scratch, 'zh.json')], { env: CHINESE });
    expect(chinese.stderr).toBe(`taizhang: ${NEWS}: 未找到编号条目：这可能不是工作任务类通知\n`);
    const flag = await taizhang(['--lang', 'en', 'parse', NEWS, '-o', join(scratch, 'en.json')], { env: CHINESE });
    const locale = await taizhang(['parse', NEWS, '-o', join(scratch, 'en.json')], { env: { LANG: 'en_US.UTF-8' } });
    for (const run of [flag, locale]) {
      expect(run.stderr).toBe(`taizhang: ${NEWS}: no numbered items were found: this may not be a work-plan notice\n`);
    }
    const back = await taizhang(['--lang', 'zh', 'parse', NEWS, '-o', join(scratch, 'zh.json')], { env: { LANG: 'en_US.UTF-8' } });
    expect(back.stderr).toBe(chinese.stderr);
  });

  it('the outline’s warnings, and the messages about units, speak it too', async () => {
    const outline = await taizhang(['parse', cutOff], { env: CHINESE });
    expect(outline.stdout).toMatch(/第\d+行 \[truncated\] 正文在句中结束/);
    const role = await taizhang(['ledger', NOTICE, '--unit', '市财政局', '--role', 'boss'], { env: CHINESE });
    expect(role.stderr).toContain('角色可为 牵头、负责、配合（或 lead、responsible、support）');
  });

  it('the summary of a batch is Chinese', async () => {
    const run = await taizhang(['parse', 'fixtures/notices', '-o', join(scratch, 'out') + '/'], { env: CHINESE });
    expect(run.stderr).toMatch(/^taizhang: 已解析 5 个，失败 0 个$/m);
  });
});

describe('in process', () => {
  afterEach(() => {
    setLanguage('en');
    // setLanguage passes the language on to child processes: the binaries run here choose their own.
    process.env.TAIZHANG_LANG = '';
  });

  it('the progress bar', () => {
    setLanguage('zh');
    expect(progressLine(412, 2, 1000, 4000, 120)).toBe('[██████████░░░░░░░░░░░░░░] 412/1000  41%  失败 2  103/s  剩余 0:06');
    // Fitted to the terminal by columns: a Chinese character takes two.
    expect(displayWidth(progressLine(412, 2, 1000, 4000, 50))).toBeLessThanOrEqual(49);
    setLanguage('en');
    expect(progressLine(412, 2, 1000, 4000, 120)).toBe('[██████████░░░░░░░░░░░░░░] 412/1000  41%  2 failed  103/s  0:06 left');
  });

  it('warnings by code, their details kept; an unknown code or message as it is', () => {
    setLanguage('zh');
    expect(warningText({ code: 'mojibake', message: 'garbled text “锟斤拷”', line: 3 })).toBe('第3行 [mojibake] 乱码“锟斤拷”');
    expect(warningText({ code: 'numbering-gap', message: '二、 is followed by 四、', line: 9 })).toBe('第9行 [numbering-gap] 编号不连续：二、之后是四、');
    expect(warningText({ code: 'truncated', message: 'the text ends mid-sentence: the file may be cut off', line: null })).toBe(
      '[truncated] 正文在句中结束：文件可能不完整',
    );
    expect(warningText({ code: 'something-new', message: 'as it is', line: null })).toBe('[something-new] as it is');
    setLanguage('en');
    expect(warningText({ code: 'mojibake', message: 'garbled text “锟斤拷”', line: 3 })).toBe('line 3 [mojibake] garbled text “锟斤拷”');
  });
});

describe('warnings and exit codes, whatever the output', () => {
  it.each([[[]], [['-o', 'news.csv']], [['--format', 'json']], [['-o', 'news.xlsx']]])(
    'a news page is no notice: exit 2, one line on stderr, nothing written (%j)',
    async (output) => {
      const args = output.map((arg) => (arg.startsWith('news.') ? join(scratch, arg) : arg));
      const run = await taizhang(['parse', NEWS, ...args], { env: CHINESE });
      expect(run).toEqual({ code: 2, stdout: '', stderr: `taizhang: ${NEWS}: 未找到编号条目：这可能不是工作任务类通知\n` });
      for (const arg of args.filter((each) => each.startsWith(scratch))) expect(existsSync(arg), arg).toBe(false);
    },
  );

  it('ledger and units refuse it too', async () => {
    for (const args of [['ledger', NEWS, '--unit', '财政局', '-o', join(scratch, 'news-ledger.csv')], ['units', NEWS, '--format', 'csv']]) {
      expect((await taizhang(args, { env: CHINESE })).code, args[0]).toBe(2);
    }
  });

  it('a cut-off notice’s truncated warning reaches stderr with -o too', async () => {
    const run = await taizhang(['parse', cutOff, '-o', join(scratch, 'cut.csv')], { env: CHINESE });
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/cut\.txt: 警告 第\d+行 \[truncated\] 正文在句中结束/);
  });

  it('ledger and units report the notice’s warnings too', async () => {
    for (const args of [['ledger', cutOff, '--unit', '市财政局', '-o', join(scratch, 'cut-ledger.csv')], ['units', cutOff, '-o', join(scratch, 'cut-units.csv')]]) {
      expect((await taizhang(args, { env: CHINESE })).stderr, args[0]).toContain('[truncated]');
    }
  });
});

describe('colour', () => {
  it('FORCE_COLOR colours a pipe; NO_COLOR wins over it', async () => {
    expect((await taizhang(['parse', NOTICE], { env: { FORCE_COLOR: '1' } })).stdout).toMatch(TERMINAL_CONTROL);
    expect((await taizhang(['parse', NOTICE], { env: { FORCE_COLOR: '1', NO_COLOR: '1' } })).stdout).not.toMatch(TERMINAL_CONTROL);
    expect((await taizhang(['parse', NOTICE], { env: { FORCE_COLOR: '0' } })).stdout).not.toMatch(TERMINAL_CONTROL);
  });
});
