import { isTemplated, mapping, parseMode, stringMap } from './args';
import { metaOf } from './file';
import { ensureContent } from './files';
import type { ModuleDef } from './types';

const KEYS = ['source', 'src', 'destination', 'dest', 'mode', 'owner', 'group', 'variables'] as const;

/**
 * Renders a file with the shared `${}` engine (values only, never code) and writes it like
 * `file`. `variables` add to the host's variables for this file only.
 */
export const template: ModuleDef = {
  name: 'template',
  validate(check) {
    const a = mapping(check, KEYS);
    if (a.source === undefined && a.src === undefined) check.fail('needs source (a template file in the workspace)');
    if (a.destination === undefined && a.dest === undefined) check.fail('needs destination');
    stringMap(check, a, 'variables');
    if (a.mode !== undefined && !isTemplated(a.mode)) {
      try {
        parseMode(a.mode);
      } catch (error) {
        check.fail((error as Error).message, 'mode');
      }
    }
  },
  sources: (args) => {
    const a = args as Record<string, unknown>;
    const s = a.source ?? a.src;
    return s !== undefined && !isTemplated(s) ? [String(s)] : [];
  },
  async run(ctx) {
    const a = ctx.args as Record<string, unknown>;
    const source = String(a.source ?? a.src);
    const text = ctx.readSource(source, 'template').toString('utf8');
    const rendered = ctx.render(
      text,
      (a.variables ?? {}) as Record<string, unknown>,
      { file: source, line: 1, col: 1 },
      `template ${source}`,
    );
    return ensureContent(ctx, String(a.destination ?? a.dest), Buffer.from(rendered, 'utf8'), metaOf(a));
  },
};
