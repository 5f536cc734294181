import { EXPORT_FILES, type ExportSummary } from '../../lib/schema';
import type { Study } from '../studies/load-studies';
import { sizeCategory } from './size-category';

/** A YAML scalar: JSON strings are valid YAML double-quoted strings. */
const yaml = (value: string) => JSON.stringify(value);

/**
 * The Hugging Face dataset-card header: the front matter the Hub reads to list and load a
 * dataset. `configs` names the one data file this export writes, so `load_dataset` on the
 * folder finds it. Without a license in the study file the card says it must be set: a
 * dataset of people's behaviour must not be published under a guessed license.
 */
export function datasetCardHeader(study: Study, summary: ExportSummary): string {
  const license = study.license
    ? `license: ${yaml(study.license)}`
    : 'license: unknown # set "license" in the study file (e.g. cc-by-4.0) and export again before publishing';
  return [
    '---',
    `pretty_name: ${yaml(study.name)}`,
    license,
    'task_categories:',
    '- other',
    'tags:',
    '- web-agents',
    '- browser-interaction',
    '- task-traces',
    '- tasktrace',
    'size_categories:',
    `- ${yaml(sizeCategory(summary.rows))}`,
    'configs:',
    `- config_name: ${summary.format}`,
    '  data_files:',
    '  - split: train',
    `    path: ${yaml(EXPORT_FILES.data(summary.format))}`,
    '  default: true',
    '---',
    '',
  ].join('\n');
}
