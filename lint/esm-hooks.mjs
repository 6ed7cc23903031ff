// Node.js module customization hooks that let plain Node load @camunda/linting.
//
// @camunda/linting is published as bundler-style ESM (the way Camunda Modeler consumes it):
//   - its package.json has no "type": "module", yet its files use import/export;
//   - it imports relative and deep paths without extensions ('./lib/Linter', 'bpmnlint/rules/no-bpmndi');
//   - it imports JSON files without an import attribute;
//   - it takes the named export `configs` from the CommonJS module bpmnlint-plugin-camunda-compat,
//     whose `module.exports = { configs: {...} }` Node cannot see named exports in.
// These hooks (registered by lint.mjs via module.register) resolve such specifiers the way a
// bundler would, load that package's files as ESM, and wrap JSON files as ES modules.

const CAMUNDA_LINTING = '/node_modules/@camunda/linting/';
const CAMUNDA_COMPAT_MAIN = '/node_modules/bpmnlint-plugin-camunda-compat/index.js';

function isMissing(err) {
  return err && (err.code === 'ERR_MODULE_NOT_FOUND' || err.code === 'ERR_UNSUPPORTED_DIR_IMPORT');
}

export async function resolve(specifier, context, nextResolve) {
  try {
    return await nextResolve(specifier, context);
  } catch (err) {
    const fromNodeModules = context.parentURL && context.parentURL.includes('/node_modules/');
    if (!isMissing(err) || !fromNodeModules || /\.(m?js|cjs|json)$/.test(specifier)) {
      throw err;
    }
    for (const suffix of ['.js', '/index.js']) {
      try {
        return await nextResolve(specifier + suffix, context);
      } catch (retryErr) {
        if (!isMissing(retryErr)) {
          throw retryErr;
        }
      }
    }
    throw err;
  }
}

export async function load(url, context, nextLoad) {
  if (url.startsWith('file:') && url.endsWith('.json') && !(context.importAttributes || {}).type) {
    const { source } = await nextLoad(url, { ...context, format: 'json', importAttributes: { type: 'json' } });
    return { format: 'module', source: `export default ${source.toString()};`, shortCircuit: true };
  }
  if (url.startsWith('file:') && url.includes(CAMUNDA_LINTING) && url.endsWith('.js')) {
    const { source } = await nextLoad(url, { ...context, format: 'module' });
    return { format: 'module', source, shortCircuit: true };
  }
  if (url.startsWith('file:') && url.endsWith(CAMUNDA_COMPAT_MAIN)) {
    const source = [
      "import { createRequire } from 'node:module';",
      `const plugin = createRequire(${JSON.stringify(url)})(${JSON.stringify(new URL(url).pathname)});`,
      'export default plugin;',
      'export const configs = plugin.configs;',
      'export const rules = plugin.rules;'
    ].join('\n');
    return { format: 'module', source, shortCircuit: true };
  }
  return nextLoad(url, context);
}
