// The front matter as a JSON Schema (draft 2020-12), built from the same field list, region
// names and vocabulary that validate reads, so that YAML and JSON tools can check and
// complete psg articles. Where psg only warns (an alias of a region, an unknown tag or field)
// the schema is strict: it states what psg writes, which is what an editor should offer.
import { ARTICLE_TYPES, FIELDS, type FieldSpec, LIMITS } from './article.js';
import { FRONT_MATTER_DATE } from './dates.js';

type Schema = Record<string, unknown>;

export interface SchemaInput {
  regions: readonly string[];
  tags: readonly string[];
}

const TYPE_DESCRIPTIONS: Record<string, string> = {
  news: 'a dated news item',
  letter: 'a dated letter, usually one of a series',
  page: 'an undated page (aims, history), placed by "order"',
};

function fieldSchema(field: FieldSpec, input: SchemaInput): Schema {
  // "the headline, one line" → "The headline, one line", with what follows and a full stop.
  const said = `${field.description[0]!.toUpperCase()}${field.description.slice(1)}`;
  const description = `${said}.`;
  switch (field.kind) {
    case 'string':
    case 'text':
      return field.name === 'title'
        ? { description: `${said}, at most ${LIMITS.titleMax} characters.`, type: 'string', minLength: 1, maxLength: LIMITS.titleMax, pattern: '^[^\\r\\n]*$' }
        : { description, type: 'string', minLength: 1 };
    case 'type':
      return {
        description: `${said}: ${ARTICLE_TYPES.map((t) => `${t} is ${TYPE_DESCRIPTIONS[t]}`).join('; ')}.`,
        enum: [...ARTICLE_TYPES],
      };
    case 'date':
      return { description: `${said}, e.g. 2019-03-23 or 2019-03-23T09:30; ignored for pages.`, type: 'string', pattern: FRONT_MATTER_DATE.source };
    case 'integer':
      return { description, type: 'integer', minimum: field.name === 'part' ? 1 : 0 };
    case 'boolean':
      return { description, type: 'boolean' };
    case 'sources':
      return {
        description: `${said}: the reports the item draws on.`,
        type: 'array',
        items: {
          description: 'One source: its title and its web address.',
          type: 'object',
          properties: {
            title: { description: 'The title of the source, as it reads there.', type: 'string', minLength: 1 },
            url: { description: 'Its address: a full http:// or https:// link.', type: 'string', pattern: '^[Hh][Tt][Tt][Pp][Ss]?://[^\\s/]+' },
          },
          required: ['title', 'url'],
          additionalProperties: false,
        },
      };
    case 'string-list': {
      const items: Schema =
        field.name === 'regions'
          ? { description: "One of Peru's 25 regions, spelt as psg writes it (psg validate --fix corrects Cuzco, Junin and the like).", enum: [...input.regions] }
          : field.name === 'tags'
            ? { description: 'A tag of the vocabulary (psg tags lists them; psg.config.json can change them).', enum: [...input.tags] }
            : { description: 'A province, town or community.', type: 'string', minLength: 1 };
      return { description, type: 'array', items };
    }
  }
}

export function frontMatterSchema(input: SchemaInput): Schema {
  const requiredBy = (type: string) => FIELDS.filter((f) => (f.requiredFor as readonly string[]).includes(type)).map((f) => f.name);
  const always = FIELDS.filter((f) => f.requiredFor.length === ARTICLE_TYPES.length).map((f) => f.name);
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: 'urn:psg:front-matter',
    title: 'psg article front matter',
    description: 'The YAML front matter of a Peru Support Group article (news item, letter or page), as psg validate checks it.',
    type: 'object',
    properties: Object.fromEntries(FIELDS.map((f) => [f.name, fieldSchema(f, input)])),
    required: always,
    additionalProperties: false,
    allOf: ARTICLE_TYPES.map((type) => ({
      if: { properties: { type: { const: type } }, required: ['type'] },
      then: { required: requiredBy(type) },
    })),
  };
}
