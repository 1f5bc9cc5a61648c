// @actions/workflow-parser imports its JSON schemas without `with { type: 'json' }`, which only
// bundlers accept; this loader hook adds the attribute so Node can load the package directly.
export async function load(url, context, nextLoad) {
  if (url.endsWith('.json') && !context.importAttributes?.type) {
    return nextLoad(url, { ...context, importAttributes: { ...context.importAttributes, type: 'json' } });
  }
  return nextLoad(url, context);
}
