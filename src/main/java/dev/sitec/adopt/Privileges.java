package dev.sitec.adopt;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The privileges import needs, by the API paths it reads (pve-manager's API description, the
 * "permissions" of each GET). Several lists filter silently rather than refuse: without VM.Audit,
 * GET /cluster/resources lists no guests at all. So the token's own privileges are checked first
 * (GET /access/permissions, which every token may call), and a missing one is named.
 */
final class Privileges {

    /** One privilege on one ACL path, and what import reads with it. */
    record Needed(String privilege, String aclPath, String purpose) {
    }

    static final List<Needed> NEEDED = List.of(
            new Needed("Sys.Audit", "/", "the cluster, its nodes, their networks, HA and backup jobs"),
            new Needed("VM.Audit", "/vms", "the VMs and containers and their configurations"),
            new Needed("Datastore.Audit", "/storage", "the storages"));

    static final String GRANT_HINT = "give the token the PVEAuditor role on / (read-only): pveum acl modify / --tokens"
            + " 'USER@REALM!TOKEN' --roles PVEAuditor";

    private Privileges() {
    }

    /** The needed privileges the token lacks, given GET /access/permissions (privileges by ACL path). */
    static List<Needed> missing(JsonNode permissions) {
        List<Needed> missing = new ArrayList<>();
        for (Needed needed : NEEDED) {
            if (!holds(permissions, needed.privilege(), needed.aclPath())) {
                missing.add(needed);
            }
        }
        return missing;
    }

    /** Whether the privilege is granted on the path or on a path above it (ACLs propagate down). */
    private static boolean holds(JsonNode permissions, String privilege, String aclPath) {
        String path = aclPath;
        while (true) {
            if (permissions.path(path).path(privilege).asInt(0) == 1) {
                return true;
            }
            if (path.equals("/")) {
                return false;
            }
            int slash = path.lastIndexOf('/');
            path = slash <= 0 ? "/" : path.substring(0, slash);
        }
    }

    /** The privilege a refused GET needed, for the message; from the path's shape. */
    static String forPath(String path) {
        String[] parts = path.split("/");
        if (parts.length >= 4 && parts[0].equals("nodes") && (parts[2].equals("qemu") || parts[2].equals("lxc"))) {
            if (parts.length >= 5 && parts[4].equals("agent")) {
                return "VM.GuestAgent.Audit (PVE 9) or VM.Monitor (PVE 8) on /vms/" + parts[3];
            }
            return "VM.Audit on /vms/" + parts[3];
        }
        if (parts.length >= 2 && parts[0].equals("nodes")) {
            return "Sys.Audit on /nodes/" + parts[1];
        }
        if (path.startsWith("storage")) {
            return "Datastore.Audit on /storage";
        }
        if (path.startsWith("cluster/mapping")) {
            return "Mapping.Audit on /mapping";
        }
        return "Sys.Audit on /";
    }
}
