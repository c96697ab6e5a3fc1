// The scorecard owns no table: it reads indicators and their targets from the data store, through its index, under
// the names its service uses.
export {
  findIndicator as indicatorByCode, indicatorsOfFramework as indicatorsOf, unitTargets as targetRows,
} from '../../core/data/index.js';
