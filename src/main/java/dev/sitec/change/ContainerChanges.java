package dev.sitec.change;

import static dev.sitec.change.ChangeKind.IN_PLACE;
import static dev.sitec.change.ChangeKind.REBOOT;
import static dev.sitec.change.ChangeKind.REPLACE;

import com.fasterxml.jackson.core.JsonPointer;
import dev.sitec.family.ansible.GuestSettings;
import dev.sitec.model.Container;
import dev.sitec.model.Nic;
import dev.sitec.model.Site;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What an edit of one LXC container does to it, after the bpg/proxmox provider at the pinned version
 * (proxmoxtf/resource/container/container.go): ForceNew replaces it, containerUpdate's
 * rebootRequired restarts it. Bind mounts, devices and features are Ansible's ({@code pct set}).
 */
final class ContainerChanges {

    private static final String CONTAINER_GO = "bpg/proxmox resource/container/container.go";
    /** Where the settings only root may make are made (family/ansible GuestSettings, the proxmox_node role). */
    private static final String ROLE = "Ansible's proxmox_node role";
    private static final String PCT_SET = "as root with pct set (pve-container check_ct_modify_config_perm refuses an API"
            + " token)";
    static final String PENDING = "what PVE cannot hotplug (features, a changed mpN or devN: pve-container"
            + " vmconfig_hotplug_pending) stays pending until the container restarts, which the role does for cattle and"
            + " asks of you for a pet";

    static final List<Attribute<Container>> ATTRIBUTES = List.of(
            new Attribute<>("node", "node", Container::node, REPLACE, "node_name is ForceNew (" + CONTAINER_GO + ")"),
            new Attribute<>("vmId", "vm_id", ct -> String.valueOf(ct.vmId()), REPLACE,
                    "vm_id is ForceNew (" + CONTAINER_GO + ", CustomizeDiff)"),
            new Attribute<>("template", "template", Container::template, IN_PLACE,
                    "the running container keeps its root filesystem: the module ignores template_file_id, which the"
                            + " provider never reads back (" + CONTAINER_GO + ", containerRead)"),
            new Attribute<>("unprivileged", "unprivileged", ct -> String.valueOf(ct.unprivileged()), REPLACE,
                    "unprivileged is ForceNew (" + CONTAINER_GO + ")"),
            new Attribute<>("cores", "cores", ct -> String.valueOf(ct.cores()), IN_PLACE,
                    "cpu changes apply to the running container (" + CONTAINER_GO + ", containerUpdate)"),
            new Attribute<>("memoryMib", "memory_mib", ct -> String.valueOf(ct.memoryMib()), REBOOT,
                    "a memory change restarts the container (" + CONTAINER_GO + ", containerUpdate)"),
            new Attribute<>("swapMib", "swap_mib", ct -> String.valueOf(ct.swapMib()), REBOOT,
                    "a memory change restarts the container (" + CONTAINER_GO + ", containerUpdate)"),
            // PVE keeps tags sorted, and the module sorts them: a tag moved in the list is no change.
            new Attribute<>("tags", "tags", ct -> Show.of(new java.util.TreeSet<>(ct.tags())), IN_PLACE, null),
            new Attribute<>("onBoot", "on_boot", ct -> String.valueOf(ct.onBoot()), IN_PLACE, null),
            new Attribute<>("startup", "startup", ct -> Show.of(ct.startup()), IN_PLACE, null),
            new Attribute<>("description", "description", ct -> Show.of(ct.description()), IN_PLACE, null));

    /** Components with rules of their own below, or (name, origin) not values at all. */
    static final Set<String> COMPARED_APART = Set.of("name", "origin", "vmIdExplicit", "lifecycle", "disk", "nics",
            "mounts", "allowReplace", "existing", "features", "devices");

    private ContainerChanges() {
    }

