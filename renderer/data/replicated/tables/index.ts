import type { TableSpec } from '../../../sync/schema';
import { peopleTable } from './people';

/** Every replicated table of the app. A module adds its declaration here (one file each in this folder). */
export const REPLICATED_TABLES: readonly TableSpec[] = [peopleTable];
