package dev.sitec.family.runbook;

import dev.sitec.family.runbook.Stage.Line;
import dev.sitec.family.terraform.TerraformRoots;
import dev.sitec.model.Cluster;
import dev.sitec.model.Image;
import dev.sitec.model.PveNode;
import dev.sitec.model.SecretRef;
import dev.sitec.model.Site;
import dev.sitec.validate.rules.RequiredSecretsDeclared;
import java.util.ArrayList;
import java.util.List;

/**
 * The stages of this site's first install, in the order a lab is built: hosts, Pis, SSH for hosts
 * installed by hand, the Proxmox play, Terraform, the rest of Ansible, Flux. Only the stages the site
 * needs, with its own names, addresses and paths in every command.
 */
final class FirstInstall {

    private FirstInstall() {
    }

    static List<Stage> of(Site site, RunbookSteps steps) {
        List<Stage> stages = new ArrayList<>();
        isos(site, steps).ifPresent(stages::add);
        if (!steps.machines().isEmpty()) {
            stages.add(new Stage(null, List.of(), "Flash and seed the Raspberry Pis",
                    "Write each Pi's image (the `images:` entry site.yaml names) to its boot medium, mount the boot\n"
                            + "partition, and write the cloud-init seed onto it:",
                    steps.machines().stream().map(m -> new Line("cloud-init/machines/" + m + "/write-seed.sh /media/$USER/system-boot",
                            m)).toList(),
                    "after its first boot, each Pi has run cloud-init to its end.",
                    steps.machines().stream().map(m -> new Line("ssh " + steps.adminUser() + "@" + site.machines().get(m).nics()
                            .stream().findFirst().flatMap(dev.sitec.model.Nic::address).map(Object::toString)
                            .orElse(site.info().fqdn(m)) + " cloud-init status", "status: done")).toList()));
        }
        List<Line> copyIds = new ArrayList<>();
        List<Line> names = new ArrayList<>();
        site.pveNodes().filter(n -> !n.installedBySitec()).forEach(n -> {
            copyIds.add(new Line("ssh-copy-id root@" + n.address(), n.name() + ": asks for root's password once"));
            names.add(new Line("ssh -o BatchMode=yes root@" + n.address() + " hostname", "prints " + n.name()));
        });
        site.backupServers().values().stream().filter(b -> !b.installedBySitec()).forEach(b -> {
            copyIds.add(new Line("ssh-copy-id root@" + b.address(), b.name() + ": asks for root's password once"));
            names.add(new Line("ssh -o BatchMode=yes root@" + b.address() + " hostname", "prints " + b.name()));
        });
        if (!copyIds.isEmpty()) {
            stages.add(new Stage("ssh", List.of(), "Let Ansible in as root on the hosts installed by hand",
                    "Ansible logs in as root with your SSH key. A host sitec installs gets it from its answer file; one\n"
                            + "installed by hand has only root's password, so give it your key once. Each host's name must be\n"
                            + "its name in site.yaml (the Proxmox play stops on a host whose hostname is another):",
                    copyIds, "each host lets you in without a password, and says its name.", names));
        }
        if (!site.clusters().isEmpty()) {
            stages.add(proxmox(site, steps));
            stages.add(terraformInit(site));
            stages.add(guests(site, steps));
        }
        stages.add(configure(steps));
        flux(site, steps).ifPresent(stages::add);
        return stages;
    }