    static List<Change> compare(Site beforeSite, Container before, Site afterSite, Container after) {
        GuestIdentity old = GuestIdentity.of(beforeSite, before);
        GuestIdentity now = GuestIdentity.of(afterSite, after);
        List<Change> changes = new ArrayList<>();
        List<Change> replacing = new ArrayList<>();
        for (Attribute<Container> attribute : ATTRIBUTES) {
            attribute.compare(now.subject(), before, after, after.origin())
                    .map(c -> attribute.component().equals("template") ? c.because(c.cause().orElseThrow() + "; "
                            + now.rebuild("upgrade its system inside it")) : c)
                    .ifPresent(c -> (c.kind() == REPLACE ? replacing : changes).add(c));
        }
        features(before, after, now).ifPresent(changes::add);
        changes.addAll(GuestLifecycle.lifecycle(old, now));
        JsonPointer disk = after.origin().appendProperty("disk");
        String oldStore = beforeSite.datastoreOf(before);
        String newStore = afterSite.datastoreOf(after);
        if (!oldStore.equals(newStore)) {
            replacing.add(Change.of(REPLACE, now.subject(), "disk datastore " + oldStore + " -> " + newStore,
                    "disk.datastore_id is ForceNew (" + CONTAINER_GO + ")", disk.appendProperty("datastore")));
        }
        int oldSize = before.disk().sizeGib();
        int newSize = after.disk().sizeGib();
        if (newSize > oldSize) {
            changes.add(Change.of(IN_PLACE, now.subject(), "disk " + oldSize + " -> " + newSize + " GiB",
                    "the root disk is resized in place (" + CONTAINER_GO + ", containerUpdate)", disk.appendProperty("size_gib")));
        } else if (newSize < oldSize) {
            // Read as a replacement in CustomizeDiff; run, it is an update that apply refuses (ProviderPlanTest).
            changes.add(GuestLifecycle.shrunk(Change.of(ChangeKind.DESTROYS_DATA, now.subject(), "disk " + oldSize
                    + " -> " + newSize + " GiB", "the provider plans an update and apply refuses it (" + CONTAINER_GO
                    + ": \"new disk size ... has to be greater than the current disk\"), and neither can PVE (pct resize"
                    + " only grows)", disk.appendProperty("size_gib")), now, "a volume of the size you want (a mount in"
                    + " mounts), copy the data over inside it, and point the service at it"));
        }
        changes.addAll(mounts(before, after, now));
        rootSettings("devices", before.devices(), after.devices(), before, after, now,
                after.origin().appendProperty("devices")).ifPresent(changes::add);
        changes.addAll(nics(before, after, now.subject()));
        if (replacing.isEmpty()) {
            return changes;
        }
        List<Change> replaced = new ArrayList<>(replacing.stream()
                .map(c -> GuestLifecycle.destroying(c, old, now, "be replaced")).toList());
        replaced.addAll(GuestLifecycle.collapse(changes, true));
        return replaced;
    }

    private static List<Change> mounts(Container before, Container after, GuestIdentity now) {
        List<Change> changes = new ArrayList<>();
        JsonPointer at = after.origin().appendProperty("mounts");
        List<Container.Mount> oldBinds = before.mounts().stream().filter(Container.Mount::bind).toList();
        List<Container.Mount> newBinds = after.mounts().stream().filter(Container.Mount::bind).toList();
        if (!describe(oldBinds).equals(describe(newBinds))) {
            rootSettings("bind mounts", describe(oldBinds), describe(newBinds), before, after, now, at)
                    .ifPresent(changes::add);
        }
        List<Container.Mount> oldVolumes = before.mounts().stream().filter(m -> !m.bind()).toList();
        List<Container.Mount> newVolumes = after.mounts().stream().filter(m -> !m.bind()).toList();
        if (!describe(oldVolumes).equals(describe(newVolumes))) {
            changes.add(Change.of(IN_PLACE, now.subject(), "volumes " + describe(oldVolumes) + " -> " + describe(newVolumes),
                    "not applied to the running container: mount_point is ForceNew (" + CONTAINER_GO + "), so the module"
                            + " ignores it after creation; a rebuilt container gets the new volumes", at));
        }
        return changes;
    }

