---
instance-id: "[=v.instanceId]"
local-hostname: "[=v.hostname]"
