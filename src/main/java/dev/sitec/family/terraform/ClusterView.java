package dev.sitec.family.terraform;

import java.util.List;

/**
 * Everything a cluster's Terraform root lays out. {@code pciMappingsByName} are the PCI mappings the
 * cluster has, adopted without an address: sitec cannot say their map, so it leaves them as they are,
 * and its VMs use them by name.
 */
public record ClusterView(String name, String endpoint, String providerVersion, List<Node> nodes,
                          List<Download> downloads, List<Upload> uploads, List<PciMapping> pciMappings,
                          List<String> pciMappingsByName,
                          List<Vnet> vnets, String sdnZone, String sdnBridge, int sdnMtu, List<Pool> pools,
                          List<VmView> vms, List<ContainerView> containers, List<Backup> backups, Backend backend,
                          List<String> applyLines, String domain, List<String> sshKeys,
                          String containerPool) {

    /** True when some network is tagged: the cluster gets the SDN zone and its vnets. */
    public boolean hasSdn() {
        return !vnets.isEmpty();
    }

    /** A node and the address Terraform's SSH reaches it on. */
    public record Node(String name, String address) {
    }

    /**
     * An image downloaded by a node: a cloud image to import, or an installer ISO; a compressed ISO
     * is decompressed by PVE ({@code decompression} the provider's algorithm name) into {@code fileName}.
     */
    public record Download(String key, String node, String contentType, String url, String fileName,
                           String checksum, String checksumAlgorithm, String decompression) {
    }

    /** An ISO prepared locally (the PDM installer) and uploaded to a node. */
    public record Upload(String key, String node, String variable, String defaultPath, String description) {
    }

    /** A cluster-wide PCI mapping of one node's device. */
    public record PciMapping(String name, String comment, String node, String id, String path, String subsystemId,
                             Integer iommuGroup, boolean existing) {
    }

    /** An SDN vnet carrying one tagged network's VLAN. */
    public record Vnet(String id, String network, int tag) {
    }

    /** A resource pool. */
    public record Pool(String id, String comment) {
    }

    /** A backup server as PVE storage, and the job that backs pets up to it. */
    public record Backup(String storageId, String server, String datastore, String username, String schedule,
                         List<String> vmIds, List<Prune> prune) {
    }

    /** One prune setting, as PVE names it (keep-last, keep-daily, …). */
    public record Prune(String key, int value) {
    }

    /** The state backend; null members mean local state. */
    public record Backend(String pgSchema, String s3Bucket, String s3Key, String s3Region, String s3Endpoint) {
    }
}
