// The language server: the editor's side of psg. Diagnostics come from the same decoding and
// rules as psg validate (so the same problems at the same places), as the document is typed;
// completion, quick fixes and hover come from core/editor/. This file is only the glue to the
// protocol: it is imported by `psg lsp` alone, and the protocol owns stdin and stdout.
import { basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  type CodeAction,
  CodeActionKind,
  CompletionItemKind,
  createConnection,
  type Diagnostic,
  DiagnosticSeverity,
  MarkupKind,
  MessageType,
  type Range,
  ShowMessageNotification,
  TextDocuments,
  TextDocumentSyncKind,
} from 'vscode-languageserver/node.js';
import { type ArticleFile, decodeArticle } from '../core/article-file.js';
import { checkArticleFile } from '../core/check.js';
import { locateProblems } from '../core/locate.js';
import { type ArchiveFacts, checkArchive } from '../core/rules/index.js';
import { completions } from '../core/editor/completion.js';
import { regionHover } from '../core/editor/hover.js';
import { frontMatterLines, placeAt, wordAt } from '../core/editor/place.js';
import { quickFixes } from '../core/editor/quick-fixes.js';
import type { Problem } from '../core/problem.js';
import { relativeInside } from '../store/paths.js';
import { isArticleName, skipName } from '../store/scan.js';
import type { Workspace } from '../workspace.js';

interface Checked {
  file: ArticleFile;
  problems: Problem[];
  diagnostics: Diagnostic[];
}

export interface ServerOptions {
  input: NodeJS.ReadableStream;
  output: NodeJS.WritableStream;
  /** The workspace for the folder the editor opened (its config, vocabulary, articles folder). */
  open: (root: string | undefined) => { ws: Workspace; warning?: string };
  /** The slugs and series of the archive's articles on disk, for the checks across files. */
  archive: (ws: Workspace) => ArchiveFacts[];
}

const pathOf = (uri: string) => (uri.startsWith('file:') ? fileURLToPath(uri) : undefined);

