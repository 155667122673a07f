#!/usr/bin/env node
// Reads a test runner's JSON output and prints its failures (short) and, as the last line,
// "COUNTS <passed> <failed>". Used by build/scripts/test.sh.
//
//   node build/scripts/report.mjs go         go-test.json      (`go test -json` output)
//   node build/scripts/report.mjs vitest     vitest.json       (vitest --reporter=json)
//   node build/scripts/report.mjs playwright playwright.json   (playwright --reporter=json)
//
// A run that produced no usable JSON counts as one failure.
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';

const [kind, file] = process.argv.slice(2);
const MAX_LINES = 40;
const ansi = /\x1b\[[0-9;]*[A-Za-z]/g;

function show(title, text) {
  console.log(`    FAIL ${title}`);
  const lines = String(text ?? '').replace(ansi, '').split('\n').filter((l) => l.trim() !== '' && !/node_modules\/|at new Promise/.test(l));
  for (const l of lines.slice(0, MAX_LINES)) console.log(`      ${l}`);
  if (lines.length > MAX_LINES) console.log(`      … ${lines.length - MAX_LINES} more lines in ${file}`);
}

function counts(passed, failed) {
  console.log(`COUNTS ${passed} ${failed}`);
}

function read() {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    console.log(`    FAIL no report at ${file}`);
    counts(0, 1);
    process.exit(0);
  }
}

function goTest(text) {
  // Leaf tests are counted (a parent with subtests is counted through its subtests,
  // unless it failed on its own). A package that fails outside any test counts once.
  const tests = new Map(); // "pkg\x00Test" -> {action, output[]}
  const pkgs = new Map(); // pkg -> {action, output[], failedBuild}
  let buildOut = []; // build output since the last build-fail
  let lastBuildErr = '';
  for (const line of text.split('\n')) {
    if (!line.startsWith('{')) continue;
    let ev;
    try {
      ev = JSON.parse(line);
    } catch {
      continue;
    }
    if (ev.Action === 'build-output') {
      buildOut.push(ev.Output ?? '');
      continue;
    }
    if (ev.Action === 'build-fail') {
      lastBuildErr = buildOut.join('');
      buildOut = [];
      continue;
    }
    if (!ev.Package) continue;
    if (ev.Test) {
      const key = `${ev.Package}\x00${ev.Test}`;
      const t = tests.get(key) ?? { output: [] };
      if (ev.Action === 'output') t.output.push(ev.Output);
      else if (['pass', 'fail', 'skip'].includes(ev.Action)) t.action = ev.Action;
      tests.set(key, t);
    } else {
      const p = pkgs.get(ev.Package) ?? { output: [] };
      if (ev.Action === 'output') p.output.push(ev.Output);
      else if (['pass', 'fail', 'skip'].includes(ev.Action)) p.action = ev.Action;
      if (ev.FailedBuild) p.buildErr = lastBuildErr;
      pkgs.set(ev.Package, p);
    }
  }
  const keys = [...tests.keys()];
  const hasChildren = new Set();
  for (const k of keys) {
    const [pkg, name] = k.split('\x00');
    const i = name.lastIndexOf('/');
    if (i > 0) {
      // mark every ancestor
      let n = name;
      while (n.lastIndexOf('/') > 0) {
        n = n.slice(0, n.lastIndexOf('/'));
        hasChildren.add(`${pkg}\x00${n}`);
      }
    }
  }
  let passed = 0;
  let failed = 0;
  const failedPkgs = new Set();
  for (const [k, t] of tests) {
    const [pkg, name] = k.split('\x00');
    const leaf = !hasChildren.has(k);
    if (t.action === 'pass' && leaf) passed++;
    if (t.action === 'fail') {
      const childFailed = !leaf && keys.some((o) => o.startsWith(`${k}/`) && tests.get(o).action === 'fail');
      if (!childFailed) {
        failed++;
        failedPkgs.add(pkg);
        show(`${pkg} ${name}`, t.output.join(''));
      }
    }
    if (t.action === undefined && leaf) {
      // started but never finished: the test binary died (panic, timeout, os.Exit)
      failed++;
      failedPkgs.add(pkg);
      show(`${pkg} ${name} (did not finish)`, t.output.join(''));
    }
  }
  const shown = new Set();
  for (const [pkg, p] of pkgs) {
    if (p.action === 'fail' && !failedPkgs.has(pkg)) {
      failed++;
      // one build error often breaks several packages: show it once
      const out = p.buildErr !== undefined ? p.buildErr.split('\n').filter((l) => !l.startsWith('# ')).join('\n') : p.output.join('');
      show(`${pkg} (package ${p.buildErr !== undefined ? 'build' : 'run'} failed)`, shown.has(out) ? '(same error as above)' : out);
      shown.add(out);
    }
  }
  counts(passed, failed);
}

function vitest(text) {
  let r;
  try {
    r = JSON.parse(text);
  } catch {
    console.log(`    FAIL unreadable vitest report ${file}`);
    return counts(0, 1);
  }
  let failed = r.numFailedTests ?? 0;
  for (const suite of r.testResults ?? []) {
    const asserts = suite.assertionResults ?? [];
    for (const a of asserts) {
      if (a.status === 'failed') show(`${relative(process.cwd(), suite.name ?? '')} › ${a.fullName ?? a.title}`, (a.failureMessages ?? []).join('\n'));
    }
    if (suite.status === 'failed' && !asserts.some((a) => a.status === 'failed')) {
      failed++;
      show(`${relative(process.cwd(), suite.name ?? '')} (suite failed to run)`, suite.message);
    }
  }
  counts(r.numPassedTests ?? 0, failed);
}

function playwright(text) {
  let r;
  try {
    r = JSON.parse(text);
  } catch {
    console.log(`    FAIL unreadable playwright report ${file}`);
    return counts(0, 1);
  }
  const s = r.stats ?? {};
  let failed = s.unexpected ?? 0;
  const walk = (suite, path) => {
    for (const spec of suite.specs ?? []) {
      for (const t of spec.tests ?? []) {
        if (t.status !== 'unexpected') continue;
        const last = (t.results ?? []).at(-1) ?? {};
        const err = (last.errors ?? [last.error]).filter(Boolean).map((e) => e.message ?? e.value ?? '').join('\n');
        show([...path, spec.title].filter(Boolean).join(' › '), err);
      }
    }
    for (const child of suite.suites ?? []) walk(child, [...path, child.title]);
  };
  for (const suite of r.suites ?? []) walk(suite, [suite.title]);
  if ((r.errors ?? []).length > 0) {
    for (const e of r.errors) show('(run error)', e.message ?? e.value ?? '');
    if (failed === 0) failed = 1;
  }
  counts((s.expected ?? 0) + (s.flaky ?? 0), failed);
}

const text = read();
if (kind === 'go') goTest(text);
else if (kind === 'vitest') vitest(text);
else if (kind === 'playwright') playwright(text);
else {
  console.error(`report.mjs: unknown kind ${kind}`);
  process.exit(2);
}
