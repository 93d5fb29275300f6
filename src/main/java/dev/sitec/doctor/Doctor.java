package dev.sitec.doctor;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sitec.adopt.HttpPveApi;
import dev.sitec.adopt.PveApi;
import dev.sitec.adopt.PveApiException;
import dev.sitec.family.ansible.ApiPrivileges;
import dev.sitec.family.ansible.GuestSettings;
import dev.sitec.family.terraform.TerraformRoots;
import dev.sitec.model.Cluster;
import dev.sitec.model.Device;
import dev.sitec.model.Image;
import dev.sitec.model.Kubernetes;
import dev.sitec.model.PveNode;
import dev.sitec.model.SecretRef;
import dev.sitec.model.Site;
import dev.sitec.model.Vm;
import dev.sitec.validate.rules.RequiredSecretsDeclared;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Function;
import javax.net.ssl.SSLContext;

/**
 * The checks, in the order a first install needs them: root's SSH key on each host and its name
 * (Ansible logs in as root; the Proxmox play stops on a host whose name is another), Terraform's
 * token and its privileges (what the proxmox play gave its role), the datastores each node's guests
 * use, and the Flux deploy key. Each check says what it found and, failed, what to run.
 */
public final class Doctor {

    private final Site site;
    private final Map<String, String> environment;
    private final Commands commands;
    private final SSLContext tls;
    private final Function<Cluster, URI> api;

    /** @param api where each cluster's API is reached (by default its endpoint in the site) */
    public Doctor(Site site, Map<String, String> environment, Commands commands, SSLContext tls,
                  Function<Cluster, URI> api) {
        this.site = site;
        this.environment = environment;
        this.commands = commands;
        this.tls = tls;
        this.api = api;
    }

    public List<Finding> run() {
        List<Finding> findings = new ArrayList<>();
        site.pveNodes().forEach(n -> findings.add(ssh(n.name(), n.address().toString())));
        site.backupServers().values().forEach(b -> findings.add(ssh(b.name(), b.address().toString())));
        for (Cluster cluster : site.clusters().values()) {
            findings.addAll(cluster(cluster));
        }
        for (Kubernetes k : site.kubernetes().values()) {
            k.flux().filter(Kubernetes.Flux::needsDeployKey).ifPresent(f -> findings.add(deployKey(k.name(), f)));
        }
        return findings;
    }

    /** Root's key works without a password, and the host says the name the site gives it. */
    private Finding ssh(String name, String address) {
        String subject = "ssh root@" + address;
        Commands.Result result = commands.run(List.of("ssh", "-o", "BatchMode=yes", "-o", "ConnectTimeout=5", "root@" + address,
                "hostname"), Map.of());
        if (!result.ok() && result.out().contains("Permission denied")) {
            return Finding.fail(subject, "root cannot log in without a password: " + reason(result.out()),
                    "ssh-copy-id root@" + address + " (and accept the host's key once: ssh root@" + address + ")");
        }
        if (!result.ok()) {
            return Finding.fail(subject, "no SSH session: " + reason(result.out()),
                    "check that the host is up at " + address + " (the address site.yaml gives it) and that sshd runs");
        }
        String hostname = result.out().lines().reduce((a, b) -> b).orElse("").strip();
        String shortName = hostname.contains(".") ? hostname.substring(0, hostname.indexOf('.')) : hostname;
        if (!shortName.equals(name)) {
            return Finding.fail(subject, "the host is called " + hostname + ", but the site names it " + name,
                    "rename it in site.yaml, or on the host (a PVE node's name is part of its cluster: rename it before it joins)");
        }
        return Finding.ok(subject, "logs in as root; hostname " + hostname);
    }