export function startServer(options: ServerOptions): Promise<void> {
  const connection = createConnection(options.input, options.output);
  const documents = new TextDocuments(TextDocument);
  const checked = new Map<string, Checked>();
  let ws: Workspace;
  // The other articles, read once, then kept up to date from the documents as they are saved.
  let archive: Map<string, ArchiveFacts> | undefined;
  const factsOf = (file: ArticleFile): ArchiveFacts | undefined => {
    const a = file.article;
    return a && { path: a.path, slug: a.slug, series: a.series, part: a.part };
  };

  connection.onInitialize((params) => {
    const folder = params.workspaceFolders?.[0]?.uri ?? params.rootUri ?? undefined;
    const opened = options.open(folder ? pathOf(folder) : undefined);
    ws = opened.ws;
    // A notification, not a request: there is nothing for the user to choose.
    if (opened.warning) void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message: opened.warning });
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
        completionProvider: { triggerCharacters: ['[', ',', ' '] },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
        hoverProvider: true,
      },
      serverInfo: { name: 'psg' },
    };
  });

  /** The path the rules see: relative to the articles folder where the file is inside it. */
  function articlePath(doc: TextDocument): string | undefined {
    const abs = pathOf(doc.uri);
    const rel = abs ? relativeInside(ws.articlesDir, abs) : undefined;
    if (rel !== undefined && isArticleName(rel) && !rel.split('/').some(skipName)) return rel;
    // Outside the articles folder only a file with front matter is an article (not a README).
    return doc.getText().replace(/^\uFEFF/, '').startsWith('---') ? basename(abs ?? doc.uri) : undefined;
  }

  function rangeOf(doc: TextDocument, p: Problem): Range {
    const line = (p.line ?? 1) - 1;
    const character = (p.column ?? 1) - 1;
    const word = wordAt(doc.getText(), line, character);
    const start = { line, character };
    return { start, end: word && word.start <= character + 1 && word.end > character ? { line, character: word.end } : { line, character: character + 1 } };
  }

  const inArchive = (doc: TextDocument) => {
    const abs = pathOf(doc.uri);
    return abs !== undefined && relativeInside(ws.articlesDir, abs) !== undefined;
  };

  /** Slug and series problems of this file among the other articles, as validate finds them. */
  function archiveProblems(file: ArticleFile): Problem[] {
    archive ??= new Map(options.archive(ws).map((f) => [f.path, f]));
    const own = factsOf(file);
    const facts = [...archive.values()].filter((f) => f.path !== file.path);
    if (own) facts.push(own);
    // In path order, as validate sees them: of two files with one slug the later is reported.
    facts.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    const problems = checkArchive(facts, ws.ctx).get(file.path) ?? [];
    locateProblems(problems, file.frontMatter?.yaml, file.frontMatter?.yamlLine ?? 1);
    return problems;
  }

  function check(doc: TextDocument): void {
    const path = articlePath(doc);
    if (path === undefined) {
      checked.delete(doc.uri);
      void connection.sendDiagnostics({ uri: doc.uri, diagnostics: [] });
      return;
    }
    const file = decodeArticle(path, Buffer.from(doc.getText(), 'utf8'), ws.ctx);
    const problems = checkArticleFile(file, ws.ctx);
    if (inArchive(doc)) problems.push(...archiveProblems(file));
    const diagnostics = problems.map(
      (p, i): Diagnostic => ({
        range: rangeOf(doc, p),
        severity: p.severity === 'error' ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning,
        code: p.rule,
        source: 'psg',
        message: p.message,
        data: i,
      }),
    );
    checked.set(doc.uri, { file, problems, diagnostics });
    void connection.sendDiagnostics({ uri: doc.uri, version: doc.version, diagnostics });
  }

  documents.onDidChangeContent((e) => check(e.document));
  documents.onDidSave((e) => {
    const state = checked.get(e.document.uri);
    const own = state && factsOf(state.file);
    if (archive && own && inArchive(e.document)) archive.set(own.path, own);
  });
  documents.onDidClose((e) => {
    checked.delete(e.document.uri);
    void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
  });

  connection.onCompletion(({ textDocument, position }) => {
    const doc = documents.get(textDocument.uri);
    if (!doc) return [];
    const text = doc.getText();
    const place = placeAt(text, position.line, position.character);
    if (!place) return [];
    const lines = text.split(/\r?\n/);
    const [from, to] = frontMatterLines(lines)!;
    const present = new Set(lines.slice(from, to).flatMap((l, i) => (from + i === position.line ? [] : (/^([A-Za-z_][\w-]*)[ \t]*:/.exec(l)?.[1] ?? []))));
    const range = { start: { line: position.line, character: place.prefixStart }, end: position };
    return completions(place, present, ws.ctx).map((o) => ({
      label: o.label,
      kind: o.kind === 'field' ? CompletionItemKind.Field : CompletionItemKind.Value,
      detail: o.detail,
      filterText: o.filterText,
      textEdit: { range, newText: o.insert ?? o.label },
    }));
  });

  connection.onCodeAction(({ textDocument, range, context }) => {
    const doc = documents.get(textDocument.uri);
    const state = checked.get(textDocument.uri);
    const fm = state?.file.frontMatter;
    if (!doc || !state || !fm) return [];
    const text = doc.getText();
    const bom = text.startsWith('\uFEFF') ? 1 : 0;
    const wanted = context.diagnostics.length
      ? context.diagnostics.map((d) => state.diagnostics.find((own) => own.data === d.data && own.code === d.code)).filter((d) => d !== undefined)
      : state.diagnostics.filter((d) => d.range.start.line <= range.end.line && d.range.end.line >= range.start.line);
    const actions: CodeAction[] = [];
    for (const diagnostic of wanted) {
      const problem = state.problems[diagnostic.data as number]!;
      const word = wordAt(text, diagnostic.range.start.line, diagnostic.range.start.character);
      const span = word ? { start: doc.offsetAt({ line: diagnostic.range.start.line, character: word.start }), end: doc.offsetAt({ line: diagnostic.range.start.line, character: word.end }) } : undefined;
      const fixes = quickFixes(problem, { text, yaml: fm.yaml, yamlStart: fm.yamlStart + bom, ...(span ? { word: span } : {}) });
      for (const fix of fixes) {
        actions.push({
          title: fix.title,
          kind: CodeActionKind.QuickFix,
          diagnostics: [diagnostic],
          isPreferred: fix.preferred,
          edit: { changes: { [doc.uri]: [{ range: { start: doc.positionAt(fix.edit.start), end: doc.positionAt(fix.edit.end) }, newText: fix.edit.text }] } },
        });
      }
    }
    return actions;
  });

  connection.onHover(({ textDocument, position }) => {
    const doc = documents.get(textDocument.uri);
    if (!doc) return null;
    const text = doc.getText();
    const place = placeAt(text, position.line, position.character);
    if (place?.field !== 'regions' && place?.field !== 'places') return null;
    const word = wordAt(text, position.line, position.character);
    const value = word && regionHover(word.word, ws.ctx.gazetteer);
    if (!word || !value) return null;
    return { contents: { kind: MarkupKind.Markdown, value }, range: { start: { line: position.line, character: word.start }, end: { line: position.line, character: word.end } } };
  });

  documents.listen(connection);
  return new Promise((resolve) => {
    connection.onExit(() => resolve());
    connection.listen();
  });
}
