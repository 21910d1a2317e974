import type { PrintTable } from '../../../../shared/api/print';
import type { TableBuilder } from './common';
import { criteriaAnnex } from './criteria';
import { indicatorsAnnex } from './indicators';
import { modelSitesAnnex } from './model-sites';
import { projectsAnnex } from './projects';
import { recurrentAnnex } from './recurrent';
import { resourcesAnnex } from './resources';
import { targetsAnnex } from './targets';

/** Every table the tool prints. */
export const annexBuilders: Record<PrintTable, TableBuilder> = {
  criteria: criteriaAnnex,
  indicators: indicatorsAnnex,
  resources: resourcesAnnex,
  projects: projectsAnnex,
  recurrent: recurrentAnnex,
  targets: targetsAnnex,
  'model-sites': modelSitesAnnex,
};
