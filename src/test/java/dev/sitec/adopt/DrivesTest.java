package dev.sitec.adopt;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What import counts as a VM's disk: one definition for the refusals, the disks, the boot disk and the datastores. */
class DrivesTest {

    @Test
    void aDiskIsOnASlotAndIsNeitherACdromNorTheCloudInitDrive() {
        assertThat(Drives.isDisk("scsi0", "local-lvm:vm-101-disk-0,iothread=1,size=32G")).isTrue();
        // media=disk is PVE's default written out: still a disk.
        assertThat(Drives.isDisk("sata1", "local-lvm:vm-101-disk-1,media=disk,size=8G")).isTrue();
        assertThat(Drives.isDisk("ide2", "local:iso/debian.iso,media=cdrom")).isFalse();
        assertThat(Drives.isDisk("ide2", "local-lvm:vm-101-cloudinit,media=cdrom")).isFalse();
        assertThat(Drives.isCloudInit("ide2", "local-lvm:vm-101-cloudinit,media=cdrom")).isTrue();
        assertThat(Drives.isDisk("efidisk0", "local-lvm:vm-101-disk-2,efitype=4m")).isFalse();
        assertThat(Drives.isDisk("net0", "virtio=BC:24:11:00:00:01,bridge=vmbr0")).isFalse();
    }
}
