// The pre-commit hook psg installs: a short sh script that runs this psg, by absolute paths,
// on the staged articles, then the hook that was there before, if any.

/** The line that marks a hook as psg's own (uninstall removes only such a hook). */
export const HOOK_MARK = '# psg pre-commit hook';

/** The name the hook that was there before is kept under, and run by psg's. */
export const CHAINED_NAME = 'pre-commit.before-psg';

/** A word for sh, in single quotes. */
export function shQuote(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

export interface HookScript {
  node: string;
  psg: string;
  /** Where psg runs, relative to the top of the working tree ('' for the top itself). */
  folder: string;
}

export function hookScript(h: HookScript): string {
  const cd = h.folder ? `/${h.folder}` : '';
  return `#!/bin/sh
${HOOK_MARK}: checks the staged articles (as staged) and stops the commit on errors.
# Installed by \`psg hook install\`; \`psg hook uninstall\` removes it. Skip it once with --no-verify.
node=${shQuote(h.node)}
psg=${shQuote(h.psg)}
if [ ! -x "$node" ] || [ ! -f "$psg" ]; then
  echo "psg: the pre-commit hook cannot find psg at $psg; run psg hook install again, or psg hook uninstall" >&2
  exit 1
fi
cd "$(git rev-parse --show-toplevel)"${shQuote(cd)} || exit 1
"$node" "$psg" validate --staged || exit $?
chained="$(git rev-parse --git-path hooks)/${CHAINED_NAME}"
if [ -x "$chained" ]; then
  exec "$chained" "$@"
fi
`;
}
