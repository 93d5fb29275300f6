package dev.sitec.family.terraform;

import dev.sitec.model.Cluster;
import dev.sitec.model.Container;
import dev.sitec.model.SecretRef;
import dev.sitec.model.Site;
import dev.sitec.model.Vm;
import dev.sitec.validate.rules.RequiredSecretsDeclared;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Where things are in the generated Terraform, and what a root needs from the shell that runs it:
 * each cluster's root folder, its state file, the lines that give it its secrets, and each guest's
 * resource address (one module instance per guest, keyed by name; a pet's resource is the protected
 * twin). Spelled here only: the runbook, the Makefile, the roots' READMEs and `explain` name them
 * through this class.
 */
public final class TerraformRoots {

    private TerraformRoots() {
    }

    /** A cluster's root, relative to the generated folder. */
    public static String root(Cluster cluster) {
        return root(cluster.name());
    }

    public static String root(String cluster) {
        return "terraform/clusters/" + cluster;
    }

    public static String address(Vm vm) {
        return "module.vm[\"" + vm.name() + "\"].proxmox_virtual_environment_vm." + (vm.isProtected() ? "pet" : "cattle") + "[0]";
    }

    public static String address(Container ct) {
        return "module.container[\"" + ct.name() + "\"].proxmox_virtual_environment_container."
                + (ct.isProtected() ? "pet" : "cattle") + "[0]";
    }

    /** Whether the site keeps state on the machine that applies (no pg or s3 backend). */
    public static boolean localState(Site site) {
        return site.terraform().pg().isEmpty() && site.terraform().s3().isEmpty();
    }

    /**
     * Where a cluster's local state lives: in the user's state folder, outside the generated tree
     * (which is rewritten, and committed), named by site and cluster. In shell syntax.
     */
    public static String statePath(Site site, Cluster cluster) {
        return "${XDG_STATE_HOME:-$HOME/.local/state}/sitec/" + site.info().name() + "/" + cluster.name() + ".tfstate";
    }

    /** `terraform init` of a root, given its state path when the state is local. */
    public static String init(Site site, Cluster cluster) {
        return "terraform -chdir=" + root(cluster) + " init"
                + (localState(site) ? " -backend-config=\"path=" + statePath(site, cluster) + "\"" : "");
    }

    /** Where the Ansible proxmox play writes a cluster's Terraform API token, on the controller (mode 0600). */
    public static String tokenFile(Site site, Cluster cluster) {
        return "~/.config/sitec/" + site.info().name() + "/" + cluster.name() + "-api-token";
    }

    /**
     * The lines that give a root its secrets before a command on it: the API token from where the site
     * says it comes from (by default the file the proxmox play wrote, unless the person sets
     * PROXMOX_VE_API_TOKEN_CLUSTER), and the PBS password the backup storage needs.
     */
    public static List<String> secretExports(Site site, Cluster cluster) {
        List<String> lines = new ArrayList<>();
        lines.add("export PROXMOX_VE_API_TOKEN=" + tokenSource(site, cluster));
        if (site.backupServers().values().stream().anyMatch(b -> b.clusters().contains(cluster.name()))) {
            SecretRef pbs = site.secrets().get(RequiredSecretsDeclared.PBS_PASSWORD);
            if (pbs != null) {
                lines.add("export TF_VAR_pbs_password=" + shellValue(pbs));
            }
        }
        return lines;
    }

    /**
     * Where a cluster's token comes from, first found first: by default the person's own
     * PROXMOX_VE_API_TOKEN_CLUSTER, else the file the proxmox play wrote; else what the site's secret names.
     */
    public static List<SecretRef> tokenOrigins(Site site, Cluster cluster) {
        SecretRef ref = site.secrets().get(RequiredSecretsDeclared.PROXMOX_API_TOKEN);
        if (ref == null || ref.source() == SecretRef.Source.ENV && ref.reference().equals("PROXMOX_VE_API_TOKEN")) {
            return List.of(new SecretRef(RequiredSecretsDeclared.PROXMOX_API_TOKEN, SecretRef.Source.ENV,
                            "PROXMOX_VE_API_TOKEN_" + cluster.name().toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_")),
                    new SecretRef(RequiredSecretsDeclared.PROXMOX_API_TOKEN, SecretRef.Source.FILE, tokenFile(site, cluster)));
        }
        return List.of(ref);
    }

    /** The token as the shell reads it, from {@link #tokenOrigins}. */
    public static String tokenSource(Site site, Cluster cluster) {
        List<SecretRef> origins = tokenOrigins(site, cluster);
        if (origins.size() == 2) {
            return "\"${" + origins.get(0).reference() + ":-$(cat " + origins.get(1).reference() + ")}\"";
        }
        return shellValue(origins.get(0));
    }

    private static String shellValue(SecretRef ref) {
        return ref.source() == SecretRef.Source.ENV ? "\"$" + ref.reference() + "\"" : "\"$(cat " + ref.reference() + ")\"";
    }
}
