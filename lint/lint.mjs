#!/usr/bin/env node
// Lint of the process models and forms that the app deploys (Camunda 7.24).
//
//   node lint/lint.mjs [ROOT] [--processes DIR] [--forms DIR] [--config FILE]
//
// ROOT defaults to the repository root; DIRs default to ROOT/processes and ROOT/forms.
// Environment overrides: LINT_ROOT, LINT_PROCESSES_DIR, LINT_FORMS_DIR, LINT_BPMNLINTRC.
//
// - processes/**/*.bpmn: Camunda Modeler's rules (@camunda/linting, Camunda Platform 7.24) plus
//   the project's .bpmnlintrc (bpmnlint rules on top), and the XML import warnings.
// - processes/**/*.dmn: parsed with dmn-moddle (+ Camunda extensions) and checked for what the
//   Camunda 7 engine rejects (@camunda/linting lints BPMN only).
// - forms/**/*.form: Camunda Forms JSON (id, type "default", components, keys).
// - cross-file: camunda:formRef / camunda:formKey / camunda:decisionRef name existing forms and
//   decisions; duplicate process / decision / form ids; forms no BPMN refers to (warning).
//
// Prints "file:element-id: error|warning: message [rule]" lines and a last line
// "lint: N passed, M failed" (files without / with errors). Exit code 1 on any error.

import { register, createRequire } from 'node:module';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

register('./esm-hooks.mjs', import.meta.url);

const PLATFORM = 'Camunda Platform';
const PLATFORM_VERSION = '7.24.0';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

// ---------------------------------------------------------------------------------------------
// arguments

function parseArgs(argv) {
  const opts = {
    root: process.env.LINT_ROOT || null,
    processes: process.env.LINT_PROCESSES_DIR || null,
    forms: process.env.LINT_FORMS_DIR || null,
    config: process.env.LINT_BPMNLINTRC || null
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = () => {
      if (i + 1 >= argv.length) {
        usage(`missing value for ${arg}`);
      }
      return argv[++i];
    };
    if (arg === '--processes') {
      opts.processes = value();
    } else if (arg === '--forms') {
      opts.forms = value();
    } else if (arg === '--config') {
      opts.config = value();
    } else if (arg === '-h' || arg === '--help') {
      usage();
    } else if (arg.startsWith('-')) {
      usage(`unknown option ${arg}`);
    } else {
      opts.root = arg;
    }
  }
  const root = path.resolve(opts.root || REPO_ROOT);
  return {
    root,
    processesDir: path.resolve(opts.processes || path.join(root, 'processes')),
    formsDir: path.resolve(opts.forms || path.join(root, 'forms')),
    configFile: path.resolve(opts.config || path.join(REPO_ROOT, '.bpmnlintrc'))
  };
}

function usage(problem) {
  if (problem) {
    console.error(`lint: ${problem}`);
  }
  console.error('usage: node lint/lint.mjs [ROOT] [--processes DIR] [--forms DIR] [--config FILE]');
  process.exit(problem ? 2 : 0);
}

// ---------------------------------------------------------------------------------------------
// results

class Results {
  constructor(root) {
    this.root = root;
    this.files = new Map(); // absolute path -> { errors: [], warnings: [] }
  }

  add(file) {
    if (!this.files.has(file)) {
      this.files.set(file, { errors: [], warnings: [] });
    }
    return this.files.get(file);
  }

  error(file, elementId, message) {
    this.add(file).errors.push({ elementId, message });
  }

  warn(file, elementId, message) {
    this.add(file).warnings.push({ elementId, message });
  }

  display(file) {
    const rel = path.relative(process.cwd(), file);
    return rel && !rel.startsWith('..') ? rel : file;
  }

  print() {
    let passed = 0;
    let failed = 0;
    const sorted = [ ...this.files.keys() ].sort();
    for (const file of sorted) {
      const { errors, warnings } = this.files.get(file);
      const name = this.display(file);
      for (const [ severity, list ] of [ [ 'error', errors ], [ 'warning', warnings ] ]) {
        for (const { elementId, message } of list) {
          console.log(`${name}:${elementId ? elementId + ':' : ''} ${severity}: ${message}`);
        }
      }
      if (errors.length) {
        failed++;
      } else {
        passed++;
      }
    }
    console.log(`lint: ${passed} passed, ${failed} failed`);
    return failed;
  }
}