    /**
     * The hosts the installer installs, and the Datacenter Manager's ISO: its VM is a guest, which the
     * guests stage creates and boots from the ISO it uploads from isos/ (Terraform's pdm_iso_path).
     */
    private static java.util.Optional<Stage> isos(Site site, RunbookSteps steps) {
        java.util.Optional<String> pdm = site.datacenterManager().map(dev.sitec.model.DatacenterManager::vm);
        if (steps.installers().isEmpty() && pdm.isEmpty()) {
            return java.util.Optional.empty();
        }
        List<Line> run = new ArrayList<>(steps.installers().stream().map(h -> new Line("installer/" + h.name()
                + "/prepare-iso.sh isos", h.kind() + ", writes isos/" + h.name() + "-auto.iso")).toList());
        List<Line> checks = new ArrayList<>(steps.installers().stream().map(h -> new Line("ssh root@" + h.address() + " "
                + (h.kind().equals("Proxmox VE") ? "pveversion" : "proxmox-backup-manager versions"),
                "prints its version")).toList());
        pdm.ifPresent(vm -> {
            run.add(new Line("installer/" + vm + "/prepare-iso.sh isos", "Proxmox Datacenter Manager, writes isos/" + vm
                    + "-auto.iso"));
            checks.add(new Line("test -s isos/" + vm + "-auto.iso", vm + "'s ISO, for the guests stage"));
        });
        String hosts = "For each host, build its unattended ISO and boot the machine from it (a USB stick, or the IPMI/KVM's\n"
                + "virtual media). The installer finds its answer by the machine's MAC.";
        String manager = pdm.map(vm -> "The Datacenter Manager, " + vm + ", is a VM: keep its ISO in `isos/`, where the guests"
                + " stage\nuploads it from and boots the VM with it.").orElse("");
        return java.util.Optional.of(new Stage("isos", List.of(), steps.installers().isEmpty()
                ? "Build the Datacenter Manager's ISO" : "Install the hosts from their ISOs",
                steps.installers().isEmpty() ? manager : pdm.isEmpty() ? hosts : hosts + "\n" + manager, run,
                steps.installers().isEmpty() ? "the ISO is there." : "each host answers at its address once installed"
                        + (pdm.isEmpty() ? "." : ", and the Datacenter Manager's ISO is there."), checks));
    }

    private static Stage proxmox(Site site, RunbookSteps steps) {
        boolean joins = site.clusters().values().stream().anyMatch(c -> c.nodes().size() > 1);
        String tokens = site.clusters().values().stream().map(c -> "`" + TerraformRoots.tokenFile(site, c) + "`")
                .reduce((a, b) -> a + ", " + b).orElse("");
        return new Stage("proxmox", List.of(), "Prepare the Proxmox VE nodes"
                + (site.backupServers().isEmpty() ? "" : " and backup servers") + " (Ansible)",
                "Repositories, IOMMU and VFIO for passed-through devices, " + (joins ? "the cluster join, " : "")
                        + "the `snippets` and `import`\ncontent types Terraform needs, and Terraform's API token"
                        + (joins ? ". Joining a node needs the first node's root password in `PROXMOX_ROOT_PASSWORD`." : ".")
                        + "\nThe play writes each cluster's token, once, to a file only you can read: " + tokens + ".",
                proxmoxRun(site),
                "every node is in its cluster, and the token file is there.",
                checksOfProxmox(site));
    }

    /**
     * The Proxmox play, then the backup servers' play: it writes each server's fingerprint into the
     * cluster roots (pbs.auto.tfvars.json), which Terraform's backup storage needs at its first apply.
     */
    private static List<Line> proxmoxRun(Site site) {
        List<Line> run = new ArrayList<>(List.of(new Line("ansible-galaxy collection install -r ansible/requirements.yml",
                "the collections the roles use, at the versions the tree was checked with"),
                Line.of("(cd ansible && ansible-playbook playbooks/proxmox.yml)")));
        if (!site.backupServers().isEmpty()) {
            run.add(new Line("(cd ansible && ansible-playbook playbooks/pbs.yml)", "the backup servers, and their fingerprints for Terraform"));
        }
        return run;
    }

    private static List<Line> checksOfProxmox(Site site) {
        List<Line> checks = new ArrayList<>();
        for (Cluster c : site.clusters().values()) {
            PveNode first = c.firstNode();
            if (c.nodes().size() > 1) {
                checks.add(new Line("ssh root@" + first.address() + " pvecm status | grep Quorate",
                        "cluster " + c.name() + ": \"Quorate: Yes\""));
            }
            checks.add(new Line("test -s " + TerraformRoots.tokenFile(site, c), "cluster " + c.name() + "'s Terraform token"));
        }
        return checks;
    }