    private List<Finding> cluster(Cluster cluster) {
        String subject = "cluster " + cluster.name();
        Optional<String> token = token(cluster);
        if (token.isEmpty()) {
            return List.of(Finding.fail(subject, "no API token: " + TerraformRoots.tokenOrigins(site, cluster).stream()
                    .map(o -> o.source() == SecretRef.Source.ENV ? "$" + o.reference() + " is not set" : o.reference() + " is missing")
                    .reduce((a, b) -> a + ", " + b).orElse(""),
                    "run the proxmox stage first (make proxmox): it creates the token and writes it to "
                            + TerraformRoots.tokenFile(site, cluster)));
        }
        URI base = api.apply(cluster);
        PveApi pve = new HttpPveApi(base, token.get(), "the token of cluster " + cluster.name(), tls);
        List<Finding> findings = new ArrayList<>();
        try {
            // every path the token has privileges on; "/" is always among them (pve-access-control,
            // PVE::RPCEnvironment::get_effective_permissions)
            JsonNode permissions = pve.get("access/permissions");
            TreeSet<String> missing = new TreeSet<>(ApiPrivileges.TERRAFORM);
            permissions.path("/").fieldNames().forEachRemaining(missing::remove);
            if (missing.isEmpty()) {
                findings.add(Finding.ok(subject, "the token works at " + base + " and holds the " + ApiPrivileges.TERRAFORM.size()
                        + " privileges Terraform needs"));
            } else {
                findings.add(Finding.fail(subject, "the token lacks " + String.join(", ", missing) + " on /",
                        "run the proxmox stage again (make proxmox): it brings the role's privileges up to date"));
            }
            for (PveNode node : cluster.nodes().values()) {
                findings.add(storages(pve, node));
            }
            for (Image image : site.images().values()) {
                if (image.template().filter(t -> cluster.nodes().containsKey(t.node())).isPresent()) {
                    findings.add(template(pve, image));
                }
            }
            for (PveNode node : cluster.nodes().values()) {
                for (Device device : node.devices().values()) {
                    if (device.type() == Device.Type.PCI && device.existing() && device.pciAddress().isEmpty()) {
                        findings.add(mapping(pve, device));
                    }
                }
            }
        } catch (PveApiException e) {
            findings.add(Finding.fail(subject, e.getMessage(), e.hint()));
        }
        return findings;
    }

    /** The datastores the node's guests use exist there and are active. */
    private Finding storages(PveApi pve, PveNode node) throws PveApiException {
        String subject = "node " + node.name();
        List<String> needed = GuestSettings.datastores(site, node);
        if (needed.isEmpty()) {
            return Finding.skip(subject, "runs no guests: no datastore to check");
        }
        JsonNode storages = pve.get("nodes/" + node.name() + "/storage");
        TreeSet<String> active = new TreeSet<>();
        storages.forEach(s -> {
            if (s.path("active").asInt() == 1 && s.path("enabled").asInt(1) == 1) {
                active.add(s.path("storage").asText());
            }
        });
        List<String> missing = needed.stream().filter(d -> !active.contains(d)).toList();
        return missing.isEmpty() ? Finding.ok(subject, "has its guests' datastores: " + String.join(", ", needed))
                : Finding.fail(subject, "lacks active datastores " + String.join(", ", missing),
                        "add them (pvesm add, or the GUI's Datacenter > Storage), or name the node's datastore in site.yaml");
    }