// ---------------------------------------------------------------------------------------------
// helpers

function findFiles(dir, extension) {
  if (!fs.existsSync(dir)) {
    return [];
  }
  return fs.readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter(entry => entry.isFile() && entry.name.endsWith(extension))
    .map(entry => path.join(entry.parentPath || entry.path, entry.name))
    .sort();
}

function isExpression(value) {
  return typeof value === 'string' && /[$#]\{/.test(value);
}

function firstLine(message) {
  return String(message).split('\n')[0];
}

function oneLine(message) {
  return String(message).replace(/\s+/g, ' ').trim();
}

function importWarning(warning) {
  const element = warning.element;
  const id = element && typeof element === 'object' && element.id ? element.id : null;
  return { id, message: `XML import: ${oneLine(warning.message)}` };
}

// ---------------------------------------------------------------------------------------------
// BPMN

async function createBpmnLinter(configFile, results) {
  const { Linter } = await import('@camunda/linting');
  const { default: NodeResolver } = await import('bpmnlint/lib/resolver/node-resolver.js');

  const plugins = [];
  if (fs.existsSync(configFile)) {
    let config;
    try {
      config = JSON.parse(fs.readFileSync(configFile, 'utf8'));
    } catch (err) {
      results.error(configFile, null, `not valid JSON: ${err.message}`);
      return null;
    }
    const nodeResolver = new NodeResolver({ require: createRequire(path.join(REPO_ROOT, 'package.json')) });
    plugins.push({
      config,
      resolver: {
        // Camunda's own rules come from @camunda/linting's bundled resolver, whose mapping to
        // the platform-specific rule files this resolver would not know.
        resolveRule(pkg, ruleName) {
          if (pkg === 'bpmnlint-plugin-camunda-compat') {
            throw new Error(`not resolved here: ${pkg}/${ruleName}`);
          }
          return nodeResolver.resolveRule(pkg, ruleName);
        },
        resolveConfig(pkg, configName) {
          if (pkg === 'bpmnlint-plugin-camunda-compat') {
            throw new Error(`not resolved here: ${pkg}/${configName}`);
          }
          return nodeResolver.resolveConfig(pkg, configName);
        }
      }
    });
  }
  return new Linter({ type: 'platform', modeler: 'desktop', plugins });
}

async function createBpmnModdle() {
  const { BpmnModdle } = await import('bpmn-moddle');
  const { default: camunda } = await import('camunda-bpmn-moddle/resources/camunda.json');
  const { default: modeler } = await import('modeler-moddle/resources/modeler.json');
  return new BpmnModdle({ camunda, modeler });
}

function checkPlatform(definitions, file, results) {
  const platform = definitions.get('modeler:executionPlatform');
  const version = definitions.get('modeler:executionPlatformVersion');
  const target = `${PLATFORM} ${PLATFORM_VERSION}`;
  if (!platform || !version) {
    results.warn(file, definitions.id,
      `definitions have no modeler:executionPlatform/executionPlatformVersion; linted as ${target} ` +
      `(choose "${PLATFORM} 7.24" in Camunda Modeler so it shows the same problems)`);
  } else if (platform !== PLATFORM) {
    results.error(file, definitions.id,
      `modeler:executionPlatform is "${platform}" but this application runs ${target}`);
  } else if (!/^7\.24(\.|$)/.test(version)) {
    results.warn(file, definitions.id,
      `modeler:executionPlatformVersion is "${version}"; linted as ${target}, the engine this application runs`);
  }
  definitions.set('modeler:executionPlatform', PLATFORM);
  definitions.set('modeler:executionPlatformVersion', PLATFORM_VERSION);
}

async function lintBpmn(file, { moddle, linter, results, refs }) {
  results.add(file);
  let parsed;
  try {
    parsed = await moddle.fromXML(fs.readFileSync(file, 'utf8'), 'bpmn:Definitions');
  } catch (err) {
    results.error(file, null, `cannot parse BPMN: ${oneLine(err.message)}`);
    return;
  }
  const { rootElement: definitions, warnings = [], elementsById = {} } = parsed;

  for (const warning of warnings) {
    const { id, message } = importWarning(warning);
    results.error(file, id, message);
  }

  checkPlatform(definitions, file, results);

  if (linter) {
    let reports = [];
    try {
      reports = await linter.lint(definitions);
    } catch (err) {
      results.error(file, null, `linter failed: ${firstLine(err.message)}`);
    }
    for (const report of reports) {
      const message = `${report.message} [${report.rule}]`;
      if (report.category === 'error' || report.category === 'rule-error') {
        results.error(file, report.id, message);
      } else {
        results.warn(file, report.id, report.category === 'info' ? `(info) ${message}` : message);
      }
    }
  }

  for (const root of definitions.get('rootElements') || []) {
    if (root.$type === 'bpmn:Process') {
      refs.processIds.push({ id: root.id, file });
    }
  }

  for (const element of Object.values(elementsById)) {
    if (typeof element.get !== 'function') {
      continue;
    }
    const formRef = element.get('camunda:formRef');
    const formKey = element.get('camunda:formKey');
    if (formRef) {
      const binding = element.get('camunda:formRefBinding');
      if (binding && ![ 'latest', 'deployment', 'version' ].includes(binding)) {
        results.error(file, element.id, `camunda:formRefBinding "${binding}" is not latest, deployment or version`);
      }
      if (binding === 'version' && !element.get('camunda:formRefVersion')) {
        results.error(file, element.id, 'camunda:formRefBinding="version" needs camunda:formRefVersion');
      }
      if (formKey) {
        results.warn(file, element.id, 'has both camunda:formRef and camunda:formKey; the engine uses one of them only');
      }
      refs.formRefs.push({ file, elementId: element.id, formRef });
    } else if (typeof formKey === 'string' && formKey.startsWith('camunda-forms:')) {
      refs.formKeys.push({ file, elementId: element.id, formKey });
    }
    const decisionRef = element.get('camunda:decisionRef');
    if (decisionRef) {
      refs.decisionRefs.push({ file, elementId: element.id, decisionRef });
    }
  }
}

// ---------------------------------------------------------------------------------------------
// DMN

const C7_HIT_POLICIES = [ 'UNIQUE', 'FIRST', 'ANY', 'COLLECT', 'RULE ORDER' ];

async function createDmnModdle() {
  const { DmnModdle } = await import('dmn-moddle');
  const { default: camunda } = await import('camunda-dmn-moddle/resources/camunda.json');
  const { default: modeler } = await import('modeler-moddle/resources/dmn-modeler.json');
  return new DmnModdle({ camunda, modeler });
}

async function lintDmn(file, { dmnModdle, results, refs }) {
  results.add(file);
  let parsed;
  try {
    parsed = await dmnModdle.fromXML(fs.readFileSync(file, 'utf8'), 'dmn:Definitions');
  } catch (err) {
    results.error(file, null, `cannot parse DMN: ${oneLine(err.message)}`);
    return;
  }
  const { rootElement: definitions, warnings = [] } = parsed;
  for (const warning of warnings) {
    const { id, message } = importWarning(warning);
    results.error(file, id, message);
  }

  const platform = definitions.get('modeler:executionPlatform');
  if (platform && platform !== PLATFORM) {
    results.error(file, definitions.id, `modeler:executionPlatform is "${platform}" but this application runs ${PLATFORM} ${PLATFORM_VERSION}`);
  }

  const decisions = (definitions.get('drgElement') || []).filter(e => e.$type === 'dmn:Decision');
  if (!decisions.length) {
    results.warn(file, definitions.id, 'contains no decision');
  }
  for (const decision of decisions) {
    refs.decisionIds.push({ id: decision.id, file });
    if (!decision.get('camunda:historyTimeToLive')) {
      results.error(file, decision.id,
        'Property <camunda:historyTimeToLive> missing on decision (Camunda 7 refuses to deploy it unless a default is set on engine level)');
    }
    const logic = decision.get('decisionLogic');
    if (!logic) {
      results.error(file, decision.id, 'decision has neither a decision table nor a literal expression');
      continue;
    }
    if (logic.$type !== 'dmn:DecisionTable') {
      continue;
    }
    const hitPolicy = logic.get('hitPolicy') || 'UNIQUE';
    if (!C7_HIT_POLICIES.includes(hitPolicy)) {
      results.error(file, logic.id || decision.id, `hit policy ${hitPolicy} is not supported by Camunda 7 (${C7_HIT_POLICIES.join(', ')})`);
    }
    const inputs = logic.get('input') || [];
    const outputs = logic.get('output') || [];
    if (!outputs.length) {
      results.error(file, logic.id || decision.id, 'decision table has no output');
    }
    for (const input of inputs) {
      const text = input.get('inputExpression') && input.get('inputExpression').get('text');
      if (!text && !input.get('camunda:inputVariable')) {
        results.warn(file, input.id || logic.id, 'input has no input expression');
      }
    }
    if (outputs.length > 1) {
      for (const output of outputs) {
        if (!output.get('name')) {
          results.error(file, output.id || logic.id, 'output has no name (needed when a decision table has several outputs)');
        }
      }
    }
    for (const rule of logic.get('rule') || []) {
      const inputEntries = (rule.get('inputEntry') || []).length;
      const outputEntries = (rule.get('outputEntry') || []).length;
      if (inputEntries !== inputs.length || outputEntries !== outputs.length) {
        results.error(file, rule.id,
          `rule has ${inputEntries} input / ${outputEntries} output entries, the table ${inputs.length} / ${outputs.length} columns`);
      }
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Camunda Forms

// form-js field types that bind a variable and so need a key
const INPUT_TYPES = new Set([
  'textfield', 'textarea', 'number', 'datetime', 'checkbox', 'checklist', 'radio', 'select',
  'taglist', 'filepicker', 'expression'
]);
const OTHER_TYPES = new Set([
  'text', 'html', 'image', 'button', 'spacer', 'separator', 'group', 'dynamiclist', 'iframe',
  'table', 'documentPreview', 'default'
]);
const KEY_PATTERN = /^[A-Za-z_$][\w$]*(\.[A-Za-z_$][\w$]*)*$/;

function lintForm(file, { results, refs }) {
  results.add(file);
  let form;
  try {
    form = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (err) {
    results.error(file, null, `not valid JSON: ${firstLine(err.message)}`);
    return;
  }
  if (!form || typeof form !== 'object' || Array.isArray(form)) {
    results.error(file, null, 'not a Camunda Form: the top level is not a JSON object');
    return;
  }
  const formId = typeof form.id === 'string' && form.id.trim() ? form.id : null;
  if (!formId) {
    results.error(file, null, 'form has no "id" (camunda:formRef refers to it)');
  } else {
    refs.formIds.push({ id: formId, file });
  }
  const where = formId;
  if (form.type !== 'default') {
    results.error(file, where, `form "type" must be "default", is ${JSON.stringify(form.type)}`);
  }
  if (form.executionPlatform && form.executionPlatform !== PLATFORM) {
    results.error(file, where, `executionPlatform is "${form.executionPlatform}" but this application runs ${PLATFORM}`);
  }
  if (!Array.isArray(form.components)) {
    results.error(file, where, 'form has no "components" array');
    return;
  }
  if (!form.components.length) {
    results.warn(file, where, 'form has no components');
  }

  const componentIds = new Set();
  const walk = (components, trail, keys) => {
    components.forEach((component, index) => {
      const label = component && (component.id || component.key) ? (component.id || component.key) : `${trail}[${index}]`;
      if (!component || typeof component !== 'object') {
        results.error(file, label, 'component is not an object');
        return;
      }
      const { type, key } = component;
      if (typeof type !== 'string' || !type) {
        results.error(file, label, 'component has no "type"');
      } else if (!INPUT_TYPES.has(type) && !OTHER_TYPES.has(type)) {
        results.warn(file, label, `unknown component type "${type}"`);
      }
      if (component.id) {
        if (componentIds.has(component.id)) {
          results.error(file, label, `duplicate component id "${component.id}"`);
        }
        componentIds.add(component.id);
      }
      if (INPUT_TYPES.has(type)) {
        if (typeof key !== 'string' || !key.trim()) {
          results.error(file, label, `${type} field has no "key" (the process variable it binds)`);
        } else {
          if (!KEY_PATTERN.test(key)) {
            results.warn(file, label, `key "${key}" is not a plain variable name or dotted path`);
          }
          if (keys.has(key)) {
            results.warn(file, label, `key "${key}" is bound by more than one field`);
          }
          keys.add(key);
        }
      }
      if (Array.isArray(component.components)) {
        // a dynamic list binds its children inside each list item: a scope of its own
        walk(component.components, `${label}.components`, type === 'dynamiclist' ? new Set() : keys);
      }
    });
  };
  walk(form.components, 'components', new Set());
}

// ---------------------------------------------------------------------------------------------
// cross-file checks

function duplicates(entries) {
  const byId = new Map();
  for (const entry of entries) {
    byId.set(entry.id, [ ...(byId.get(entry.id) || []), entry ]);
  }
  return [ ...byId.values() ].filter(list => list.length > 1);
}

function crossCheck({ results, refs, formsDir }) {
  for (const [ kind, entries ] of [ [ 'process', refs.processIds ], [ 'decision', refs.decisionIds ], [ 'form', refs.formIds ] ]) {
    for (const list of duplicates(entries)) {
      for (const { id, file } of list) {
        const others = list.filter(e => e.file !== file).map(e => results.display(e.file));
        results.error(file, id, `${kind} id "${id}" is also used by ${others.length ? others.join(', ') : 'this file'}`);
      }
    }
  }

  const formIds = new Set(refs.formIds.map(f => f.id));
  const referenced = new Set();
  for (const { file, elementId, formRef } of refs.formRefs) {
    if (isExpression(formRef)) {
      continue;
    }
    referenced.add(formRef);
    if (!formIds.has(formRef)) {
      results.error(file, elementId, `camunda:formRef "${formRef}" names no form in ${results.display(formsDir)} (no *.form with that "id")`);
    }
  }

  const referencedFiles = new Set();
  for (const { file, elementId, formKey } of refs.formKeys) {
    const resource = formKey.replace(/^camunda-forms:(deployment:|app:)?/, '');
    if (isExpression(resource)) {
      continue;
    }
    if (!resource.startsWith('forms/')) {
      results.warn(file, elementId, `camunda:formKey "${formKey}" is not under forms/; not checked`);
      continue;
    }
    const target = path.join(formsDir, resource.slice('forms/'.length));
    referencedFiles.add(target);
    if (!fs.existsSync(target)) {
      results.error(file, elementId, `camunda:formKey "${formKey}" names a missing file ${results.display(target)}`);
    }
  }

  for (const { id, file } of refs.formIds) {
    if (!referenced.has(id) && !referencedFiles.has(file)) {
      results.warn(file, id, `form "${id}" is not referenced by any camunda:formRef or camunda:formKey in the BPMN files`);
    }
  }

  const decisionIds = new Set(refs.decisionIds.map(d => d.id));
  for (const { file, elementId, decisionRef } of refs.decisionRefs) {
    if (!isExpression(decisionRef) && !decisionIds.has(decisionRef)) {
      results.error(file, elementId, `camunda:decisionRef "${decisionRef}" names no decision in the DMN files`);
    }
  }
}

// ---------------------------------------------------------------------------------------------

async function main() {
  const { root, processesDir, formsDir, configFile } = parseArgs(process.argv.slice(2));
  const results = new Results(root);
  const refs = { processIds: [], decisionIds: [], formIds: [], formRefs: [], formKeys: [], decisionRefs: [] };

  const bpmnFiles = findFiles(processesDir, '.bpmn');
  const dmnFiles = findFiles(processesDir, '.dmn');
  const formFiles = findFiles(formsDir, '.form');
  console.log(`lint: ${bpmnFiles.length} BPMN, ${dmnFiles.length} DMN in ${results.display(processesDir)}, ` +
    `${formFiles.length} forms in ${results.display(formsDir)}; rules: ${PLATFORM} ${PLATFORM_VERSION}` +
    (fs.existsSync(configFile) ? ` + ${results.display(configFile)}` : ''));

  const context = {
    results,
    refs,
    moddle: await createBpmnModdle(),
    dmnModdle: await createDmnModdle(),
    linter: await createBpmnLinter(configFile, results)
  };

  for (const file of bpmnFiles) {
    await lintBpmn(file, context);
  }
  for (const file of dmnFiles) {
    await lintDmn(file, context);
  }
  for (const file of formFiles) {
    lintForm(file, context);
  }
  crossCheck({ results, refs, formsDir });

  const failed = results.print();
  process.exitCode = failed ? 1 : 0;
}

main().catch(err => {
  console.error(`lint: crashed: ${err && err.stack || err}`);
  process.exitCode = 2;
});
