-- Gateways (ThingsBoard's Gateway MQTT API, issue 15): a gateway device speaks for the devices behind it, which the
-- platform registers on first sight under it. A child keeps the gateway that made it, so that no gateway writes for a
-- device it did not bring. A gateway is a device of kind GATEWAY, or one an administrator marks ("gateway": true in
-- its attributes).
ALTER TABLE device ADD COLUMN gateway_id bigint REFERENCES device (id) ON DELETE SET NULL;
CREATE INDEX device_gateway ON device (gateway_id);

INSERT INTO device_kind (code, name_vi, name_en, keys, interval_seconds, sort)
VALUES ('GATEWAY', 'Cổng kết nối thiết bị', 'Device gateway',
  '[{"key":"battery","nameVi":"Pin","nameEn":"Battery","unit":"%"},{"key":"temperature","nameVi":"Nhiệt độ","nameEn":"Temperature","unit":"°C"}]',
  300, 100)
ON CONFLICT (code) DO NOTHING;