    /** The template VM a VM is cloned from exists on its node and is a template (qemu-server clone_vm clones it). */
    private Finding template(PveApi pve, Image image) throws PveApiException {
        Image.Template t = image.template().orElseThrow();
        String subject = "image " + image.name();
        JsonNode config;
        try {
            config = pve.get("nodes/" + t.node() + "/qemu/" + t.vmId() + "/config");
        } catch (PveApiException e) {
            return Finding.fail(subject, "no VM " + t.vmId() + " on " + t.node() + ": " + e.getMessage(),
                    "make the template there (qm template " + t.vmId() + " once the VM is ready), or correct vm_id and node");
        }
        if (config.path("template").asInt() != 1) {
            return Finding.fail(subject, "VM " + t.vmId() + " on " + t.node() + " is not a template",
                    "turn it into one (qm template " + t.vmId() + "), or name the template's own VMID");
        }
        // A clone keeps the template's disks and gets an empty one on a slot the template lacks
        // (bpg/proxmox resource/vm/disk/disk.go UpdateClone): its boot disk must be the template's.
        for (Vm vm : site.vms().values()) {
            if (vm.existing() || site.imageOf(vm).filter(image::equals).isEmpty()) {
                continue;
            }
            String slot = vm.disks().get(0).slot();
            if (!config.has(slot)) {
                return Finding.fail(subject, "template VM " + t.vmId() + " has no " + slot + ", which " + vm.name()
                        + " boots from: the clone would get an empty " + slot + " beside the template's disk",
                        "give " + vm.name() + "'s first disk the template's slot (disks: [{ interface: ..., size_gib: ... }])");
            }
            // UpdateClone grows a disk, never shrinks one: "requested size ... is lower than current size".
            for (dev.sitec.model.VmDisk disk : vm.disks()) {
                long templateGib = sizeGib(config.path(disk.slot()).asText(""));
                if (templateGib > disk.sizeGib()) {
                    return Finding.fail(subject, "template VM " + t.vmId() + "'s " + disk.slot() + " is " + templateGib
                            + " GiB, more than the " + disk.sizeGib() + " GiB " + vm.name() + " asks: the provider never"
                            + " shrinks a clone's disk", "give " + vm.name() + "'s " + disk.slot() + " at least " + templateGib
                            + " GiB (size_gib)");
                }
            }
            // A clone made on another node than a template on local storage is cloned there and migrated,
            // and PVE refuses to migrate a VM with a local CD-ROM image (QemuMigrate.pm, "local cdrom image").
            if (!vm.node().equals(t.node()) && !t.shared()) {
                for (var field : (Iterable<Map.Entry<String, JsonNode>>) config::fields) {
                    String value = field.getValue().asText("");
                    if (field.getKey().matches("(ide|sata|scsi)\\d+") && value.contains("media=cdrom")
                            && value.startsWith("local:") && !value.contains("cloudinit")) {
                        return Finding.fail(subject, "template VM " + t.vmId() + " has " + value.split(",")[0] + " in its "
                                + field.getKey() + ": " + vm.name() + " is cloned on " + t.node() + " and migrated to "
                                + vm.node() + ", and PVE does not migrate a local CD-ROM image", "eject it: qm set "
                                + t.vmId() + " --" + field.getKey() + " none,media=cdrom");
                    }
                }
            }
        }
        // The provider refuses to change a clone's EFI disk type (vm.go vmCreateClone), and the module asks 4m.
        if (image.uefi() && config.has("efidisk0") && !config.path("efidisk0").asText().contains("efitype=4m")) {
            return Finding.fail(subject, "template VM " + t.vmId() + "'s EFI disk is not efitype=4m: the provider"
                    + " refuses to clone it into the 4m EFI disk its clones have", "make the template with a 4m EFI disk"
                    + " (qm set " + t.vmId() + " --efidisk0 STORAGE:1,efitype=4m,pre-enrolled-keys=1 before qm template)");
        }
        return Finding.ok(subject, "template VM " + t.vmId() + " is on " + t.node());
    }