    private static Stage terraformInit(Site site) {
        boolean local = TerraformRoots.localState(site);
        List<Line> inits = site.clusters().values().stream().map(c -> Line.of(TerraformRoots.init(site, c))).toList();
        return new Stage("init", List.of(), "Initialise Terraform",
                local ? "Each cluster's state is kept outside this folder, in your state folder, so that generating again (or\n"
                        + "renaming the folder) never strands it; `init` says where, and installs the provider:"
                        : "Each cluster's state is kept in the backend site.yaml names; `init` connects to it and installs the provider:",
                inits, "every root is initialised.", site.clusters().values().stream()
                        .map(c -> Line.of("test -d " + TerraformRoots.root(c) + "/.terraform")).toList());
    }

    private static Stage guests(Site site, RunbookSteps steps) {
        List<Line> run = new ArrayList<>();
        List<Line> checks = new ArrayList<>();
        for (Cluster c : site.clusters().values()) {
            List<String> exports = TerraformRoots.secretExports(site, c);
            exports.forEach(line -> run.add(new Line(line, line.contains("API_TOKEN") ? "cluster " + c.name() + "'s token" : null)));
            // The template VMs the cluster's VMs are cloned from exist before the apply (sitec never makes one).
            templatesUsed(site, c).forEach(image -> {
                Image.Template t = image.template().orElseThrow();
                run.add(new Line("ssh root@" + site.expectNode(t.node()).address() + " qm config " + t.vmId()
                        + " | grep -qx 'template: 1'", "template " + image.name() + " is there, to clone from"));
            });
            run.add(Line.of("terraform -chdir=" + TerraformRoots.root(c) + " apply"));
            checks.add(new Line("(" + String.join("; ", exports) + "; terraform -chdir=" + TerraformRoots.root(c)
                    + " plan -input=false -detailed-exitcode)", "exit 0: nothing left to do"));
        }
        StringBuilder intro = new StringBuilder("Terraform reads each cluster's API token from `PROXMOX_VE_API_TOKEN`: here, from the"
                + " file the Proxmox play\nwrote, unless you give it yourself in `PROXMOX_VE_API_TOKEN_<CLUSTER>`. First,"
                + " `sitec doctor` (run beside\nsite.yaml) checks the token, its privileges and each node's datastores, and says"
                + " what to run for anything missing.");
        List<Image> templates = site.clusters().values().stream().flatMap(c -> templatesUsed(site, c).stream()).toList();
        if (!templates.isEmpty()) {
            intro.append("\n\nSome VMs are clones of template VMs that must exist before `apply` (sitec never\nmakes one): ")
                    .append(templates.stream().map(i -> i.name() + " (VM " + i.template().orElseThrow().vmId() + " on "
                            + i.template().orElseThrow().node() + ")").collect(java.util.stream.Collectors.joining(", ")))
                    .append(".\nThe lines before `apply` check that each is there and is a template.");
        }
        for (RunbookSteps.ProxmoxCluster c : steps.clusters()) {
            if (!c.adopted().isEmpty()) {
                intro.append("\n\nThe first `apply` imports the guests of ").append(c.name()).append(" that exist already: ")
                        .append(String.join(", ", c.adopted())).append(". Read its plan before you answer yes: it may change\n"
                                + "them in place, never replace or delete one. If it would, stop and correct the site.");
            }
        }
        return new Stage("guests", List.of("init"), "Create the guests (Terraform)", intro.toString(), run,
                "a second plan finds nothing to do.", checks);
    }

    /** The template images the cluster's VMs are cloned from (adopted VMs are not cloned), by name. */
    static List<Image> templatesUsed(Site site, Cluster cluster) {
        return site.vms().values().stream().filter(vm -> cluster.nodes().containsKey(vm.node()) && !vm.existing())
                .map(vm -> site.imageOf(vm).orElse(null)).filter(i -> i != null && i.isTemplate()).distinct()
                .sorted(java.util.Comparator.comparing(Image::name)).toList();
    }

