package dev.sitec.change;

import com.fasterxml.jackson.core.JsonPointer;
import dev.sitec.model.Site;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Compares the site a tree was generated from with an edited one: every change to the running lab,
 * classified. Both sites are validated models, so every reference in each resolves.
 */
public final class SiteComparison {

    private SiteComparison() {
    }

    public static ChangePlan compare(Site before, Site after) {
        List<Change> changes = new ArrayList<>();
        changes.addAll(guests(before.vms(), after.vms(), JsonPointer.compile("/vms"),
                vm -> GuestIdentity.of(before, vm), vm -> VmChanges.created(after, vm),
                (old, now) -> VmChanges.compare(before, old, after, now)));
        changes.addAll(guests(before.containers(), after.containers(), JsonPointer.compile("/containers"),
                ct -> GuestIdentity.of(before, ct), ct -> GuestLifecycle.created(GuestIdentity.of(after, ct)),
                (old, now) -> ContainerChanges.compare(before, old, after, now)));
        changes.addAll(HostChanges.compare(before, after));
        changes.addAll(KubernetesChanges.compare(before, after));
        changes.addAll(KubernetesChanges.serversRestarted(before, after, changes));
        return new ChangePlan(changes);
    }

    private static <T> List<Change> guests(Map<String, T> before, Map<String, T> after, JsonPointer collection,
                                           java.util.function.Function<T, GuestIdentity> was,
                                           java.util.function.Function<T, Change> created,
                                           java.util.function.BiFunction<T, T, List<Change>> changed) {
        List<Change> changes = new ArrayList<>();
        after.forEach((name, now) -> {
            T old = before.get(name);
            changes.addAll(old == null ? List.of(created.apply(now)) : changed.apply(old, now));
        });
        before.forEach((name, old) -> {
            if (!after.containsKey(name)) {
                changes.add(GuestLifecycle.deleted(was.apply(old), collection));
            }
        });
        return changes;
    }
}