    /**
     * Features: Terraform sets nesting when it creates an unprivileged container, then ignores them; the
     * role keeps the whole list (one option) in step with the site.
     */
    private static java.util.Optional<Change> features(Container before, Container after, GuestIdentity now) {
        if (before.features().equals(after.features())) {
            return java.util.Optional.empty();
        }
        return rootSettings("features", before.features(), after.features(), before, after, now,
                after.origin().appendProperty("features"));
    }

    /**
     * A change of settings only root may make (bind mounts, devices, features), by what Ansible's role
     * does with it (family/ansible GuestSettings, tasks/guest_settings.yml): it sets each option whose
     * value differs and deletes each it set that the site no longer gives, as root; PVE applies what it
     * cannot hotplug at the next start.
     */
    private static java.util.Optional<Change> rootSettings(String what, Object oldValue, Object newValue, Container before,
                                                           Container after, GuestIdentity now, JsonPointer at) {
        if (Show.of(oldValue).equals(Show.of(newValue))) {
            return java.util.Optional.empty();
        }
        String prefix = switch (what) {
            case "features" -> "features";
            case "devices" -> "dev";
            default -> "mp";
        };
        java.util.Map<String, String> old = rootOnly(before, prefix);
        java.util.Map<String, String> fresh = rootOnly(after, prefix);
        List<String> set = fresh.entrySet().stream().filter(e -> !e.getValue().equals(old.get(e.getKey())))
                .map(e -> e.getKey() + "=" + e.getValue()).toList();
        List<String> gone = old.keySet().stream().filter(k -> !fresh.containsKey(k)).toList();
        List<String> actions = new ArrayList<>();
        if (!set.isEmpty()) {
            actions.add("sets " + String.join(", ", set));
        }
        if (!gone.isEmpty()) {
            actions.add("deletes " + String.join(", ", gone) + " (pct set " + now.vmId() + " --delete " + String.join(",", gone)
                    + ", only what it set itself)");
        }
        if (actions.isEmpty()) {
            return java.util.Optional.of(Change.of(IN_PLACE, now.subject(), what + " " + Show.of(oldValue) + " -> "
                    + Show.of(newValue), "the role's settings stay the same: nothing changes on the container", at));
        }
        return java.util.Optional.of(Change.of(REBOOT, now.subject(), what + " " + Show.of(oldValue) + " -> " + Show.of(newValue),
                ROLE + " " + String.join(" and ", actions) + " " + PCT_SET + "; " + PENDING, at));
    }

    /** The options of one kind the role sets as root on a container, from family/ansible GuestSettings. */
    static java.util.Map<String, String> rootOnly(Container ct, String prefix) {
        java.util.Map<String, String> settings = new java.util.TreeMap<>();
        GuestSettings.of(ct).forEach((option, value) -> {
            if (option.equals(prefix) || option.matches(prefix + "\\d+")) {
                settings.put(option, value);
            }
        });
        return settings;
    }


    private static String describe(List<Container.Mount> mounts) {
        return Show.of(mounts.stream().map(m -> m.path() + m.hostPath().map(h -> " from " + h)
                .orElse(" " + m.sizeGib() + " GiB" + m.datastore().map(d -> " on " + d).orElse(""))).toList());
    }

    private static List<Change> nics(Container before, Container after, String subject) {
        List<String> old = before.nics().stream().map(ContainerChanges::describe).toList();
        List<String> fresh = after.nics().stream().map(ContainerChanges::describe).toList();
        if (old.equals(fresh)) {
            return List.of();
        }
        return List.of(Change.of(REBOOT, subject, "network " + Show.of(old) + " -> " + Show.of(fresh),
                "a network change restarts the container (" + CONTAINER_GO + ", containerUpdate)",
                after.origin().appendProperty("address")));
    }

    private static String describe(Nic nic) {
        return nic.network() + " " + nic.address().map(Object::toString).orElse("dhcp") + " " + Show.of(nic.mac());
    }
}
