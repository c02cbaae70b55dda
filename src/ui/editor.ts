// --edit: open the new file in the user's editor, as git does: $VISUAL, else $EDITOR, run
// through the shell so that "code --wait" or "emacsclient -t" work as written.
import { spawnSync } from 'node:child_process';

export type EditorResult =
  | { ok: true; editor: string }
  | { ok: false; reason: 'unset' }
  | { ok: false; reason: 'failed'; editor: string; detail: string };

export function editorCommand(env: NodeJS.ProcessEnv): string | undefined {
  for (const name of ['VISUAL', 'EDITOR'] as const) {
    const value = env[name]?.trim();
    if (value) return value;
  }
  return undefined;
}

/** Run the editor on `file` with the terminal handed over, and wait for it to close. */
export function openInEditor(file: string, env: NodeJS.ProcessEnv): EditorResult {
  const editor = editorCommand(env);
  if (!editor) return { ok: false, reason: 'unset' };
  // The path goes in as "$1", never pasted into the command line, so no file name is code.
  const result =
    process.platform === 'win32'
      ? spawnSync(`${editor} "${file}"`, { shell: true, stdio: 'inherit', env })
      : spawnSync('/bin/sh', ['-c', `${editor} "$1"`, editor, file], { stdio: 'inherit', env });
  if (result.error) return { ok: false, reason: 'failed', editor, detail: result.error.message };
  if (result.status !== 0) {
    const detail = result.signal ? `stopped by ${result.signal}` : `exit code ${result.status}`;
    return { ok: false, reason: 'failed', editor, detail };
  }
  return { ok: true, editor };
}
