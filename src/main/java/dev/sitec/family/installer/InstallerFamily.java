package dev.sitec.family.installer;

import dev.sitec.model.Installer;
import dev.sitec.model.Site;
import dev.sitec.plan.FileMode;
import dev.sitec.plan.OutputFamily;
import dev.sitec.plan.PlannedFile;
import java.util.ArrayList;
import java.util.List;

/**
 * Proxmox automated-installer answers for every PVE node, backup server and the PDM VM, with the
 * script that bakes each into an installation ISO. Answers hold the root password hash: mode 0600.
 */
public final class InstallerFamily implements OutputFamily {

    @Override
    public String name() {
        return "installer";
    }

    @Override
    public List<PlannedFile> plan(Site site) {
        List<PlannedFile> files = new ArrayList<>();
        List<InstallerReadmeView.Host> rows = new ArrayList<>();
        boolean http = site.installer().fetch() == Installer.Fetch.HTTP;
        for (InstallTarget target : InstallTarget.all(site)) {
            AnswerView answer = AnswerView.of(target, site.info());
            String dir = "installer/" + target.host() + "/";
            files.add(new PlannedFile(dir + "answer.toml", "installer/answer.toml.ftl", answer, FileMode.PRIVATE));
            files.add(new PlannedFile(dir + "prepare-iso.sh", "installer/prepare-iso.sh.ftl",
                    PrepareIsoView.of(target, site.installer()), FileMode.EXECUTABLE));
            if (http) {
                // The answer server picks a host's answer by the MAC the installer reports.
                files.add(new PlannedFile("installer/http/" + target.mac().hexDigits() + ".toml",
                        "installer/answer.toml.ftl", answer, FileMode.PRIVATE));
            }
            rows.add(new InstallerReadmeView.Host(target.host(), target.product().label(), target.mac().value(),
                    answer.cidr(), String.join(", ", target.bootDisks().disks()) + " (" + answer.filesystem()
                            + (answer.raid() == null ? "" : " " + answer.raid()) + ")"));
        }
        if (!rows.isEmpty()) {
            files.add(PlannedFile.of("installer/README.md", "installer/README.md.ftl",
                    new InstallerReadmeView(rows, http, site.installer().answerUrl().orElse(null))));
        }
        return files;
    }
}
