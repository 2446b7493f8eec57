// npm run bench:track — a province's year in the tracking database: 200 plans of 100 tasks,
// 100 units, 12 monthly rounds of progress from every unit. Builds the database (one transaction
// per plan load and per month), then times the real CLI on it: `status`, `due`, and
// the import of one unit's returned sheet (export, fill every row, import). Figures are medians
// of 5 runs; MB = 10^6 bytes.
//
// The year is built in a child process (this script with --build DB), and the commands are timed
// from this one, which holds no more than the timings: spawned from the builder, whose heap then
// held the year's rows and sql.js's memory, the same `status` took 0.15 s longer (1.06 s against
// 0.87 s spawned from a small process, on the same database and the same minute).

import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import ExcelJS from 'exceljs';
import { build } from './build.mjs';
import { formatMB, machine, median } from './report.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const PLANS = 200;
const TASKS = 100;
const UNITS = 100;
const MONTHS = 12;
const RUNS = 5;
const LIMITS = { status: 1, import: 0.5, dbMB: 50 };

// A fixed pseudo-random sequence, so that every run builds the same year. Math.imul keeps the
// product exact: in floating point it loses its low bits and the sequence repeats every ~10,000
// draws, which made every fifth progress text a repeat of an earlier one.
let seed = 20240101;
const random = () => ((seed = (Math.imul(seed, 1103515245) + 12345) & 0x7fffffff) / 2 ** 31);
const pick = (n) => Math.floor(random() * n);
const WORDS = '推进政务公开标准化规范化建设加强政策解读回应社会关切完善平台功能落实主体责任深化重点领域信息公开'.split('');
const phrase = (length) => Array.from({ length }, () => WORDS[pick(WORDS.length)]).join('');
const unitName = (u) => `省第${u + 1}厅`;
const monthEnd = (month) => new Date(Date.UTC(2024, month, 0)).toISOString().slice(0, 10);

function planLedger(p) {
  const tasks = Array.from({ length: TASKS }, (_, t) => {
    const month = 1 + pick(MONTHS);
    const lead = pick(UNITS);
    return {
      id: `${Math.floor(t / 20) + 1}.${(t % 20) + 1}`,
      seq: t + 1,
      path: [`第${Math.floor(t / 20) + 1}部分`],
      title: null,
      text: `第${p + 1}号方案第${t + 1}项：${phrase(60)}。`,
      units: [{ name: unitName(lead), role: 'lead' }, { name: unitName((lead + 1 + pick(UNITS - 1)) % UNITS), role: 'support' }],
      deadlines: [{ text: `2024年${month}月底前`, date: monthEnd(month) }],
      line: null,
    };
  });
  const meta = { title: `2024年全省第${p + 1}号工作方案`, noticeTitle: null, issuer: null, docNumber: null, date: null, year: 2024, region: null, recipients: [] };
  return { schema: 'taizhang/1', source: { name: `plan-${p + 1}.json`, format: 'text', encoding: 'utf-8', script: 'simplified' }, meta, sections: [], tasks, warnings: [] };
}

function seconds(start) {
  return Number(process.hrtime.bigint() - start) / 1e9;
}

