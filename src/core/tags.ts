// The topic vocabulary: lowercase words joined by hyphens, checked with a did-you-mean.
import { fold, suggest } from './text.js';

export interface TagInfo {
  tag: string;
  meaning?: string;
}

const WELL_FORMED = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

// An archive uses a few hundred tags over and over: validate asks for the form of each
// tag of 100,000 files, and folding accents costs more than remembering the answer.
const forms = new Map<string, string>();
const FORMS_KEPT = 10000;

/** "Consulta previa" → "consulta-previa": the form a tag should have. */
export function tagForm(tag: string): string {
  let form = forms.get(tag);
  if (form === undefined) {
    form = fold(tag)
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '');
    if (forms.size >= FORMS_KEPT) forms.clear();
    forms.set(tag, form);
  }
  return form;
}

export function isWellFormedTag(tag: string): boolean {
  return WELL_FORMED.test(tag);
}

export class TagVocabulary {
  readonly tags: readonly TagInfo[];
  private readonly known: Set<string>;
  // Archives repeat the same unknown tags thousands of times: suggest once for each.
  private readonly suggestions = new Map<string, string[]>();

  constructor(tags: readonly TagInfo[]) {
    this.tags = tags;
    this.known = new Set(tags.map((t) => t.tag));
  }

  has(tag: string): boolean {
    return this.known.has(tag);
  }

  names(): string[] {
    return this.tags.map((t) => t.tag);
  }

  /** The vocabulary's tag for a near miss: its well-formed spelling if known, else the nearest. */
  suggest(tag: string, max = 3): string[] {
    const cacheKey = `${max}:${tag}`;
    let found = this.suggestions.get(cacheKey);
    if (!found) {
      const form = tagForm(tag);
      found = this.known.has(form) ? [form] : suggest(form.replace(/-/g, ' '), this.names(), max);
      this.suggestions.set(cacheKey, found);
    }
    return found;
  }
}
