// Field devices (issue 15): a registry of light traps, salinity and weather stations of configurable kinds, their
// credentials (ThingsBoard-style access tokens, self-provisioning), and their telemetry over MQTT (an embedded broker,
// or a real one through MQTT_URL) and HTTP, stored by (device, key, time) in monthly partitions with hourly and daily
// aggregates (prepared ahead, and dropped past TELEMETRY_RETENTION_MONTHS, by devices.maintain); their client-side
// attributes; gateways speaking for the devices behind them (ThingsBoard's gateway API). The only reader and writer of
// device_kind, device, telemetry, telemetry_hourly, telemetry_daily and telemetry_nightly.
// The public surface: other modules import this file only (see docs/architecture.md).
export { DEVICE_POLICY, deviceStatus } from './policy.js';
export { loadDeviceKinds } from './reference.js';
export { deviceRoutes } from './routes.js';
export { createDevice } from './service.js';
export type { DeviceView } from './schema.js';
export { startDeviceTransport, writerFor } from './transport.js';
export type { DeviceTransport } from './transport.js';
export { sharedTopic, sharedTopics, subscribeToBroker } from './subscriber.js';
export { deviceJobs, maintainTelemetry } from './maintain.js';
export { startEmbeddedBroker } from './broker.js';
export { dayExtremes, devicesOfKinds, lastReadings, NIGHT_HOURS_VN, nightTotals, storeReadings } from './aggregates.js';
export type { DayExtreme, NightTotal, PlacedDevice } from './aggregates.js';
export { demoSimulated, loadDemoDevices, readDemoDevices, readingAt, seedOf, simulate, simulationParams, simulatorFleet, SIMULATED_KINDS, stationProfile, STEP_MS } from './simulation/index.js';
export type { DemoDevices, FleetDevice, SimulatedDevice, SimulatedKind, SimulationParams, Telemetry } from './simulation/index.js';