function cli(args, cwd) {
  const start = process.hrtime.bigint();
  const result = spawnSync(process.execPath, [join(ROOT, 'bin', 'taizhang.js'), ...args], { cwd, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`taizhang ${args.join(' ')}: ${result.stderr}`);
  return { seconds: seconds(start), stdout: result.stdout };
}

/** The year's database, written to `db` by the modules tsc built. */
async function buildYear(db) {
  const load = (module) => import(pathToFileURL(join(ROOT, 'dist', module)).href);
  const { updateStore } = await load('track/store.js');
  const { addPlan } = await load('track/add.js');
  const { loadPlans } = await load('track/plans.js');
  const { recordProgress } = await load('track/import.js');
  const { loadAliases } = await load('unit-names/aliases.js');
  const table = loadAliases();
  let start = process.hrtime.bigint();
  await updateStore(db, (database) => {
    for (let p = 0; p < PLANS; p++) addPlan(database, planLedger(p), table, '2024-01-01');
  });
  console.log(`add ${PLANS} plans × ${TASKS} tasks: ${seconds(start).toFixed(1)} s, ${formatMB(statSync(db).size)} MB`);

  // Each month every unit reports on each of its tasks not done yet; a task is done in a month of its own.
  const doneIn = new Map();
  let entries = 0;
  start = process.hrtime.bigint();
  for (let month = 1; month <= MONTHS; month++) {
    await updateStore(db, (database) => {
      const rows = [];
      for (const plan of loadPlans(database)) {
        for (const task of plan.ledger.tasks) {
          if (!doneIn.has(task.rowId)) doneIn.set(task.rowId, 1 + pick(MONTHS + 3));
          const done = doneIn.get(task.rowId) <= month;
          for (const unit of new Set(task.canonical)) {
            rows.push({
              taskRowId: task.rowId, unit, status: done ? '已完成' : '推进中', text: done ? '已按期完成' : `${month}月：${phrase(24)}`,
              person: '张三', evidence: done ? '附件1' : '', note: '', source: '', line: 0, number: task.id,
            });
          }
        }
      }
      entries += recordProgress(database, `month-${month}.xlsx`, rows, monthEnd(month)).recorded;
    });
  }
  console.log(`${MONTHS} monthly rounds from ${UNITS} units: ${seconds(start).toFixed(1)} s, ${entries} progress entries, database ${formatMB(statSync(db).size)} MB`);
}

if (process.argv[2] === '--build') {
  await buildYear(process.argv[3]);
  process.exit(0);
}

build(ROOT);
const work = mkdtempSync(join(tmpdir(), 'taizhang-bench-track-'));
const db = join(work, 'taizhang.db');
try {
  console.log(machine());
  const builder = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--build', db], { stdio: 'inherit' });
  if (builder.status !== 0) throw new Error(`building the year's database failed (exit ${builder.status})`);
  const dbBytes = statSync(db).size;

  const statusTimes = [];
  const dueTimes = [];
  for (let run = 0; run < RUNS; run++) {
    statusTimes.push(cli(['status', '--db', db, '--as-of', '2024-12-31', '-o', join(work, 'status.json')], work).seconds);
    dueTimes.push(cli(['due', '--db', db, '--as-of', '2024-12-31', '-o', join(work, 'due.json')], work).seconds);
  }
  const htmlTime = cli(['status', '--db', db, '--as-of', '2024-12-31', '-o', join(work, 'status.html')], work).seconds;

  // One unit's returned sheet: every row filled anew, imported as of the month after.
  const unit = unitName(0);
  cli(['track', 'export', '--db', db, '--unit', unit, '-o', join(work, 'sheet.xlsx')], work);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(join(work, 'sheet.xlsx'));
  let rows = 0;
  for (const sheet of workbook.worksheets) {
    const header = sheet.getRow(2).values;
    sheet.eachRow((row, number) => {
      if (number <= 2) return;
      row.getCell(header.indexOf('完成情况')).value = '推进中';
      row.getCell(header.indexOf('进展情况')).value = `2025年1月：${phrase(30)}`;
      rows++;
    });
  }
  await workbook.xlsx.writeFile(join(work, 'sheet.xlsx'));
  const importTimes = [];
  for (let run = 0; run < RUNS; run++) {
    copyFileSync(db, join(work, 'copy.db'));
    const imported = cli(['track', 'import', '--db', join(work, 'copy.db'), 'sheet.xlsx', '--as-of', '2025-01-31'], work);
    if (!imported.stdout.includes(`${rows} recorded`)) throw new Error(`the sheet's rows were not all recorded: ${imported.stdout}`);
    importTimes.push(imported.seconds);
  }
  const startup = median(Array.from({ length: RUNS }, () => cli(['--version'], work).seconds));

  const status = median(statusTimes);
  const oneImport = median(importTimes);
  console.log(`taizhang --version (Node start-up): ${startup.toFixed(2)} s`);
  console.log(`status (json, ${PLANS * TASKS} tasks, ${UNITS} units): ${status.toFixed(2)} s (limit ${LIMITS.status} s) ${status <= LIMITS.status ? 'ok' : 'OVER'}`);
  console.log(`status (html): ${htmlTime.toFixed(2)} s; due (json): ${median(dueTimes).toFixed(2)} s`);
  console.log(`import of one sheet (${unit}, ${rows} rows): ${oneImport.toFixed(2)} s (limit ${LIMITS.import} s) ${oneImport <= LIMITS.import ? 'ok' : 'OVER'}`);
  console.log(`database: ${formatMB(dbBytes)} MB (limit ${LIMITS.dbMB} MB) ${dbBytes / 1e6 <= LIMITS.dbMB ? 'ok' : 'OVER'}`);
  // TRACK_BENCH_KEEP=FILE keeps the year's database, to profile commands on it.
  if (process.env.TRACK_BENCH_KEEP) copyFileSync(db, process.env.TRACK_BENCH_KEEP);
} finally {
  rmSync(work, { recursive: true, force: true });
}
