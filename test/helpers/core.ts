// The core context the rules and the normaliser need, built from the shipped data.
import type { CoreContext } from '../../src/core/context.js';
import { Gazetteer } from '../../src/core/gazetteer.js';
import { TagVocabulary } from '../../src/core/tags.js';
import { loadBuiltInTags, loadGazetteerData } from '../../src/data.js';

const gazetteer = new Gazetteer(loadGazetteerData());
const tags = new TagVocabulary(loadBuiltInTags());

export function coreContext(today = '2019-07-01'): CoreContext {
  return { gazetteer, tags, today };
}

/** Front matter (YAML lines) and a body, as a file's text. */
export function fileText(yaml: string, body = '\nBody.\n'): string {
  return `---\n${yaml}${yaml.endsWith('\n') || yaml === '' ? '' : '\n'}---\n${body}`;
}
