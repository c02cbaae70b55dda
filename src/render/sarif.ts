// The validate reporter for code-review tools: a SARIF 2.1.0 log, one result a problem.
// Made in pieces like the JSON reporter: the results come first and the tool (with the rules
// the results used) last, which JSON allows, so no report is held whole.
import type { Log, ReportingDescriptor, Result } from 'sarif';
import type { FileReport } from './report.js';

const SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';

/** A report path as a URI: relative paths stay relative (to the folder psg ran in). */
function uriOf(path: string): string {
  const slashed = path.split('\\').join('/');
  const uri = encodeURI(slashed).replace(/[?#]/g, encodeURIComponent);
  return slashed.startsWith('/') ? `file://${uri}` : uri;
}

export interface SarifTool {
  version: string;
  informationUri?: string;
}

/** The log as pieces to write one after another. */
export function* sarifPieces(files: Iterable<FileReport>, tool: SarifTool): Generator<string> {
  const rules: string[] = [];
  const ruleIndex = new Map<string, number>();
  const head: Pick<Log, '$schema' | 'version'> = { $schema: SCHEMA, version: '2.1.0' };
  yield `${JSON.stringify(head).slice(0, -1)},"runs":[{"results":[`;
  let first = true;
  for (const file of files) {
    for (const p of file.problems) {
      let index = ruleIndex.get(p.rule);
      if (index === undefined) {
        index = rules.push(p.rule) - 1;
        ruleIndex.set(p.rule, index);
      }
      const result: Result = {
        ruleId: p.rule,
        ruleIndex: index,
        level: p.severity === 'error' ? 'error' : 'warning',
        message: { text: p.message },
        locations: [
          {
            physicalLocation: {
              artifactLocation: { uri: uriOf(file.path) },
              region: { startLine: p.line ?? 1, startColumn: p.column ?? 1 },
            },
          },
        ],
      };
      yield `${first ? '\n' : ',\n'}${JSON.stringify(result)}`;
      first = false;
    }
  }
  const descriptors: ReportingDescriptor[] = rules.map((id) => ({ id }));
  const driver = { name: 'psg', version: tool.version, ...(tool.informationUri ? { informationUri: tool.informationUri } : {}), rules: descriptors };
  yield `${first ? '' : '\n'}],"tool":${JSON.stringify({ driver })}}]}\n`;
}
