package dev.sitec.plan;

import dev.sitec.model.Site;
import java.util.List;

/**
 * One family of output (Terraform, Ansible, installer answers, cloud-init, Flux, …). Takes the
 * validated model and returns the files it wants; it neither reads YAML nor touches the disk, and
 * it makes every decision in Java so that its templates only lay the decisions out.
 */
public interface OutputFamily {

    /** The family's name, used in reports. */
    String name();

    List<PlannedFile> plan(Site site);
}
