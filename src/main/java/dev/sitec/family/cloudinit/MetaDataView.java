package dev.sitec.family.cloudinit;

/** NoCloud meta-data: an instance-id that stays the same for the host, and its hostname. */
public record MetaDataView(String instanceId, String hostname) {
}