    /** A drive's size from its PVE config line (size=32G, 512M, 1T), in whole GiB rounded up; 0 without one. */
    private static long sizeGib(String drive) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?:^|,)size=(\\d+)([KMGT]?)").matcher(drive);
        if (!m.find()) {
            return 0;
        }
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "T" -> n * 1024;
            case "G" -> n;
            case "M" -> (n + 1023) / 1024;
            case "K" -> (n + 1024 * 1024 - 1) / (1024 * 1024);
            default -> (n + (1L << 30) - 1) >> 30;
        };
    }

    /**
     * A mapping adopted without an address is used by name: PVE finds the device through the mapping's
     * entry for the VM's node, and refuses to start the VM without one (qemu-server PCI.pm, "PCI device
     * mapping not found").
     */
    private Finding mapping(PveApi pve, Device device) throws PveApiException {
        String subject = "mapping " + device.name();
        JsonNode config;
        try {
            config = pve.get("cluster/mapping/pci/" + device.name());
        } catch (PveApiException e) {
            return Finding.fail(subject, "no PCI mapping " + device.name() + " in the cluster: " + e.getMessage(),
                    "make it (Datacenter > Resource Mappings), or give the device its address in site.yaml");
        }
        for (JsonNode entry : config.path("map")) {
            Map<String, String> keys = new java.util.HashMap<>();
            for (String pair : entry.asText().split(",")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    keys.put(pair.substring(0, eq).strip(), pair.substring(eq + 1).strip());
                }
            }
            if (device.node().equals(keys.get("node"))) {
                return device.id().equalsIgnoreCase(keys.getOrDefault("id", ""))
                        ? Finding.ok(subject, "maps " + device.id() + " on " + device.node())
                        : Finding.fail(subject, "maps " + keys.getOrDefault("id", "no id") + " on " + device.node()
                                + ", not the " + device.id() + " site.yaml names", "correct the device's id in site.yaml, or the mapping");
            }
        }
        return Finding.fail(subject, "has no entry for " + device.node() + ", where site.yaml passes it through",
                "add " + device.node() + "'s device to the mapping (Datacenter > Resource Mappings)");
    }

    /** Flux reads its repository with the deploy key: the Git host must accept it. */
    private Finding deployKey(String cluster, Kubernetes.Flux flux) {
        String subject = "flux of " + cluster;
        SecretRef key = site.secrets().get(RequiredSecretsDeclared.FLUX_DEPLOY_KEY);
        if (key == null || key.source() != SecretRef.Source.FILE) {
            return Finding.skip(subject, "the deploy key is not a file here; check by hand that the Git host accepts it");
        }
        String file = home(key.reference());
        Commands.Result result = commands.run(List.of("git", "ls-remote", flux.repository(), "HEAD"),
                Map.of("GIT_SSH_COMMAND", "ssh -i " + file + " -o IdentitiesOnly=yes -o BatchMode=yes"));
        return result.ok() ? Finding.ok(subject, flux.repository() + " accepts the deploy key " + key.reference())
                : Finding.fail(subject, flux.repository() + " refuses the deploy key " + key.reference() + ": " + reason(result.out()),
                        "add " + key.reference() + ".pub to the repository on the Git host as a read-only deploy key");
    }

    /** The token, from where the runbook reads it, first found first. */
    private Optional<String> token(Cluster cluster) {
        for (SecretRef origin : TerraformRoots.tokenOrigins(site, cluster)) {
            if (origin.source() == SecretRef.Source.ENV) {
                String value = environment.get(origin.reference());
                if (value != null && !value.isBlank()) {
                    return Optional.of(value.strip());
                }
            } else {
                try {
                    Path file = Path.of(home(origin.reference()));
                    if (Files.isRegularFile(file) && Files.size(file) < 4096) {
                        return Optional.of(Files.readString(file, StandardCharsets.UTF_8).strip());
                    }
                } catch (IOException | RuntimeException e) {
                    // unreadable: as if it were not there, which the finding says
                }
            }
        }
        return Optional.empty();
    }

    private String home(String path) {
        return path.startsWith("~/") ? environment.getOrDefault("HOME", System.getProperty("user.home")) + path.substring(1) : path;
    }

    /** What went wrong, in the tool's words: its first line that is not a warning (ssh's and git's come first). */
    private static String reason(String text) {
        return text.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("Warning:")).findFirst()
                .orElse("no output");
    }
}
