package dev.sitec.family;

import dev.sitec.family.ansible.AnsibleFamily;
import dev.sitec.family.cloudinit.CloudInitFamily;
import dev.sitec.family.flux.FluxFamily;
import dev.sitec.family.installer.InstallerFamily;
import dev.sitec.family.runbook.RunbookFamily;
import dev.sitec.family.terraform.TerraformFamily;
import dev.sitec.plan.OutputFamily;
import java.util.List;

/** Every output family, in the order their files are listed in reports. */
public final class OutputFamilies {

    private OutputFamilies() {
    }

    public static List<OutputFamily> all() {
        return List.of(new RunbookFamily(), new InstallerFamily(), new CloudInitFamily(), new TerraformFamily(), new AnsibleFamily(), new FluxFamily());
    }
}
