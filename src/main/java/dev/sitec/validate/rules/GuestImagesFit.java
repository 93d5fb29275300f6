package dev.sitec.validate.rules;

import dev.sitec.diagnostic.Diagnostic;
import dev.sitec.validate.RuleContext;
import dev.sitec.validate.SiteRule;
import java.util.ArrayList;
import java.util.List;
import com.fasterxml.jackson.core.JsonPointer;
import dev.sitec.model.GuestOs;
import dev.sitec.model.Image;
import dev.sitec.model.Vm;

/**
 * A VM's image suits what runs in it: Windows installs from an ISO (and its drivers come on one), an
 * appliance is a disk image imported as it is, and no VM boots a container template.
 */
public final class GuestImagesFit implements SiteRule {

    @Override
    public List<Diagnostic> check(RuleContext context) {
        List<Diagnostic> out = new ArrayList<>();
        for (Vm vm : context.site().vms().values()) {
            Image image = vm.image().map(context.site().images()::get).orElse(null);
            String owner = "vm '" + vm.name() + "'";
            if (image != null && image.kind() == Image.Kind.LXC) {
                out.add(context.errorAtKey(vm.origin(), owner + " uses container template '" + image.name()
                        + "'; a VM boots a disk image or an ISO").withHint("run it under 'containers', or pick another image"));
            } else if (image != null && vm.os() == GuestOs.WINDOWS && image.kind() != Image.Kind.ISO) {
                out.add(context.errorAtKey(vm.origin(), owner + " runs Windows, but image '" + image.name()
                        + "' is not an ISO").withHint("Windows installs from its ISO: give the image kind: iso"));
            } else if (image != null && vm.os() == GuestOs.APPLIANCE && image.kind() != Image.Kind.CLOUD_IMAGE) {
                out.add(context.errorAtKey(vm.origin(), owner + " is an appliance, but image '" + image.name()
                        + "' is not a disk image").withHint("an appliance's disk image is imported as it is: use kind: cloud-image"
                        + " (the default), or os: linux for an ISO installer"));
            }
            vm.windows().flatMap(Vm.Windows::drivers).ifPresent(name -> {
                Image drivers = context.site().images().get(name);
                JsonPointer at = vm.origin().appendProperty("drivers");
                if (drivers == null) {
                    References.resolveInto(out, context, at, owner, "image", name, context.site().images().keySet());
                } else if (drivers.kind() != Image.Kind.ISO) {
                    out.add(context.errorAt(at, owner + "'s drivers image '" + name + "' is not an ISO")
                            .withHint("the virtio-win drivers come as an ISO: give the image kind: iso"));
                }
            });
        }
        return out;
    }
}
