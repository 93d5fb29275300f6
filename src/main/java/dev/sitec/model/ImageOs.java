package dev.sitec.model;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The Linux distribution a VM's or machine's image holds: the one the image says (os), else the one
 * its file name shows, as the distributions name their cloud and Raspberry Pi images
 * (debian-13-genericcloud-…, ubuntu-24.04-server-cloudimg-…, noble-server-cloudimg-…, …-raspios-…,
 * AlmaLinux-9-GenericCloud-…, Rocky-9-GenericCloud-…, Fedora-Cloud-Base-…, CentOS-Stream-GenericCloud-…,
 * openSUSE-Leap-…, Arch-Linux-…-cloudimg). K3s's prerequisites depend on it: the package manager,
 * SELinux, the firewall (the k3s_prereqs role itself goes by the host's os_family fact).
 */
public final class ImageOs {

    /** The names sitec knows, in the order file names are matched (raspios before the others). */
    private static final List<String[]> FILE_NAMES = List.of(
            new String[] {"raspios", "debian"},
            new String[] {"debian", "debian"},
            new String[] {"ubuntu", "ubuntu"},
            new String[] {"noble-server-cloudimg", "ubuntu"},
            new String[] {"jammy-server-cloudimg", "ubuntu"},
            new String[] {"almalinux", "almalinux"},
            new String[] {"rocky", "rocky"},
            new String[] {"fedora", "fedora"},
            new String[] {"centos", "centos"},
            new String[] {"opensuse", "opensuse"},
            new String[] {"arch-linux", "archlinux"});

    /** The RedHat family: its K3s prerequisites install with dnf, with the K3s SELinux policy and firewalld rules. */
    public static final List<String> REDHAT_FAMILY = List.of("almalinux", "rocky", "fedora", "centos");

    /** Distributions whose K3s prerequisites sitec installs: with apt (Debian, Ubuntu), or with dnf (the RedHat family). */
    public static final List<String> K3S_SUPPORTED = List.of("debian", "ubuntu", "almalinux", "rocky", "fedora", "centos");

    private ImageOs() {
    }

    /** The image's distribution, as site.yaml names distributions; empty when neither os nor the file name says. */
    public static Optional<String> of(Image image) {
        if (image.declaredDistribution().isPresent()) {
            return image.declaredDistribution().map(Distribution::id);
        }
        String file = image.fileName().toLowerCase(Locale.ROOT);
        return FILE_NAMES.stream().filter(p -> file.contains(p[0])).map(p -> p[1]).findFirst();
    }
}
