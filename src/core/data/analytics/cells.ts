import type { Period } from '../periods/index.js';

export interface IndicatorDefinition {
  code: string;
  numerator: string;
  denominator: string;
  factor: number;
}

export interface Cell {
  unitId: number;
  period: Period;
}
