// psg lsp driven by a real LSP client (vscode-languageserver-protocol) over stdio.
import { afterAll, afterEach, describe, expect, it } from '@jest/globals';
import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  type CodeAction,
  CodeActionRequest,
  CompletionRequest,
  createProtocolConnection,
  type CompletionItem,
  type Diagnostic,
  DidChangeTextDocumentNotification,
  DidOpenTextDocumentNotification,
  ExitNotification,
  HoverRequest,
  InitializedNotification,
  InitializeRequest,
  type ProtocolConnection,
  PublishDiagnosticsNotification,
  type PublishDiagnosticsParams,
  ShowMessageNotification,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  type TextEdit,
} from 'vscode-languageserver-protocol/node.js';
import { readFileSync } from 'node:fs';
import { BROKEN, FIXTURE_TODAY } from '../helpers/fixtures.js';
import { BIN, psg, psgEnv } from '../helpers/run.js';
import { cleanup, testdir } from '../helpers/testdir.js';

afterAll(cleanup);

interface Client {
  connection: ProtocolConnection;
  child: ChildProcess;
  /** The next diagnostics published for `uri` that pass `test`. */
  diagnostics(uri: string, test?: (d: Diagnostic[]) => boolean): Promise<Diagnostic[]>;
  /** window/showMessage texts, as they came. */
  messages: string[];
}

let client: Client | undefined;

async function start(root: string): Promise<Client> {
  const child = spawn(process.execPath, [BIN, 'lsp', '--stdio'], { cwd: root, env: psgEnv({ env: { PSG_TODAY: FIXTURE_TODAY } }), stdio: ['pipe', 'pipe', 'inherit'] });
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  const seen: PublishDiagnosticsParams[] = [];
  const waiting: (() => void)[] = [];
  const messages: string[] = [];
  connection.onNotification(ShowMessageNotification.type, (m) => void messages.push(m.message));
  connection.onNotification(PublishDiagnosticsNotification.type, (p) => {
    seen.push(p);
    for (const w of waiting.splice(0)) w();
  });
  connection.listen();
  const init = await connection.sendRequest(InitializeRequest.type, {
    processId: process.pid,
    rootUri: pathToFileURL(root).href,
    capabilities: {},
    workspaceFolders: [{ uri: pathToFileURL(root).href, name: 'archive' }],
  });
  expect(init.capabilities.completionProvider).toBeDefined();
  await connection.sendNotification(InitializedNotification.type, {});
  const diagnostics = (uri: string, test: (d: Diagnostic[]) => boolean = () => true) =>
    new Promise<Diagnostic[]>((resolve) => {
      const look = () => {
        const i = seen.findIndex((p) => p.uri === uri && test(p.diagnostics));
        if (i === -1) return void waiting.push(look);
        const [found] = seen.splice(0, i + 1).slice(-1);
        resolve(found!.diagnostics);
      };
      look();
    });
  client = { connection, child, diagnostics, messages };
  return client;
}

afterEach(async () => {
  if (!client) return;
  const { connection, child } = client;
  client = undefined;
  const exited = new Promise((resolve) => child.on('exit', resolve));
  await connection.sendRequest(ShutdownRequest.type);
  await connection.sendNotification(ExitNotification.type);
  await exited;
  connection.dispose();
});

const TEXT = '---\ntitle: Espinar\ntype: news\ndate: 2019-03-18\nsummary: Mines and water.\nregions: [Cuzko]\n---\n\nBody.\n';

/** Apply LSP text edits to a text (edits do not overlap). */
function applyEdits(text: string, edits: TextEdit[]): string {
  const lines = text.split('\n');
  const offset = (p: { line: number; character: number }) => lines.slice(0, p.line).reduce((n, l) => n + l.length + 1, 0) + p.character;
  return [...edits].sort((a, b) => offset(b.range.start) - offset(a.range.start)).reduce((t, e) => t.slice(0, offset(e.range.start)) + e.newText + t.slice(offset(e.range.end)), text);
}

