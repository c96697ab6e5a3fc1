// The device simulator (issue 15): deterministic readings of light traps and salinity stations for demos and
// benchmarks, from the parameters in data/demo/simulation.json.
export { simulationParams } from './params.js';
export type { SimulationParams } from './params.js';
export { readingAt, simulate, SIMULATED_KINDS, stationProfile, STEP_MS } from './series.js';
export type { SimulatedDevice, SimulatedKind, Telemetry } from './series.js';
export { nightOf, nightTotal } from './light-trap.js';
export { seasonEnvelope, tide } from './salinity.js';
export { seedOf } from './random.js';
export { loadDemoDevices, readDemoDevices, demoSimulated } from './demo-season.js';
export type { DemoDevices } from './demo-season.js';
export { simulatorFleet } from './fleet.js';
export type { FleetDevice } from './fleet.js';