    private static Stage configure(RunbookSteps steps) {
        List<Line> checks = new ArrayList<>();
        steps.k3s().forEach(k -> checks.add(new Line("ssh " + steps.adminUser() + "@" + k.firstAddress()
                + " sudo k3s kubectl get nodes", "cluster " + k.name() + ": every node Ready")));
        // Without Flux, K3s's Helm controller installs the charts: one helm-install-<chart> Job each.
        steps.k3s().stream().filter(k -> !k.flux()).forEach(k -> checks.add(new Line("ssh " + steps.adminUser() + "@"
                + k.firstAddress() + " sudo k3s kubectl get jobs -n kube-system",
                "cluster " + k.name() + ": each helm-install-<chart> Job Complete")));
        steps.backups().forEach(b -> checks.add(new Line("ssh root@" + b.address() + " proxmox-backup-manager datastore list",
                b.name() + "'s datastores")));
        String what = (steps.backups().isEmpty() ? "" : "The backup servers' datastores, ") + (steps.backups().isEmpty()
                ? "The guests' users and keys" : "the guests' users and keys")
                + k3sClusters(steps) + ":";
        return new Stage("configure", List.of(), "Configure everything else (Ansible)", what,
                List.of(Line.of("(cd ansible && ansible-playbook site.yml)")),
                "the play recap shows `failed=0` for every host.", checks);
    }

    /** ", and K3s (cluster a)" or ", and K3s (clusters a and b)"; nothing without K3s. */
    private static String k3sClusters(RunbookSteps steps) {
        List<String> names = steps.k3s().stream().map(RunbookSteps.K3s::name).toList();
        if (names.isEmpty()) {
            return "";
        }
        if (names.size() == 1) {
            return ", and K3s (cluster " + names.get(0) + ")";
        }
        return ", and K3s (clusters " + String.join(", ", names.subList(0, names.size() - 1)) + " and "
                + names.get(names.size() - 1) + ")";
    }

    /** Where the Flux clusters read sitec's Flux tree in their repository. */
    private static String trees(Site site) {
        return site.kubernetes().values().stream().flatMap(k -> k.flux().stream()).map(f -> f.tree() + "/")
                .distinct().sorted().collect(java.util.stream.Collectors.joining("`, `"));
    }

    private static java.util.Optional<Stage> flux(Site site, RunbookSteps steps) {
        List<RunbookSteps.K3s> delivered = steps.k3s().stream().filter(RunbookSteps.K3s::flux).toList();
        if (delivered.isEmpty()) {
            return java.util.Optional.empty();
        }
        boolean deployKey = site.kubernetes().values().stream()
                .anyMatch(k -> k.flux().filter(dev.sitec.model.Kubernetes.Flux::needsDeployKey).isPresent());
        SecretRef key = site.secrets().get(RequiredSecretsDeclared.FLUX_DEPLOY_KEY);
        String keyNote = !deployKey || key == null ? "" : "Flux reads the repository over SSH with the deploy key "
                + (key.source() == SecretRef.Source.FILE ? "`" + key.reference() + "`" : "in `" + key.reference() + "`")
                + ": add its public half" + (key.source() == SecretRef.Source.FILE ? " (`" + key.reference() + ".pub`)" : "")
                + " to the repository on the Git host as a read-only deploy key before you push. ";
        // A cluster whose Flux runs from its owner's tree reads sitec's folder once that tree lists it.
        String include = site.kubernetes().values().stream()
                .flatMap(k -> k.flux().filter(f -> !f.bootstrap()).map(f -> "\n\nCluster " + k.name() + "'s Flux runs from"
                        + " your own tree: in the same commit, copy `" + dev.sitec.family.flux.FluxFamily.entry(k)
                        + "` into the folder\nyour `flux-system` Kustomization syncs (it syncs `" + f.syncPath() + "` from the"
                        + " repository your\nbootstrap's `flux-system` GitRepository reads).")
                        .stream())
                .collect(java.util.stream.Collectors.joining());
        return java.util.Optional.of(new Stage(null, List.of(), "Let Flux deliver the apps",
                keyNote + "Commit and push this folder's `flux/` to the repository site.yaml names; Flux reconciles it."
                        + " Flux reads it at `" + trees(site) + "` from the repository's root, so that root is the\nfolder that"
                        + " holds `site.yaml` (generate warns when the tree is written elsewhere; `flux.tree` says where\nit is"
                        + " when the repository is laid out otherwise)." + include,
                List.of(Line.of("git add flux && git commit -m 'Flux: the apps of site.yaml' && git push")),
                "each cluster's Kustomizations are ready.",
                delivered.stream().map(k -> new Line("ssh " + steps.adminUser() + "@" + k.firstAddress()
                        + " sudo k3s kubectl get kustomizations -n flux-system", "cluster " + k.name() + ": READY True")).toList()));
    }
}
