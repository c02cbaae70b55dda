import { nameParts } from '../article.js';
import { parseDateValue } from '../dates.js';
import { error, type Problem, warning } from '../problem.js';
import { readText } from '../values.js';
import { describe } from './field-types.js';
import type { FileRule } from './types.js';

export const dateRule: FileRule = {
  name: 'date',
  check({ path, data }, ctx) {
    const type = data.get('type');
    const raw = data.get('date');
    if (type === 'page' || raw === undefined || raw === null) return [];
    const at = { path: ['date'] };
    const text = readText(raw);
    if (text === undefined) {
      return [error('date-invalid', `"date" must be a date, not ${describe(raw)}; write it as YYYY-MM-DD, e.g. date: 2019-03-23`, { at })];
    }
    const parsed = parseDateValue(text);
    if (!parsed.ok) return [error('date-invalid', parsed.message, { at })];
    const { date } = parsed.value;
    const problems: Problem[] = [];
    if (date > ctx.today && data.get('draft') !== true) {
      problems.push(
        warning('date-future', `Dated ${date}, after today (${ctx.today}): add "draft: true" until it is due, or correct the date`, { at }),
      );
    }
    const { fileDate } = nameParts(path);
    if (fileDate && fileDate !== date) {
      problems.push(
        warning('date-filename', `The file name says ${fileDate} but "date" is ${date}; rename the file or correct the date`, { at }),
      );
    }
    return problems;
  },
};
