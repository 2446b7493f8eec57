import { stringify } from 'yaml';
import type { Ledger } from '../model.js';
import { ledgerDocument } from './document.js';

const YAML_OPTIONS = {
  schema: 'core',
  // Quote every string a YAML 1.1 reader (PyYAML, SnakeYAML, old Ruby) would take for something
  // else: yes/no/on/off/y/n, 2019-12-31, 010, 1:20, <<, …
  compat: 'yaml-1.1',
  // Tasks split off one item share their path array; write it out each time, not as &anchor/*alias.
  aliasDuplicateObjects: false,
  // Keep each text on one line rather than folding it at 80 columns.
  lineWidth: 0,
} as const;

export function toYaml(ledger: Ledger): string {
  return stringify(ledgerDocument(ledger), YAML_OPTIONS);
}