describe('psg lsp', () => {
  it('publishes diagnostics as the document is typed, at the line and column of psg validate', async () => {
    const root = testdir({ 'articles/.keep': '' });
    const { connection, diagnostics } = await start(root);
    const uri = pathToFileURL(join(root, 'articles/2019-03-18-espinar.md')).href;
    await connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'markdown', version: 1, text: TEXT } });
    const first = await diagnostics(uri);
    expect(first).toHaveLength(1);
    expect(first[0]).toMatchObject({
      code: 'region-unknown',
      severity: 1,
      source: 'psg',
      message: 'Unknown region "Cuzko"; did you mean "Cusco"?',
      // regions: [Cuzko] is line 6, column 11 in psg validate's counting (1-based).
      range: { start: { line: 5, character: 10 }, end: { line: 5, character: 15 } },
    });

    await connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version: 2 },
      contentChanges: [{ range: { start: { line: 5, character: 10 }, end: { line: 5, character: 15 } }, text: 'Cusco' }],
    });
    expect(await diagnostics(uri)).toEqual([]);
  });

  it('finds in every broken fixture what psg validate finds there, at the same places', async () => {
    const { connection, diagnostics } = await start(BROKEN);
    const report = JSON.parse(psg(['validate', '--format', 'json'], { cwd: BROKEN, env: { PSG_TODAY: FIXTURE_TODAY } }).stdout);
    let compared = 0;
    for (const file of report.files as { path: string; problems: { line: number; column: number; rule: string }[] }[]) {
      const bytes = readFileSync(join(BROKEN, file.path));
      if (bytes.includes(0) || !Buffer.from(bytes.toString('utf8'), 'utf8').equals(bytes)) continue; // not text an editor holds
      const uri = pathToFileURL(join(BROKEN, file.path)).href;
      await connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'markdown', version: 1, text: bytes.toString('utf8').replace(/^\uFEFF/, '') } });
      const found = (await diagnostics(uri)).map((d) => `${d.range.start.line + 1}:${d.range.start.character + 1} ${d.code}`);
      const expected = file.problems.map((p) => `${p.line}:${p.column} ${p.rule}`);
      expect({ file: file.path, found }).toEqual({ file: file.path, found: expected });
      compared++;
    }
    expect(compared).toBeGreaterThan(25);
    // Slugs and series across the archive too.
    expect(report.files.flatMap((f: { problems: { rule: string }[] }) => f.problems.map((p) => p.rule))).toEqual(expect.arrayContaining(['slug-duplicate', 'series-duplicate']));
  });

  it('checks the slug against the other articles of the archive', async () => {
    const root = testdir({ 'articles/2019/2019-03-01-espinar.md': TEXT.replace('Cuzko', 'Cusco') });
    const { connection, diagnostics } = await start(root);
    const uri = pathToFileURL(join(root, 'articles/2019/2019-03-18-espinar.md')).href;
    await connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'markdown', version: 1, text: TEXT.replace('Cuzko', 'Cusco') } });
    const found = await diagnostics(uri);
    expect(found.map((d) => [d.code, d.message, d.range.start])).toEqual([
      ['slug-duplicate', 'The slug "espinar" is also used by 2019/2019-03-01-espinar.md; rename one of the files', { line: 0, character: 0 }],
    ]);
  });

  it('completes regions (aliases and accents understood), field names, types and tags', async () => {
    const root = testdir({ 'articles/.keep': '' });
    const { connection } = await start(root);
    const uri = pathToFileURL(join(root, 'articles/x.md')).href;
    const text = '---\ntitle: T\ntype: \nregions: [Caj\ntags: [hum\nplaces: [Espi\n---\n';
    await connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'markdown', version: 1, text } });
    const ask = async (line: number, character: number) =>
      (await connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position: { line, character } })) as CompletionItem[];

    const regions = await ask(3, 13);
    expect(regions.map((c) => c.label)).toEqual(['Cajamarca']);
    expect(regions[0]!.textEdit).toEqual({ range: { start: { line: 3, character: 10 }, end: { line: 3, character: 13 } }, newText: 'Cajamarca' });

    await connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version: 2 },
      contentChanges: [{ range: { start: { line: 3, character: 10 }, end: { line: 3, character: 13 } }, text: 'Cuzc' }],
    });
    expect((await ask(3, 14)).map((c) => [c.label, c.filterText])).toEqual([['Cusco', 'Cuzco']]);
    await connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version: 3 },
      contentChanges: [{ range: { start: { line: 3, character: 10 }, end: { line: 3, character: 14 } }, text: 'junin' }],
    });
    expect((await ask(3, 15)).map((c) => c.label)).toEqual(['Junín']);

    expect((await ask(2, 6)).map((c) => c.label)).toEqual(['news', 'letter', 'page']);
    expect((await ask(4, 10)).map((c) => c.label)).toEqual(['human-rights', 'human-rights-defenders', 'human-trafficking']);
    expect((await ask(5, 13)).map((c) => [c.label, c.detail])).toEqual([['Espinar', 'province of Cusco']]);
    await connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version: 4 },
      contentChanges: [{ range: { start: { line: 6, character: 0 }, end: { line: 6, character: 0 } }, text: 'su\n' }],
    });
    const fields = await ask(6, 2);
    expect(fields.map((c) => c.label)).toContain('summary');
    expect(fields.map((c) => c.label)).not.toContain('title');
    expect(fields.find((c) => c.label === 'summary')!.textEdit).toMatchObject({ newText: 'summary: ' });
  });

  it('offers quick fixes for a --fix fix and a did-you-mean, which apply cleanly', async () => {
    const root = testdir({ 'articles/.keep': '' });
    const { connection, diagnostics } = await start(root);
    const uri = pathToFileURL(join(root, 'articles/2019-03-18-espinar.md')).href;
    let text = '---\ntitle: Espinar\ntype: news\ndate: 2019-03-18\nsummary: Mines and water.\nregions: [cuzco, Junin] # two\ntags: [minning]\n---\n\nBody.\n';
    await connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'markdown', version: 1, text } });
    const found = await diagnostics(uri);
    expect(found.map((d) => d.code)).toEqual(['region-noncanonical', 'region-noncanonical', 'tag-unknown']);

    const actions = (await connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri },
      range: found[0]!.range,
      context: { diagnostics: [found[0]!] },
    })) as CodeAction[];
    const preferred = actions.find((a) => a.isPreferred)!;
    expect(preferred.title).toBe('Write the region "cuzco" as "Cusco"');
    text = applyEdits(text, preferred.edit!.changes![uri]!);
    expect(text).toContain('regions: [Cusco, Junín] # two\n');
    expect(text).toContain('\n---\n\nBody.\n');

    await connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version: 2 }, contentChanges: [{ text }] });
    const left = await diagnostics(uri, (d) => d.length === 1);
    expect(left[0]!.code).toBe('tag-unknown');
    const tagActions = (await connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: left[0]!.range, context: { diagnostics: [left[0]!] } })) as CodeAction[];
    expect(tagActions.map((a) => a.title)).toContain('Change to "mining"');
    text = applyEdits(text, tagActions.find((a) => a.title === 'Change to "mining"')!.edit!.changes![uri]!);
    expect(text).toContain('tags: [mining]\n');
    await connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version: 3 }, contentChanges: [{ text }] });
    expect(await diagnostics(uri)).toEqual([]);
  });

  it('says what is wrong with a broken psg.config.json, and checks with the built-in data', async () => {
    const root = testdir({ 'psg.config.json': '{ "tags": 3 }\n', 'articles/.keep': '' });
    const { connection, diagnostics, messages } = await start(root);
    const uri = pathToFileURL(join(root, 'articles/2019-03-18-espinar.md')).href;
    await connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'markdown', version: 1, text: TEXT } });
    expect((await diagnostics(uri)).map((d) => d.code)).toEqual(['region-unknown']);
    expect(messages).toEqual([`psg: ${join(root, 'psg.config.json')}: "tags" must be a list of tags, or { "extend": [tags] }`]);
  });

  it('shows a region’s provinces on hover', async () => {
    const root = testdir({ 'articles/.keep': '' });
    const { connection } = await start(root);
    const uri = pathToFileURL(join(root, 'articles/x.md')).href;
    await connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'markdown', version: 1, text: TEXT.replace('Cuzko', 'Cajamarca') } });
    const hover = (await connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 5, character: 13 } }))!;
    const value = (hover.contents as { value: string }).value;
    expect(value).toMatch(/^\*\*Cajamarca\*\* — region 06 \(PE-CAJ\), capital Cajamarca/);
    expect(value).toContain('13 provinces: Cajamarca, Cajabamba, Celendín, Chota,');
    expect(value).toContain('Hualgayoc');
  });
});
